// The one place that knows libxlsxwriter; everything else hands over Tables.
#include "table.h"

#include "store/private_file.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <set>

namespace shouwang {
namespace {

// Excel's limits on a sheet name: 31 characters, none of []:*?/\ and unique in the book.
std::string sheetName(const std::string& wanted, std::set<std::string>& used)
{
    std::string name;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < wanted.size() && chars < 28;) {
        const unsigned char c = static_cast<unsigned char>(wanted[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const std::string piece = wanted.substr(i, len);
        name += piece.find_first_of("[]:*?/\\") == std::string::npos ? piece : "_";
        i += len;
        ++chars;
    }
    if (name.empty())
        name = "表";
    std::string unique = name;
    for (int n = 2; used.count(unique); ++n)
        unique = name + "(" + std::to_string(n) + ")";
    used.insert(unique);
    return unique;
}

// A cell Excel should add up: an optional minus, digits, an optional fraction, and short
// enough to stay exact (an 18-digit ID number must remain text).
bool isNumber(const std::string& text)
{
    if (text.empty() || text.size() > 12)
        return false;
    std::size_t i = text[0] == '-' ? 1 : 0, digits = 0, dots = 0;
    for (; i < text.size(); ++i) {
        if (text[i] == '.')
            ++dots;
        else if (text[i] >= '0' && text[i] <= '9')
            ++digits;
        else
            return false;
    }
    return digits > 0 && dots <= 1 && text.back() != '.' && !(text.size() > 1 && text[0] == '0' && text[1] != '.');
}

// Display width in Excel's character units: CJK counts double.
double displayWidth(const std::string& text)
{
    double width = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            width += 1;
        else if (c >= 0xE0) // the lead byte of a three- or four-byte character: CJK and friends
            width += 2;
    }
    return width;
}

lxw_error writeSheet(lxw_workbook* book, const Table& table, const std::string& name, lxw_format* bold)
{
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    if (!sheet)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    std::vector<double> widths(table.headers.size(), 6);
    for (std::size_t c = 0; c < table.headers.size(); ++c)
        widths[c] = std::max(widths[c], displayWidth(table.headers[c]));
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], std::min(60.0, displayWidth(row[c])));
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c] + 2, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);

    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        if (lxw_error e = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), bold))
            return e;
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            const std::string& cell = table.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (cell.empty())
                continue;
            const lxw_error e = isNumber(cell) ? worksheet_write_number(sheet, row, col, std::strtod(cell.c_str(), nullptr), nullptr)
                                               : worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            if (e)
                return e;
        }
    }
    return LXW_NO_ERROR;
}

} // namespace

std::string writeTablesXlsx(const std::string& path, const std::vector<Table>& tables)
{
    // Constant memory: rows go to disk as they are written, so a 100,000-elder ledger
    // does not have to fit in memory twice.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    // Owner-only from the start: libxlsxwriter opens the file "wb", which keeps its mode.
    if (!createPrivateFile(path))
        return "无法创建文件：" + path;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book)
        return "无法创建文件：" + path;
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::set<std::string> used;
    lxw_error error = LXW_NO_ERROR;
    for (const Table& table : tables) {
        if ((error = writeSheet(book, table, sheetName(table.name, used), bold)))
            break;
    }
    const lxw_error closed = workbook_close(book); // frees the book even after an error
    restrictFileToOwner(path);
    if (error || closed)
        return "写入 Excel 文件失败（" + std::string(lxw_strerror(error ? error : closed)) + "）：" + path;
    return {};
}

} // namespace shouwang
