#include "bench_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace shouwang::bench {

void Report::add(Row row)
{
    std::printf("  %-12s %-58s %s %s %s\n", row.scenario.c_str(), row.what.c_str(), row.value.c_str(),
                row.target.c_str(), row.verdict.c_str());
    std::fflush(stdout);
    m_rows.push_back(std::move(row));
}

std::string Report::markdown() const
{
    std::ostringstream out;
    out << "| scenario | measure | value | target | verdict |\n|---|---|---|---|---|\n";
    for (const auto& r : m_rows)
        out << "| " << r.scenario << " | " << r.what << " | " << r.value << " | " << r.target << " | " << r.verdict
            << " |\n";
    if (!m_notes.empty()) {
        out << "\n";
        for (const auto& n : m_notes)
            out << "- " << n << "\n";
    }
    return out.str();
}

Facts parseFacts(const std::string& text)
{
    Facts facts;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos || space == 0)
            continue;
        facts[line.substr(0, space)] = line.substr(space + 1);
    }
    return facts;
}

double factNumber(const Facts& facts, const std::string& key, double fallback)
{
    auto it = facts.find(key);
    if (it == facts.end())
        return fallback;
    try {
        return std::stod(it->second);
    } catch (...) {
        return fallback;
    }
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string thousands(double value)
{
    const long long n = std::llround(value);
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string megabytes(double bytes)
{
    return fixed(bytes / 1e6, bytes < 1e7 ? 2 : 1) + " MB";
}

double percentileValue(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest sample at or above p of them.
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
}

std::string percentile(std::vector<double> samples, double p, int decimals)
{
    return fixed(percentileValue(std::move(samples), p), decimals);
}

} // namespace shouwang::bench
