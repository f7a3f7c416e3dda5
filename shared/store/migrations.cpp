#include "migrations.h"

#include "database.h"
#include "derived_columns.h"

#include "domain/schema.h"

#include <string>
#include <vector>

namespace shouwang {
namespace {

std::string columnType(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Bool:
        return "INTEGER";
    default:
        return "TEXT";
    }
}

bool tableExists(Database& db, std::string_view table)
{
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
    st.bind(1, table);
    return st.step();
}

void createSystemTables(Database& db)
{
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Every change this replica has made or received. On a device the local, unacknowledged
-- rows are the outbox; on the server `seq` is the pull cursor.
-- The lean form of schema version 6 (issue 19): the change's own bytes (`payload`) hold
-- everything it says; the columns beside it are only what a query selects or orders by.
-- Ids (of the change, the record and the device) are in the key form of store/record_key.h,
-- the clock is Hlc::time (its device is `device_id`), and logged_at is seconds since the epoch.
CREATE TABLE IF NOT EXISTS change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id BLOB NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    record_id BLOB NOT NULL,
    village_code TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    device_id BLOB NOT NULL,
    payload BLOB NOT NULL,
    origin INTEGER NOT NULL,            -- 0 made here, 1 received
    state INTEGER NOT NULL DEFAULT 0,   -- 0 pending, 1 acknowledged, 2 refused
    error_code INTEGER NOT NULL DEFAULT 0,
    error_message TEXT NOT NULL DEFAULT '',
    logged_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS change_log_record ON change_log(record_id);
CREATE INDEX IF NOT EXISTS change_log_outbox ON change_log(state) WHERE origin = 0 AND state = 0;
-- Which records of an entity wait to be sent (an incident list's 待上传): as small as the
-- outbox. `state` leads so that SQLite prefers it to the outbox's own index for that query.
CREATE INDEX IF NOT EXISTS change_log_outbox_entity ON change_log(state, entity, record_id) WHERE origin = 0 AND state = 0;
CREATE INDEX IF NOT EXISTS change_log_village ON change_log(village_code, seq);
-- Concurrent edits of one field (DESIGN.md §4): both values kept until a person chooses.
CREATE TABLE IF NOT EXISTS conflicts (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    village_code TEXT NOT NULL,
    field TEXT NOT NULL,
    value_a TEXT NOT NULL,
    hlc_a TEXT NOT NULL,
    operator_a TEXT NOT NULL DEFAULT '',
    value_b TEXT NOT NULL,
    hlc_b TEXT NOT NULL,
    operator_b TEXT NOT NULL DEFAULT '',
    status INTEGER NOT NULL DEFAULT 0,  -- 0 open, 1 resolved
    detected_at TEXT NOT NULL,
    resolved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS conflicts_open ON conflicts(village_code) WHERE status = 0;
CREATE INDEX IF NOT EXISTS conflicts_field ON conflicts(record_id, field);
)sql");
}

void createEntityTable(Database& db, const EntityDef& entity, int target)
{
    std::string sql = "CREATE TABLE " + std::string(entity.table)
        + " (\n"
          "    id TEXT PRIMARY KEY,\n"
          "    village_code TEXT NOT NULL,\n"
          "    created_at INTEGER NOT NULL DEFAULT '',\n"
          "    updated_at INTEGER NOT NULL DEFAULT '',\n"
          "    deleted INTEGER NOT NULL DEFAULT 0,\n"
          "    field_clock TEXT NOT NULL DEFAULT ''";
    for (const auto& field : entity.fields) {
        if (field.since <= target)
            sql += ",\n    " + std::string(field.name) + " " + columnType(field.type);
    }
    sql += "\n)";
    db.exec(sql);
}

void addNewColumns(Database& db, const EntityDef& entity, int from, int target)
{
    for (const auto& field : entity.fields) {
        if (field.since > from && field.since <= target) {
            db.exec("ALTER TABLE " + std::string(entity.table) + " ADD COLUMN " + std::string(field.name) + " "
                    + columnType(field.type));
        }
    }
}

void createIndexes(Database& db, const EntityDef& entity, int target)
{
    const std::string table(entity.table);
    db.exec("CREATE INDEX IF NOT EXISTS " + table + "_village ON " + table + "(village_code)");
    // Every record list opens on its newest records (Ledger::list ordered by created_at): the
    // first page walks this index instead of reading and sorting the whole table, which at
    // 100,000 elders made the client's cold start from disk 16.7 s (docs/performance.md).
    db.exec("CREATE INDEX IF NOT EXISTS " + table + "_created ON " + table + "(created_at)");
    // A reference's index holds only the rows that have one (version 9): most visits name
    // no campaign, and each such row cost an entry in every merge. A query `name = ?`
    // implies `name IS NOT NULL`, so SQLite still uses it.
    for (const auto& field : entity.fields) {
        if (field.type == FieldType::Ref && field.since <= target) {
            const std::string name(field.name);
            db.exec("CREATE INDEX IF NOT EXISTS " + table + "_" + name + " ON " + table + "(" + name + ") WHERE " + name
                    + " IS NOT NULL");
        }
    }
}

bool columnIsText(Database& db, std::string_view table, std::string_view column)
{
    auto st = db.prepare("SELECT type FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table).bind(2, column);
    return st.step() && st.text(0) == "TEXT";
}

// Version 9 (issue 19): a record's created_at and updated_at as the moment's seconds since
// the epoch (record_table.h, bindTime), no longer 19 characters in the row and in the
// created_at index. A column declared TEXT turns every number stored in it into text, so
// the table is made again with INTEGER ones and its rows copied, rowid for rowid (the
// elders' search index names them by rowid); its indexes are made again after.
void keepTimesAsIntegers(Database& db, const EntityDef& entity)
{
    const std::string table(entity.table);
    if (!columnIsText(db, table, "created_at"))
        return;
    auto st = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, table);
    if (!st.step())
        return;
    std::string sql = st.text(0);
    st.reset();
    for (std::string_view column : {"created_at", "updated_at"}) {
        const std::string before = std::string(column) + " TEXT", after = std::string(column) + " INTEGER";
        if (const auto at = sql.find(before); at != std::string::npos)
            sql.replace(at, before.size(), after);
    }
    const std::string renamed = table + "_version8";
    db.exec("ALTER TABLE " + table + " RENAME TO " + renamed);
    db.exec(sql); // CREATE TABLE <table> (...), as it was but for the two types
    std::string columns, values;
    auto names = db.prepare("SELECT name FROM pragma_table_info(?)");
    names.bind(1, renamed);
    while (names.step()) {
        const std::string name = names.text(0);
        columns += ", " + name;
        values += ", "
            + (name == "created_at" || name == "updated_at"
                   ? "CASE WHEN strftime('%Y-%m-%dT%H:%M:%S', " + name + ") IS " + name + " THEN unixepoch(" + name
                       + ") - 28800 ELSE " + name + " END" // China Standard Time, UTC+8
                   : name);
    }
    db.exec("INSERT INTO " + table + " (rowid" + columns + ") SELECT rowid" + values + " FROM " + renamed
            + " ORDER BY rowid");
    db.exec("DROP TABLE " + renamed);
}

// Version 9: a reference's index of every row is dropped, to be made again as above.
void dropFullReferenceIndexes(Database& db, const EntityDef& entity)
{
    for (const auto& field : entity.fields) {
        if (field.type == FieldType::Ref)
            db.exec("DROP INDEX IF EXISTS " + std::string(entity.table) + "_" + std::string(field.name));
    }
}

// Schema version 6 (issue 19): a change log of versions 1-5, text ids, text clocks, an
// operator column and a text time beside the payload that holds them all, rewritten in
// the lean form, seq for seq. The AUTOINCREMENT high-water mark is carried over too: a seq
// once handed out (a pull cursor may stand on it) is never handed out again.
void makeChangeLogLean(Database& db)
{
    if (!columnIsText(db, "change_log", "hlc"))
        return;
    for (std::string_view index :
         {"change_log_record", "change_log_outbox", "change_log_outbox_entity", "change_log_village"})
        db.exec("DROP INDEX IF EXISTS " + std::string(index));
    db.exec("ALTER TABLE change_log RENAME TO change_log_text");
    createSystemTables(db);
    // logged_at was "YYYY-MM-DDTHH:MM:SS" in China Standard Time (UTC+8).
    db.exec(
        "INSERT INTO change_log (seq, change_id, entity, record_id, village_code, hlc, device_id, payload, origin, "
        "state, error_code, error_message, logged_at) SELECT seq, key_of_id(change_id), entity, key_of_id(record_id), "
        "village_code, hlc_time(hlc), key_of_id(device_id), payload, origin, state, error_code, error_message, "
        "coalesce(unixepoch(logged_at), 28800) - 28800 FROM change_log_text ORDER BY seq");
    db.exec("UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE "
            "name = 'change_log_text'), 0)) WHERE name = 'change_log'");
    db.exec("DELETE FROM sqlite_sequence WHERE name = 'change_log_text'");
    db.exec("DROP TABLE change_log_text");
    // The tables that name changes by id hold them in the same key form. Their declared
    // type stays TEXT in a file made before; SQLite keeps the BLOB values as they are.
    for (std::string_view table : {"deferred_changes", "resending", "relay"}) {
        if (tableExists(db, table))
            db.exec("UPDATE " + std::string(table) + " SET change_id = key_of_id(change_id)");
    }
}

// The tables whose values are ours to rewrite: not SQLite's own, not a virtual table's
// (the elders' search index) nor the tables that keep one.
std::vector<std::string> ordinaryTables(Database& db)
{
    std::vector<std::string> tables;
    auto st
        = db.prepare("SELECT t.name FROM sqlite_schema AS t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' "
                     "AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (SELECT 1 FROM sqlite_schema AS v "
                     "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' "
                     "ESCAPE '\\')");
    while (st.step())
        tables.push_back(st.text(0));
    return tables;
}

// Schema version 9 (issue 19): every id in the file kept as its 16-byte key, as the change
// log has kept its own since version 6 (store/record_key.h). A record's id and the ids its
// references hold were 36 characters of text in its row and again in each index of them.
// Statement::bind keys every UUID it is given from now on, so every column of every table
// is rewritten, whichever ids it holds (a device's, a conflict's, a record's), except a
// list of ids, which stays text for SQL to search in. One pass reads each table to find
// the columns holding an id as text, one more rewrites those columns.
void keepIdsAsKeys(Database& db)
{
    for (const std::string& table : ordinaryTables(db)) {
        if (table == "change_log")
            continue; // keyed since version 6
        const EntityDef* entity = nullptr;
        for (const auto& e : entities())
            entity = e.table == table ? &e : entity;
        std::vector<std::string> columns;
        auto names = db.prepare("SELECT name FROM pragma_table_info(?)");
        names.bind(1, table);
        while (names.step()) {
            const std::string name = names.text(0);
            const FieldDef* field = entity ? entity->field(name) : nullptr;
            if (!field || field->type != FieldType::RefList)
                columns.push_back(name);
        }
        const auto quoted = [](const std::string& name) { return "\"" + name + "\""; };
        const auto textId = [&](const std::string& name) {
            return "(typeof(" + quoted(name) + ") = 'text' AND length(" + quoted(name) + ") = 36)";
        };
        std::string probe;
        for (const std::string& name : columns)
            probe += (probe.empty() ? "" : ", ") + std::string("max(") + textId(name) + " AND key_of_id(" + quoted(name)
                + ") <> " + quoted(name) + ")";
        auto found = db.prepare("SELECT " + probe + " FROM " + quoted(table));
        std::string set, where;
        if (found.step()) {
            for (std::size_t i = 0; i < columns.size(); ++i) {
                if (found.integer(static_cast<int>(i)) == 0)
                    continue;
                set += (set.empty() ? "" : ", ") + quoted(columns[i]) + " = key_of_id(" + quoted(columns[i]) + ")";
                where += (where.empty() ? "" : " OR ") + textId(columns[i]);
            }
        }
        found.reset();
        if (!set.empty())
            db.exec("UPDATE " + quoted(table) + " SET " + set + " WHERE " + where);
    }
}

} // namespace

void addLifecycleTables(Database& db)
{
    if (!tableExists(db, "deferred_changes"))
        db.exec("CREATE TABLE deferred_changes (change_id BLOB PRIMARY KEY)");
    if (!tableExists(db, "resending"))
        db.exec("CREATE TABLE resending (change_id BLOB PRIMARY KEY)");
    if (!tableExists(db, "relay"))
        db.exec("CREATE TABLE relay (change_id BLOB PRIMARY KEY)");
    if (!tableExists(db, "received_epochs"))
        db.exec("CREATE TABLE received_epochs (epoch TEXT PRIMARY KEY, first_seq INTEGER NOT NULL)");
    if (!tableExists(db, "refused_creations"))
        db.exec("CREATE TABLE refused_creations (record_id TEXT PRIMARY KEY)");
}

int schemaVersionOf(Database& db)
{
    auto st = db.prepare("PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

std::string newerSchemaMessage(int version)
{
    return "数据库由更新版本的守望创建（版本 " + std::to_string(version)
        + "），请升级本软件后再打开。 / The database was made by a newer version.";
}

int migrate(Database& db, int target)
{
    const int from = schemaVersionOf(db);
    if (from > target) {
        throw StoreError(newerSchemaMessage(from), 0);
    }
    if (from == target && tableExists(db, "meta"))
        return from;

    Transaction tx(db);
    createSystemTables(db);
    makeChangeLogLean(db);
    for (const auto& entity : entities()) {
        if (entity.since > target)
            continue;
        if (!tableExists(db, entity.table)) {
            createEntityTable(db, entity, target);
        } else {
            addNewColumns(db, entity, from, target);
            if (from < 9) {
                keepTimesAsIntegers(db, entity);
                dropFullReferenceIndexes(db, entity);
            }
        }
        createIndexes(db, entity, target);
    }
    addDerivedColumns(db);
    // Which elders have a supporter on record (the home page's supporters to urge), from
    // an index of the live ones instead of the supporters' wide rows. `deleted` is in it
    // (always 0) because SQLite does not count the partial index's condition as covered.
    db.exec("CREATE INDEX IF NOT EXISTS supporters_live ON supporters(elder_id, deleted) WHERE deleted = 0");
    if (from < 9) {
        db.exec("DROP INDEX IF EXISTS elders_household"); // the same as elders_household_id
        keepIdsAsKeys(db);
    }
    db.exec("PRAGMA user_version = " + std::to_string(target));
    tx.commit();
    return from;
}

} // namespace shouwang
