#include "record_table.h"

#include "database.h"
#include "record_key.h"

#include "domain/date.h"

#include <string>
#include <unordered_map>

namespace shouwang {
namespace {

// The statements' text per entity, built once: a save or a merge asks for them several
// times per record, and building a 60-column statement each time showed in the profile.
template <std::string (*Build)(const EntityDef&)>
const std::string& sqlFor(const EntityDef& entity)
{
    static const std::unordered_map<const EntityDef*, std::string> built = [] {
        std::unordered_map<const EntityDef*, std::string> all;
        for (const auto& e : entities())
            all.emplace(&e, Build(e));
        return all;
    }();
    if (auto it = built.find(&entity); it != built.end())
        return it->second;
    thread_local std::string other; // an entity outside the schema's table (none today)
    other = Build(entity);
    return other;
}

std::string selectSql(const EntityDef& entity)
{
    return "SELECT " + recordColumns(entity, "") + " FROM " + std::string(entity.table) + " WHERE id = ?";
}

std::string villageSql(const EntityDef& entity)
{
    return "SELECT village_code FROM " + std::string(entity.table) + " WHERE id = ?";
}

std::string selectAfterSql(const EntityDef& entity)
{
    return "SELECT " + recordColumns(entity, "") + " FROM " + std::string(entity.table)
        + " WHERE rowid > ? ORDER BY rowid";
}

// One row whether the record exists or not: the look-ups beside it are answered either way.
std::string receivedLookupSql(const EntityDef& entity)
{
    return "SELECT EXISTS (SELECT 1 FROM change_log WHERE change_id = ?1), "
           "EXISTS (SELECT 1 FROM refused_creations WHERE record_id = ?2), "
           "EXISTS (SELECT 1 FROM conflicts WHERE record_id = ?2 AND status = 0), "
        + recordColumns(entity, "r.") + " FROM (SELECT 1) AS one LEFT JOIN " + std::string(entity.table)
        + " AS r ON r.id = ?2";
}

std::string upsertSql(const EntityDef& entity)
{
    std::string columns = "id, village_code, created_at, updated_at, deleted, field_clock";
    std::string params = "?1, ?2, ?3, ?4, ?5, ?6";
    std::string updates = "village_code=?2, created_at=?3, updated_at=?4, deleted=?5, field_clock=?6";
    int n = 6;
    for (const auto& field : entity.fields) {
        const std::string name(field.name);
        const std::string param = "?" + std::to_string(++n);
        columns += ", " + name;
        params += ", " + param;
        updates += ", " + name + "=" + param;
    }
    return "INSERT INTO " + std::string(entity.table) + " (" + columns + ") VALUES (" + params
        + ") ON CONFLICT(id) DO UPDATE SET " + updates;
}

// The clock's time in its 24-byte form (rowClocks, record_table.h): 8 bytes, big-endian.
// The plain form as text was 53 characters; rows of either kind read back the same.
constexpr std::size_t kTimeBytes = 8;

void bindClocks(Statement& st, int index, const Record& record)
{
    const RowClocks clocks = rowClocks(record);
    if (clocks.blob)
        st.bindBlob(index, clocks.value);
    else
        st.bindText(index, clocks.value);
}

std::string clocksOfRow(const Statement& st, int column)
{
    if (!st.isBlob(column))
        return st.text(column);
    std::string bytes = st.blob(column);
    if (bytes.size() != kTimeBytes + kKeyLength)
        return bytes; // the text form, where a database keeps the column's one type (rowClocks)
    std::uint64_t time = 0;
    for (std::size_t i = 0; i < kTimeBytes; ++i)
        time = time << 8 | static_cast<unsigned char>(bytes[i]);
    return Hlc{time, idOfKey(std::string_view(bytes).substr(kTimeBytes), true)}.toString();
}

// A created_at or updated_at (bindTime, record_table.h). PostgreSQL keeps a column's one
// type: there a time of another form (none the merge makes: `""` of a row made before its
// time) is kept as none, which reads back as "".
void bindTime(Database& db, Statement& st, int index, const std::string& dateTime)
{
    if (const auto seconds = epochSecondsOf(dateTime))
        st.bind(index, *seconds);
    else if (db.dialect() == Database::Dialect::Postgres)
        st.bindNull(index);
    else
        st.bindText(index, dateTime);
}

} // namespace

RowClocks rowClocks(const Record& record)
{
    std::string text = encodeClocks(record);
    const auto hlc = text.find_first_of(";=") == std::string::npos ? Hlc::parse(text) : std::nullopt;
    if (!hlc || !isCanonicalUuid(hlc->device) || hlc->toString() != text) {
        // Never the 24-byte form's length, so a database that keeps both forms in one
        // bytes column (PostgreSQL) tells them apart by it; decodeClocks reads past the ';'.
        if (text.size() == kTimeBytes + kKeyLength)
            text += ';';
        return {std::move(text), false};
    }
    std::string bytes(kTimeBytes, '\0');
    for (std::size_t i = 0; i < kTimeBytes; ++i)
        bytes[i] = static_cast<char>((hlc->time >> (8 * (kTimeBytes - 1 - i))) & 0xFF);
    return {bytes + keyOfId(hlc->device), true};
}

std::string timeOfRow(const Statement& st, int column)
{
    return st.isInteger(column) ? formatDateTime(st.integer(column) * 1000) : st.text(column);
}

Record recordFromRow(const Statement& st, const EntityDef& entity, int first)
{
    Record r;
    r.entity = entity.name;
    r.id = st.text(first);
    r.villageCode = st.text(first + 1);
    r.createdAt = timeOfRow(st, first + 2);
    r.updatedAt = timeOfRow(st, first + 3);
    r.deleted = st.integer(first + 4) != 0;
    int column = first + 6;
    for (const auto& field : entity.fields) {
        if (!st.isNull(column))
            r.values.emplace(std::string(field.name), st.text(column));
        ++column;
    }
    decodeClocks(clocksOfRow(st, first + 5), r); // after the values it stands for
    return r;
}

std::optional<Record> loadRecord(Database& db, const EntityDef& entity, std::string_view id)
{
    Statement& st = db.cached(sqlFor<selectSql>(entity));
    st.bind(1, id);
    std::optional<Record> record;
    if (st.step())
        record = recordFromRow(st, entity);
    st.reset();
    return record;
}

ReceivedLookup lookupReceived(Database& db, const EntityDef& entity, std::string_view changeId,
                              std::string_view recordId)
{
    Statement& st = db.cached(sqlFor<receivedLookupSql>(entity));
    st.bind(1, changeId).bind(2, recordId);
    ReceivedLookup found;
    if (st.step()) {
        found.logged = st.integer(0) != 0;
        found.creationRefused = st.integer(1) != 0;
        found.openConflicts = st.integer(2) != 0;
        if (!st.isNull(3))
            found.record = recordFromRow(st, entity, 3);
    }
    st.reset();
    return found;
}

std::optional<std::string> villageOf(Database& db, const EntityDef& entity, std::string_view id)
{
    Statement& st = db.cached(sqlFor<villageSql>(entity));
    st.bind(1, id);
    std::optional<std::string> village;
    if (st.step())
        village = st.text(0);
    st.reset();
    return village;
}

std::int64_t lastRowOf(Database& db, const EntityDef& entity)
{
    Statement& st = db.cached("SELECT coalesce(max(rowid), 0) FROM " + std::string(entity.table));
    const std::int64_t last = st.step() ? st.integer(0) : 0;
    st.reset();
    return last;
}

void forEachRecordAfter(Database& db, const EntityDef& entity, std::int64_t rowid,
                        const std::function<void(const Record&)>& each)
{
    Statement& st = db.cached(sqlFor<selectAfterSql>(entity));
    st.bind(1, rowid);
    try {
        while (st.step())
            each(recordFromRow(st, entity));
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
}

void writeRecord(Database& db, const EntityDef& entity, const Record& record)
{
    Statement& st = db.cached(sqlFor<upsertSql>(entity));
    st.bind(1, record.id).bind(2, record.villageCode);
    bindTime(db, st, 3, record.createdAt);
    bindTime(db, st, 4, record.updatedAt);
    st.bind(5, record.deleted ? 1 : 0);
    bindClocks(st, 6, record);
    int param = 6;
    for (const auto& field : entity.fields) {
        ++param;
        const std::string& value = record.value(field.name);
        if (value.empty())
            st.bindNull(param);
        else if (field.type == FieldType::RefList)
            st.bindText(param, value); // searched in as text (elder_records.cpp)
        else
            st.bind(param, value);
    }
    st.send();
}

void eraseRecord(Database& db, const EntityDef& entity, std::string_view id)
{
    auto st = db.prepare("DELETE FROM " + std::string(entity.table) + " WHERE id = ?");
    st.bind(1, id);
    st.run();
}

void rememberRefusedCreation(Database& db, std::string_view recordId)
{
    db.cached("INSERT OR IGNORE INTO refused_creations (record_id) VALUES (?)").bind(1, recordId).run();
}

std::string recordColumns(const EntityDef& entity, std::string_view prefix)
{
    std::string columns;
    for (std::string_view name : {"id", "village_code", "created_at", "updated_at", "deleted", "field_clock"})
        columns += (columns.empty() ? "" : ", ") + std::string(prefix) + std::string(name);
    for (const auto& field : entity.fields)
        columns += ", " + std::string(prefix) + std::string(field.name);
    return columns;
}

std::string fieldText(const FieldDef& field, std::string_view column)
{
    const bool integer = field.type == FieldType::Integer || field.type == FieldType::Bool;
    return integer ? "coalesce(CAST(" + std::string(column) + " AS TEXT), '')"
                   : "coalesce(" + std::string(column) + ", '')";
}

} // namespace shouwang
