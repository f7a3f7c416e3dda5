#pragma once

#include <string>
#include <string_view>

namespace shouwang::pg {

// A statement as the store writes it (SQLite's spelling, store/database.h) in PostgreSQL's:
// `?` and `?N` parameters become `$N`, and `INSERT OR IGNORE INTO …` becomes
// `INSERT INTO … ON CONFLICT DO NOTHING`. Text in quotes and comments is left alone.
// `INSERT OR REPLACE` has no spelling without naming the conflict, so it is refused
// (std::invalid_argument), as is a statement the two dialects would read differently.
std::string postgresSql(std::string_view sql);

} // namespace shouwang::pg
