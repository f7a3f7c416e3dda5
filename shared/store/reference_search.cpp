#include "reference_search.h"

#include "database.h"
#include "elder_query.h"
#include "record_table.h"
#include "village_range.h"

#include "domain/schema.h"
#include "domain/schema_names.h"

#include <algorithm>

namespace shouwang {
namespace {

// The fields a person may type a piece of to find a record other than an elder: what its
// title shows (name, head of household, caretaker, a date) and what tells two apart.
bool searchable(const FieldDef& field)
{
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Phone:
    case FieldType::IdNumber:
    case FieldType::Date:
        return true;
    default:
        return false;
    }
}

// The order of a list of candidates: by what the person reads first.
std::string orderColumn(const EntityDef& entity)
{
    for (std::string_view name : {"name", "head_name", "caretaker", "start_date", "date"}) {
        if (entity.field(name))
            return std::string(name);
    }
    return "created_at";
}

std::string householdHead(Database& db, const Record& elder)
{
    const std::string& householdId = elder.value(schema::elder::household_id);
    if (householdId.empty())
        return {};
    const auto household = loadRecord(db, *findEntity(schema::household::entity), householdId);
    return household ? household->value(schema::household::head_name) : std::string();
}

// Digits, X, spaces and dashes are a piece of an ID number or a phone, never of a name:
// the households need no look.
bool mayBeAName(const std::string& text)
{
    return text.find_first_not_of("0123456789Xx -") != std::string::npos;
}

// Elders whose household's head has `text` in the name, other than those in `found`, in
// list order within each household; at most `most`.
std::vector<std::string> eldersByHouseholdHead(Database& db, const ReferenceQuery& query,
                                               const std::vector<std::string>& found, std::size_t most)
{
    std::vector<std::string> households;
    {
        // The scope is the device's whole scope, so the village index would only add a
        // lookup per household: reading the table straight is twice as fast (13 ms against
        // 29 at 40,000 households).
        auto st = db.prepare("SELECT id FROM households WHERE deleted = 0 AND "
                             + villageRangeOnEachRow(db.dialect() == Database::Dialect::Sqlite)
                             + " AND instr(coalesce(head_name, ''), ?) > 0 ORDER BY head_name, id LIMIT ?");
        st.bind(1, query.villagePrefix).bind(2, villageRangeEnd(query.villagePrefix)).bind(3, query.text);
        st.bind(4, static_cast<std::int64_t>(most));
        while (st.step())
            households.push_back(st.text(0));
    }
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT id FROM elders WHERE household_id = ? AND deleted = 0 ORDER BY name, id");
    for (const auto& household : households) {
        st.bind(1, household);
        while (st.step() && ids.size() < most) {
            std::string id = st.text(0);
            if (std::find(found.begin(), found.end(), id) == found.end())
                ids.push_back(std::move(id));
        }
        st.reset();
        if (ids.size() >= most)
            break;
    }
    return ids;
}

// Elder ids by the list's own search (name, ID number, phone) then by head of household;
// one more than the limit when more match.
std::vector<std::string> findElderIds(Database& db, const ReferenceQuery& query, Date on)
{
    ElderFilter filter;
    filter.villagePrefix = query.villagePrefix;
    filter.text = query.text;
    filter.limit = query.limit + 1;
    std::vector<std::string> ids;
    for (auto& row : findElders(db, filter, on))
        ids.push_back(std::move(row.id));
    if (mayBeAName(query.text) && ids.size() <= query.limit) {
        for (auto& id : eldersByHouseholdHead(db, query, ids, query.limit + 1 - ids.size()))
            ids.push_back(std::move(id));
    }
    return ids;
}

// Records of another entity with `text` in a searchable field, one more than the limit when
// more match. The entity's table and columns come from the schema, never from input.
std::vector<Record> findOthers(Database& db, const EntityDef& entity, const ReferenceQuery& query)
{
    std::string sql = "SELECT " + recordColumns(entity) + " FROM " + std::string(entity.table) + " WHERE deleted = 0";
    std::vector<std::string> params; // in the order of their places
    if (!query.villagePrefix.empty()) {
        sql += " AND " + villageRangeOnEachRow(db.dialect() == Database::Dialect::Sqlite); // as above
        params.push_back(query.villagePrefix);
        params.push_back(villageRangeEnd(query.villagePrefix));
    }
    if (!query.text.empty()) {
        std::string any;
        for (const auto& field : entity.fields) {
            if (!searchable(field))
                continue;
            any += std::string(any.empty() ? "" : " OR ") + "instr(coalesce(" + std::string(field.name)
                + ", ''), ?) > 0";
            params.push_back(query.text);
        }
        sql += " AND (" + (any.empty() ? std::string("FALSE") : any) + ")";
    }
    sql += " ORDER BY " + orderColumn(entity) + ", id LIMIT ?";
    auto st = db.prepare(sql);
    int place = 0;
    for (const std::string& param : params)
        st.bind(++place, param);
    st.bind(++place, static_cast<std::int64_t>(query.limit + 1));
    std::vector<Record> records;
    while (st.step())
        records.push_back(recordFromRow(st, entity));
    return records;
}

} // namespace

ReferenceMatches findReferences(Database& db, const ReferenceQuery& query, Date on)
{
    ReferenceMatches out;
    const EntityDef* entity = findEntity(query.entity);
    if (!entity)
        return out;
    if (entity->name == schema::elder::entity) {
        for (const auto& id : findElderIds(db, query, on)) {
            if (auto match = describeReference(db, "elder", id))
                out.matches.push_back(std::move(*match));
        }
    } else {
        for (auto& record : findOthers(db, *entity, query))
            out.matches.push_back({std::move(record), {}});
    }
    if (out.matches.size() > query.limit) {
        out.matches.resize(query.limit);
        out.more = true;
    }
    return out;
}

std::optional<ReferenceMatch> describeReference(Database& db, std::string_view entity, std::string_view id)
{
    const EntityDef* def = findEntity(entity);
    if (!def || id.empty())
        return std::nullopt;
    auto record = loadRecord(db, *def, id);
    if (!record)
        return std::nullopt;
    ReferenceMatch match{std::move(*record), {}};
    if (def->name == schema::elder::entity)
        match.householdHead = householdHead(db, match.record);
    return match;
}

} // namespace shouwang
