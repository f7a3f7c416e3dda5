#pragma once

#include "csv.h"

#include <string>
#include <string_view>
#include <vector>

namespace shouwang::xlsx {

// The cells of one sheet of an Excel workbook (.xlsx: a zip of XML parts, read with minizip
// and expat), as rows of text the way Excel shows them: shared and inline strings as text,
// numbers as written in the file (an 18-digit number Excel stored is 5.0015419520315E+17,
// which the import refuses with the reason), cells formatted as dates as YYYY-MM-DD.
// Rows keep their sheet row numbers in Row::line, so messages name the row the clerk sees.
struct Sheet {
    std::vector<csv::Row> rows;
    std::vector<std::string> sheetNames; // every sheet of the workbook, in order
    std::string name;                    // the sheet read
    std::string error;                   // Chinese; rows are empty then
};

// `sheetName` "" reads the first sheet.
Sheet readSheet(std::string_view fileBytes, const std::string& sheetName = {});

// Whether bytes are a zip (an .xlsx), or an old binary .xls (OLE2 compound file).
bool looksLikeZip(std::string_view bytes);
bool looksLikeOldXls(std::string_view bytes);

} // namespace shouwang::xlsx
