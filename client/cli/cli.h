#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace shouwang {
class Database;
class Ledger;
} // namespace shouwang

namespace shouwang::cli {

// The device's command line (docs/cli.md); admins script it, so its words, output lines
// and exit statuses are a contract. Returns the process exit status.
int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Exit statuses: 0 done; 1 refused or failed; 2 the command line itself is wrong;
// 3 a temporary failure (network, busy server): the same command may succeed later.
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitTryAgain = 3;

struct CommandLine {
    std::map<std::string, std::string> options; // "db" -> "village.db"; flags map to "1"
    std::vector<std::string> words;              // "export-bundle", "OUT"

    std::string option(const std::string& name, const std::string& fallback = {}) const
    {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    bool has(const std::string& name) const { return options.count(name) > 0; }
    // The n-th word after the command, or a usage error naming what is missing.
    const std::string& word(std::size_t n, const char* what) const;
    std::size_t number(const std::string& name, std::size_t fallback) const;
};

// A command refused with a one-line reason in Chinese and English.
struct CommandError {
    std::string message;
    int status = kExitFailed;
};

// The local ledger a command works on. `mustExist`: refuse to create a new, empty file
// (a mistyped --db must not look like an empty village).
struct OpenLedger {
    std::unique_ptr<Database> db;
    std::unique_ptr<Ledger> ledger;
    OpenLedger(const CommandLine& cl, bool mustExist);
    ~OpenLedger();
};

void cmdEnroll(const CommandLine& cl, std::ostream& out);
void cmdSync(const CommandLine& cl, std::ostream& out);
void cmdExportBundle(const CommandLine& cl, std::ostream& out);
void cmdImportBundle(const CommandLine& cl, std::ostream& out);
void cmdStatus(const CommandLine& cl, std::ostream& out);
void cmdStats(const CommandLine& cl, std::ostream& out);
void cmdDemo(const CommandLine& cl, std::ostream& out);
void cmdImportCsv(const CommandLine& cl, std::ostream& out);
void cmdExportCsv(const CommandLine& cl, std::ostream& out);

} // namespace shouwang::cli
