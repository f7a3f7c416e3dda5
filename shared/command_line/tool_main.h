#pragma once

#include "command_line.h"

#include <cstdint>
#include <exception>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace shouwang {

// What is common to `shouwang` and `shouwang-server` around their commands: --help,
// --version, a missing command, and every refusal or failure as one "错误 / error:" line
// on `err` with an exit status. Admins script both tools, so both behave alike.
struct Tool {
    std::string_view name;    // "shouwang", printed by --version
    std::string_view version; // the build's version
    std::uint32_t protocol;   // sync/protocol.h kVersion, printed by --version
    std::string_view usage;   // printed by --help
    CommandLine (*parse)(int argc, const char* const* argv);
    // Runs the command the words name; throws CommandError when refused.
    void (*run)(const CommandLine& cl, std::ostream& out);
    // An exception the tool words itself (a storage failure, say), or nullopt for the
    // generic line and status 1.
    std::optional<CommandError> (*explain)(const std::exception& e) = nullptr;
};

// Returns the process exit status: 0 done, CommandError::status when refused, 1 otherwise.
int runTool(const Tool& tool, int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace shouwang
