#pragma once

#include "command_line/command_line.h"

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace shouwang::server {

// The admin's command line (docs/admin-guide.md); admins script it, so its words, output
// lines and exit statuses are a contract. Returns the process exit status.
int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// A parsed command line: options (flags and config file merged) and the command words;
// the parsing is shared with the device's tool (shared/command_line).
using shouwang::CommandError;
using shouwang::CommandLine;

// The commands themselves (commands.cpp); each throws CommandError on refusal.
void cmdInit(const CommandLine& cl, std::ostream& out);
void cmdEnroll(const CommandLine& cl, std::ostream& out);
void cmdDevices(const CommandLine& cl, std::ostream& out);
void cmdConflicts(const CommandLine& cl, std::ostream& out);
void cmdServe(const CommandLine& cl, std::ostream& out);
void cmdImportBundle(const CommandLine& cl, std::ostream& out);
void cmdStats(const CommandLine& cl, std::ostream& out);
void cmdBackup(const CommandLine& cl, std::ostream& out);
void cmdRestore(const CommandLine& cl, std::ostream& out);
// report_command.cpp: the supervision figures of shared/report.
void cmdReport(const CommandLine& cl, std::ostream& out);
// migrate_command.cpp: a county file carried into the city database (county_move.h).
void cmdMigrate(const CommandLine& cl, std::ostream& out);

} // namespace shouwang::server
