#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace shouwang {

// A table people take away: a name (the sheet's tab, the section's title), Chinese headers
// and rows of text. The ledger export and every supervision table share this form, so
// CSV and .xlsx come from one writer each.
struct Table {
    std::string name;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// Header and rows as CSV (RFC 4180, CRLF), without a byte order mark: the caller writes one
// at the start of a file.
void writeTableCsv(std::ostream& out, const Table& table);

// Every table into one .xlsx workbook, one sheet each, the header row bold and frozen;
// cells that are plain numbers are written as numbers so Excel can sum them. "" on
// success, else why the file could not be written (Chinese).
std::string writeTablesXlsx(const std::string& path, const std::vector<Table>& tables);

} // namespace shouwang
