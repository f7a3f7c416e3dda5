#include "elder_records.h"

#include "database.h"
#include "domain/schema_names.h"
#include "ledger.h"

#include <map>
#include <set>

namespace shouwang {
namespace {

bool isReference(const FieldDef& field)
{
    return field.type == FieldType::Ref || field.type == FieldType::RefList;
}

// Ids of `entity`'s live records whose `field` holds one of `ids` (a RefList holds them
// comma-separated).
std::vector<std::string> referring(Database& db, const EntityDef& entity, const FieldDef& field,
                                   const std::set<std::string>& ids)
{
    const std::string column(field.name);
    const std::string match = field.type == FieldType::RefList
        ? "instr(',' || coalesce(" + column + ", '') || ',', ',' || ? || ',') > 0"
        : column + " = ?";
    Statement& st = db.cached("SELECT id FROM " + std::string(entity.table) + " WHERE deleted = 0 AND " + match
                              + " ORDER BY created_at, id");
    std::vector<std::string> out;
    for (const std::string& id : ids) {
        if (field.type == FieldType::RefList)
            st.bindText(1, id); // the list is text (record_table.cpp)
        else
            st.bind(1, id);
        while (st.step())
            out.push_back(st.text(0));
        st.reset();
    }
    return out;
}

} // namespace

std::vector<ConcerningRecords> recordsConcerningElder(Ledger& ledger, const Record& elder)
{
    // Ids found so far, per entity; schema order puts what is referred to before what
    // refers to it (pairing before pairing_activity), so one pass follows the chain.
    std::map<std::string_view, std::set<std::string>> found{{"elder", {elder.id}}};
    if (const std::string& household = elder.value(schema::elder::household_id); !household.empty())
        found["household"].insert(household);

    std::vector<ConcerningRecords> out;
    for (const EntityDef& entity : entities()) {
        if (entity.name == schema::elder::entity)
            continue;
        std::set<std::string> ids;
        std::vector<std::string> ordered;
        if (entity.name == schema::household::entity)
            ordered.assign(found["household"].begin(), found["household"].end());
        for (const FieldDef& field : entity.fields) {
            const auto target = found.find(field.ref);
            if (!isReference(field) || target == found.end() || target->first == entity.name)
                continue;
            for (std::string& id : referring(ledger.database(), entity, field, target->second))
                ordered.push_back(std::move(id));
        }
        ConcerningRecords group{&entity, {}};
        for (const std::string& id : ordered) {
            if (!ids.insert(id).second)
                continue;
            if (auto record = ledger.get(entity.name, id); record && !record->deleted)
                group.records.push_back(std::move(*record));
        }
        if (group.records.empty())
            continue;
        auto& mine = found[entity.name];
        for (const Record& record : group.records)
            mine.insert(record.id);
        out.push_back(std::move(group));
    }
    return out;
}

} // namespace shouwang
