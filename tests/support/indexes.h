#pragma once

#include "store/database.h"

#include <string>
#include <vector>

namespace shouwang::test {

// The names of a ledger file's indexes on `table` ("" for every table, each then named
// "table.index"), in order: what a test compares before and after the indexes move.
inline std::vector<std::string> indexesOf(Database& db, const std::string& table = {})
{
    std::vector<std::string> out;
    auto st = db.prepare(table.empty()
                             ? "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'index' ORDER BY 1"
                             : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 ORDER BY 1");
    if (!table.empty())
        st.bind(1, table);
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

} // namespace shouwang::test
