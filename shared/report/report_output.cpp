// The report as text for a terminal or a scheduled mail, as CSV and as .xlsx.
#include "report_tables.h"

#include "exchange/csv.h"

#include <algorithm>

namespace shouwang {
namespace {

// Columns as a terminal shows them: CJK and full-width characters take two cells.
std::size_t displayWidth(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        // General punctuation (U+2000–U+206F: the dash "—" shown for no data) is narrow.
        const bool punctuation = c == 0xE2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80;
        width += len >= 3 && !punctuation ? 2 : 1;
        i += len;
    }
    return width;
}

void writeCell(std::ostream& out, const std::string& text, std::size_t width, bool last)
{
    out << text;
    if (!last)
        out << std::string(width - displayWidth(text) + 2, ' ');
}

void writeAligned(std::ostream& out, const Table& table)
{
    std::vector<std::size_t> widths(table.headers.size(), 0);
    auto measure = [&widths](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    };
    measure(table.headers);
    for (const auto& row : table.rows)
        measure(row);
    auto line = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            writeCell(out, row[c], widths[c], c + 1 == row.size());
        out << '\n';
    };
    line(table.headers);
    for (const auto& row : table.rows)
        line(row);
}

} // namespace

void writeReportText(std::ostream& out, const SupervisionReport& report, ReportSection section)
{
    const ReportRequest& q = report.request;
    out << "守望 督促检查报表\n"
        << "区域：" << report.areaName << "（" << q.area << "）\n"
        << "统计期间：" << formatDate(q.from) << " 至 " << formatDate(q.to) << "\n"
        << "统计时点：" << report.asOf << "（在册、逾期、覆盖等状态指标按此时点计算）\n";
    for (const Table& table : reportTables(report, section)) {
        out << "\n【" << table.name << "】";
        if (table.rows.empty()) {
            out << " 无\n";
            continue;
        }
        out << "（" << table.rows.size() << " 行）\n";
        writeAligned(out, table);
    }
}

void writeReportCsv(std::ostream& out, const SupervisionReport& report, ReportSection section)
{
    out << csv::kUtf8Bom;
    bool first = true;
    for (const Table& table : reportTables(report, section)) {
        if (!first)
            out << "\r\n";
        first = false;
        csv::writeRow(out, {table.name});
        writeTableCsv(out, table);
    }
}

std::string writeReportXlsx(const std::string& path, const SupervisionReport& report, ReportSection section,
                            const std::vector<Table>& extra)
{
    std::vector<Table> tables = reportTables(report, section);
    tables.insert(tables.end(), extra.begin(), extra.end());
    return writeTablesXlsx(path, tables);
}

} // namespace shouwang
