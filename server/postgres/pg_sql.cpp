#include "pg_sql.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace shouwang::pg {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Whether `text` begins with `words`, ignoring case and with any run of spaces between words.
std::size_t matchWords(std::string_view text, std::string_view words)
{
    std::size_t at = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == ' ') {
            if (at >= text.size() || !std::isspace(static_cast<unsigned char>(text[at])))
                return 0;
            while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
                ++at;
            continue;
        }
        if (at >= text.size() || std::toupper(static_cast<unsigned char>(text[at])) != words[i])
            return 0;
        ++at;
    }
    return at;
}

// The parameters renumbered; quotes and comments copied as they are.
std::string renumbered(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size() + 8);
    int highest = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '?') {
            std::size_t j = i + 1;
            int number = 0;
            while (j < sql.size() && isDigit(sql[j]))
                number = number * 10 + (sql[j++] - '0');
            // SQLite numbers a bare `?` one above the highest number so far.
            if (j == i + 1)
                number = highest + 1;
            highest = std::max(highest, number);
            out += '$';
            out += std::to_string(number);
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string postgresSql(std::string_view sql)
{
    std::size_t lead = 0;
    while (lead < sql.size() && std::isspace(static_cast<unsigned char>(sql[lead])))
        ++lead;
    const std::string_view body = sql.substr(lead);
    if (matchWords(body, "INSERT OR REPLACE "))
        throw std::invalid_argument("INSERT OR REPLACE names no conflict; write ON CONFLICT (…) DO UPDATE");
    if (const std::size_t words = matchWords(body, "INSERT OR IGNORE INTO ")) {
        std::string_view rest = body.substr(words);
        while (!rest.empty() && (std::isspace(static_cast<unsigned char>(rest.back())) || rest.back() == ';'))
            rest.remove_suffix(1);
        return renumbered("INSERT INTO " + std::string(rest) + " ON CONFLICT DO NOTHING");
    }
    return renumbered(body);
}

} // namespace shouwang::pg
