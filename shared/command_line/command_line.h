#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace shouwang {

// The command lines of `shouwang` and `shouwang-server`: words, `--name value`,
// `--name=value` and flags. Admins script both tools, so both parse the same way.
struct CommandLine {
    std::map<std::string, std::string> options; // "db" -> "village.db"; flags map to "1"
    std::vector<std::string> words;              // "export-bundle", "OUT"

    std::string option(const std::string& name, const std::string& fallback = {}) const
    {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    bool has(const std::string& name) const { return options.count(name) > 0; }
    // The n-th word, or a usage error naming what is missing.
    const std::string& word(std::size_t n, const char* what) const;
    // A non-negative integer option, or a usage error.
    std::size_t number(const std::string& name, std::size_t fallback) const;
};

// A command refused with a one-line reason in Chinese and English, and the exit status.
struct CommandError {
    std::string message;
    int status = 1;
};

// Exit status for a command line that is itself wrong.
inline constexpr int kExitUsage = 2;

using OptionNames = std::set<std::string, std::less<>>;

// `valued` options take a value, `flags` do not; anything else starting with "--" is a
// usage error.
CommandLine parseCommandLine(int argc, const char* const* argv, const OptionNames& valued, const OptionNames& flags);

} // namespace shouwang
