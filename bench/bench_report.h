#pragma once

#include <map>
#include <string>
#include <vector>

namespace shouwang::bench {

// One line of the printed table: what was measured, its figure, and where the target
// is a ratio or a bound, the reference measured in the same run and the verdict.
struct Row {
    std::string scenario; // "1 upload"
    std::string what;     // "changes/s through the server"
    std::string value;    // "41,230"
    std::string target;   // "≤ 3× limit", "" when the row is informative
    std::string verdict;  // "met", "MISSED", ""
};

class Report {
public:
    void add(Row row);
    void note(std::string line) { m_notes.push_back(std::move(line)); }
    // A Markdown table (it reads well in a terminal too), then the notes.
    std::string markdown() const;

private:
    std::vector<Row> m_rows;
    std::vector<std::string> m_notes;
};

// Key/value lines, the language between the bench and its child processes.
using Facts = std::map<std::string, std::string>;
Facts parseFacts(const std::string& text);
double factNumber(const Facts& facts, const std::string& key, double fallback = 0);

std::string fixed(double value, int decimals);
std::string thousands(double value);   // 1234567 -> "1,234,567"
std::string megabytes(double bytes);   // "12.3 MB"
std::string percentile(std::vector<double> samples, double p, int decimals = 1);
double percentileValue(std::vector<double> samples, double p);

} // namespace shouwang::bench
