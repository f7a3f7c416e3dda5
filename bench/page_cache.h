#pragma once

#include <string>

namespace shouwang::bench {

// Pushes a SQLite file (and its -wal, when there is one) out of the OS's page cache, so the
// next open reads it from the disk as a user's first start of the day does. Written pages
// are synced first (the kernel does not drop dirty pages). Returns false when the file
// could not be opened; a -wal that does not exist is not an error.
bool evictFromPageCache(const std::string& dbPath);

} // namespace shouwang::bench
