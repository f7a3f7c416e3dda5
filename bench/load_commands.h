#pragma once

#include <string>
#include <vector>

namespace shouwang::bench {

// The bench's child processes: `shouwang-bench <command> ...`. Each prints its figures as
// "key value" lines on standard output for the orchestrating process to read.
//   load-upload    --url U --plan FILE --connections N   every village pushes its outbox
//   load-rush      --url U --plan FILE --cursor N        the daily rush, one coroutine per device
//   client-pull    --url U --code C --db FILE [--mode snapshot|replay]
//                                                        a new laptop: enroll, sync to the end
//   client-queries --db FILE --repeats N                 cold start, then the ledger's filters
// The load commands' --url may name several server processes on one database,
// "URL,URL" (scenario 8): their connections, or devices, take them in turn.
// Returns the exit status, or -1 when `command` is none of them.
int runChildCommand(const std::string& command, const std::vector<std::string>& args);

} // namespace shouwang::bench
