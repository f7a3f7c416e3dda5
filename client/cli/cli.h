#pragma once

#include "command_line/command_line.h"

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
inline constexpr int kExitUsage = shouwang::kExitUsage;
inline constexpr int kExitTryAgain = 3;

// The parsing is shared with the server's command line (shared/command_line).
using shouwang::CommandError;
using shouwang::CommandLine;

// The local ledger a command works on. `mustExist`: refuse to create a new, empty file
// (a mistyped --db must not look like an empty village).
struct OpenLedger {
    std::unique_ptr<Database> db;
    std::unique_ptr<Ledger> ledger;
    OpenLedger(const CommandLine& cl, bool mustExist);
    ~OpenLedger();
};

void cmdEnroll(const CommandLine& cl, std::ostream& out);
void cmdRegisterFile(const CommandLine& cl, std::ostream& out);
void cmdSync(const CommandLine& cl, std::ostream& out);
void cmdEnrollmentCode(const CommandLine& cl, std::ostream& out);
void cmdExportBundle(const CommandLine& cl, std::ostream& out);
void cmdImportBundle(const CommandLine& cl, std::ostream& out);
void cmdStatus(const CommandLine& cl, std::ostream& out);
void cmdStats(const CommandLine& cl, std::ostream& out);
void cmdDemo(const CommandLine& cl, std::ostream& out);
void cmdImportCsv(const CommandLine& cl, std::ostream& out);
void cmdExportCsv(const CommandLine& cl, std::ostream& out);
void cmdTemplate(const CommandLine& cl, std::ostream& out);

} // namespace shouwang::cli
