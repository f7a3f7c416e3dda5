#pragma once

#include <cstdint>
#include <string>

namespace shouwang::bench {

// What a database file holds, by SQLite's own page accounting (the dbstat table): the
// change log with its indexes, the records with theirs, and everything in all (the file
// and its WAL). Issue 19's file-size target is read from it.
struct FileParts {
    std::uint64_t total = 0;
    std::uint64_t changeLog = 0;
    std::uint64_t records = 0; // the rest: record tables, their indexes, search, meta
};

FileParts measureFileParts(const std::string& path);

} // namespace shouwang::bench
