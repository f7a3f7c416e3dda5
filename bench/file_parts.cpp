#include "file_parts.h"

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

namespace shouwang::bench {

FileParts measureFileParts(const std::string& path)
{
    FileParts parts;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code missing;
        const auto size = std::filesystem::file_size(path + suffix, missing);
        parts.total += missing ? 0 : size;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + path);
    }
    sqlite3_stmt* st = nullptr;
    // The log's table, its automatic unique index and its named indexes.
    const char* sql
        = "SELECT name LIKE 'change\\_log%' ESCAPE '\\' OR name LIKE 'sqlite\\_autoindex\\_change\\_log\\_%' "
          "ESCAPE '\\', sum(pgsize) FROM dbstat GROUP BY 1";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
        const std::string why = sqlite3_errmsg(db);
        sqlite3_close(db);
        throw std::runtime_error("dbstat: " + why);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const auto bytes = static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
        (sqlite3_column_int(st, 0) ? parts.changeLog : parts.records) += bytes;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return parts;
}

} // namespace shouwang::bench
