#include "record_pages.h"

#include "database.h"
#include "record_table.h"
#include "village_range.h"

#include "domain/schema.h"

#include <charconv>

namespace shouwang {
namespace {

// A key: "<entity's place in the schema>/<village code>/<rowid>".
struct PageKey {
    std::size_t entity = 0;
    std::string village;
    std::int64_t row = 0;
};

std::string keyText(std::size_t entity, std::string_view village, std::int64_t row)
{
    return std::to_string(entity) + "/" + std::string(village) + "/" + std::to_string(row);
}

template <typename Number>
bool parseNumber(std::string_view text, Number& out)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc{} && end == text.data() + text.size() && !text.empty();
}

std::optional<PageKey> parseKey(std::string_view text)
{
    PageKey key;
    if (text.empty())
        return key;
    const auto first = text.find('/');
    const auto last = text.rfind('/');
    if (first == std::string_view::npos || first == last)
        return std::nullopt;
    if (!parseNumber(text.substr(0, first), key.entity) || key.entity >= entities().size()
        || !parseNumber(text.substr(last + 1), key.row) || key.row < 0)
        return std::nullopt;
    key.village = std::string(text.substr(first + 1, last - first - 1));
    return key;
}

std::string pageSql(const EntityDef& entity)
{
    std::string sql = "SELECT id, village_code, created_at, updated_at, deleted, field_clock";
    for (const auto& field : entity.fields)
        sql += ", " + std::string(field.name);
    return sql + ", rowid FROM " + std::string(entity.table) + " WHERE " + std::string(kVillageRangeClause)
        + " AND (village_code, rowid) > (?, ?) ORDER BY village_code, rowid LIMIT ?";
}

} // namespace

std::vector<CodeRange> scopeRanges(std::string_view prefix, std::string_view countyCode)
{
    std::vector<CodeRange> ranges;
    // The county's own code sorts before every code under it; "\x01" ends the range at
    // that one code, since codes are digits.
    if (prefix != countyCode)
        ranges.emplace_back(std::string(countyCode), std::string(countyCode) + '\x01');
    ranges.emplace_back(std::string(prefix), villageRangeEnd(prefix));
    return ranges;
}

std::optional<PageEnd> recordsAfter(Database& db, const std::vector<CodeRange>& ranges, std::string_view after,
                                    std::size_t limit, const RecordSink& take)
{
    std::optional<PageKey> key = parseKey(after);
    if (!key)
        return std::nullopt;
    PageEnd page;
    bool refused = false;
    const auto& all = entities();
    for (std::size_t e = key->entity; e < all.size() && page.count < limit && !refused; ++e) {
        const EntityDef& entity = all[e];
        const bool resuming = e == key->entity;
        Statement& st = db.cached(pageSql(entity));
        const int rowColumn = 6 + static_cast<int>(entity.fields.size());
        for (const auto& [first, end] : ranges) {
            st.bind(1, first).bind(2, end);
            st.bind(3, resuming ? std::string_view(key->village) : std::string_view{});
            st.bind(4, resuming ? key->row : std::int64_t{0});
            st.bind(5, static_cast<std::int64_t>(limit - page.count));
            while (!refused && st.step()) {
                Record record = recordFromRow(st, entity);
                std::string where = keyText(e, record.villageCode, st.integer(rowColumn));
                if (take(std::move(record), std::move(where)))
                    ++page.count;
                else
                    refused = true;
            }
            st.reset();
            if (page.count >= limit || refused)
                break;
        }
    }
    page.more = refused || page.count >= limit;
    return page;
}

} // namespace shouwang
