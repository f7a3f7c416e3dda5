#pragma once

namespace shouwang::bench {

// Milliseconds since this process was started (exec), from /proc/self/stat: the time the
// loader and static initialisation took before main. Its resolution is one clock tick
// (10 ms on Linux); -1 when it cannot be read.
double msSinceProcessStart();

} // namespace shouwang::bench
