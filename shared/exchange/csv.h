#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang::csv {

// The byte order mark Excel on Windows needs to read a CSV file as UTF-8 rather than GBK.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct Row {
    std::size_t line = 0; // the file line the row starts on, 1-based, as a spreadsheet user counts
    std::vector<std::string> fields;
};

struct Document {
    std::vector<Row> rows;
    std::string error;         // in Chinese; the rows before it are still in `rows`
    std::size_t errorLine = 0;
};

// RFC 4180: fields separated by commas, rows by CRLF or LF; a field in double quotes may
// hold commas, line breaks and doubled quotes. A leading BOM is skipped. Leniency where
// Excel and hand-edited files differ from the RFC: a quote inside an unquoted field is
// kept as text, and a last line without a line break is a row. `separator` is a tab for
// what Excel saves as "Unicode 文本" (UTF-16, tab-separated).
Document parse(std::string_view text, char separator = ',');

// Quotes a field only when it needs it (comma, quote, line break, or spaces at an end).
std::string quote(std::string_view field);
// A cell a spreadsheet would run as a formula (it starts with = + - or @, maybe after tabs,
// line breaks or spaces) gets a leading ' so it is shown as the text it is: a value typed in
// a village must not become a live =HYPERLINK() in the county's workbook. Plain numbers
// ("-3", "-1.5") and the tab the ID-number columns start with are left as they are.
std::string neutralise(std::string_view field);
// The other way on import: a ' in front of what neutralise would have guarded is dropped.
std::string_view unneutralise(std::string_view field);

// One row, CRLF-terminated as RFC 4180 and Excel expect; every field neutralised.
void writeRow(std::ostream& out, const std::vector<std::string>& fields);

// True when the text is valid UTF-8 (a file saved by Excel as "CSV (逗号分隔)" is GBK).
bool isUtf8(std::string_view text);

} // namespace shouwang::csv
