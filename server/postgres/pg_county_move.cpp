#include "pg_database.h"
#include "pg_schema.h"

#include "server/county_move.h"
#include "server/server_store.h"

#include "store/meta.h"

#include "domain/divisions.h"
#include "domain/ids.h"
#include "store/sqlite_database.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace shouwang::server {
namespace {

struct Column {
    std::string name;
    std::string type;      // PostgreSQL's data_type: "bigint", "text", "bytea", …
    bool numbered = false; // an identity: the log's place, or a number the city gives
};

// The city schema's tables and the columns a copy writes, as PostgreSQL lists them. A
// column PostgreSQL always numbers itself (an entity table's rowid) is left to it.
std::map<std::string, std::vector<Column>> cityTables(Database& pg)
{
    auto st = pg.prepare("SELECT c.table_name, c.column_name, c.data_type, coalesce(c.identity_generation, '') "
                         "FROM information_schema.columns c JOIN information_schema.tables t "
                         "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                         "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                         "AND c.table_name <> 'schema_version' ORDER BY c.table_name, c.ordinal_position");
    std::map<std::string, std::vector<Column>> tables;
    while (st.step()) {
        auto& columns = tables[st.text(0)];
        const std::string generation = st.text(3);
        if (generation != "ALWAYS")
            columns.push_back({st.text(1), st.text(2), generation == "BY DEFAULT"});
    }
    return tables;
}

std::vector<std::string> fileTables(Database& file)
{
    auto st = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

std::set<std::string> fileColumns(Database& file, const std::string& table)
{
    auto st = file.prepare("SELECT name FROM pragma_table_info(?)");
    st.bindText(1, table);
    std::set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

std::int64_t rowCount(Database& db, const std::string& table)
{
    auto st = db.prepare("SELECT count(*) FROM \"" + table + "\"");
    return st.step() ? st.integer(0) : 0;
}

// Tables of a county file with no place in the city, by design: SQLite's own, and the
// elders' FTS5 index with its shadow tables (the city indexes x_search with pg_trgm).
bool sqliteOnly(const std::string& table)
{
    return table.starts_with("sqlite_") || table.starts_with("elder_fts");
}

[[noreturn]] void refuse(const std::string& message)
{
    throw StoreError(message, StoreError::Kind::Other);
}

// A text of the file's as a city integer column takes it: "" is NULL.
std::optional<std::int64_t> integerOf(const std::string& text, const std::string& table, const std::string& column)
{
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        refuse("区县数据库中 " + table + "." + column + " 的值不是整数，未做任何更改 / not an integer in " + table + "."
               + column + ": " + text.substr(0, 40));
    return value;
}

// One value of the file's row into the city's statement, as the column's type takes it.
void carry(Statement& from, int column, Statement& to, int index, const Column& target, const std::string& table)
{
    const bool integer = target.type == "bigint" || target.type == "integer" || target.type == "smallint";
    if (from.isNull(column)) {
        to.bindNull(index);
    } else if (target.type == "bytea") {
        to.bindBlob(index, from.blob(column));
    } else if (integer && from.isInteger(column)) {
        to.bind(index, from.integer(column));
    } else if (integer) {
        if (const auto value = integerOf(from.text(column), table, target.name))
            to.bind(index, *value);
        else
            to.bindNull(index);
    } else {
        // Text exactly: an id a county file keeps as its 16-byte key reads back as the id.
        to.bindText(index, from.text(column));
    }
}

// The rows of `table` appended to the city's. The log's places (change_log.seq) keep their
// order and move `shift` places, behind the city's own; any other number (the audit's) is
// the city's to give.
std::int64_t copyTable(Database& file, Database& city, const std::string& table, const std::vector<Column>& all,
                       std::int64_t shift)
{
    std::vector<Column> columns;
    std::string names, places;
    for (const Column& c : all) {
        if (c.numbered && table != "change_log")
            continue;
        columns.push_back(c);
        names += (names.empty() ? "" : ", ") + ("\"" + c.name + "\"");
        places += places.empty() ? "?" : ", ?";
    }
    auto read = file.prepare("SELECT " + names + " FROM \"" + table + "\"");
    auto write = city.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + places + ")");
    std::int64_t rows = 0;
    while (read.step()) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].numbered)
                write.bind(static_cast<int>(i) + 1, read.integer(static_cast<int>(i)) + shift);
            else
                carry(read, static_cast<int>(i), write, static_cast<int>(i) + 1, columns[i], table);
        }
        write.send();
        ++rows;
    }
    if (table == "change_log" && rows > 0)
        city.exec("SELECT setval(pg_get_serial_sequence('change_log', 'seq'), (SELECT max(seq) FROM change_log))");
    return rows;
}

// The county's epochs, renamed in the city, with the shift its laptops' cursors take
// (store/log_epochs.h). The first may begin where the city's current epoch does, one begun
// by an opening that has logged nothing yet: that name is the county's to take.
std::int64_t moveEpochs(Database& file, Database& city, std::int64_t shift)
{
    auto read = file.prepare("SELECT first_seq, epoch FROM log_epochs ORDER BY first_seq");
    auto place = city.prepare("INSERT INTO log_epochs (first_seq, epoch) VALUES (?, ?) "
                              "ON CONFLICT (first_seq) DO UPDATE SET epoch = excluded.epoch");
    auto moved = city.prepare("INSERT INTO moved_epochs (epoch, renamed, shift) VALUES (?, ?, ?)");
    std::int64_t rows = 0;
    while (read.step()) {
        const std::string renamed = newUuid();
        place.bind(1, read.integer(0) + shift).bindText(2, renamed).run();
        moved.bindText(1, read.text(1)).bindText(2, renamed).bind(3, shift).run();
        ++rows;
    }
    return rows;
}

// Of the county server's own settings the city keeps two: the key its laptops check USB
// answers with, under the county's name, and its clock, so no stamp the city makes falls
// behind one the county made. The rest (its id, its county code) were the county server's.
void carrySettings(Database& file, Database& city, const std::string& county)
{
    Meta from(file), to(city);
    if (const std::string key = from.value(meta::kCountySigningKey); !key.empty())
        to.set(meta::movedCountySigningKey(county), key);
    const auto clockOf = [](Meta& m) { return std::stoull(m.value(meta::kClock, "0")); };
    if (clockOf(from) > clockOf(to))
        to.set(meta::kClock, from.value(meta::kClock));
}

bool exists(Database& db, const std::string& sql, const std::string& value)
{
    auto st = db.prepare(sql);
    st.bindText(1, value);
    return st.step();
}

} // namespace

CountyMove moveCountyIn(const std::string& sqlitePath, const std::string& url)
{
    std::error_code missing;
    if (!std::filesystem::is_regular_file(sqlitePath, missing))
        refuse("找不到区县数据库文件 / no such county database file: " + sqlitePath);
    CountyMove move;
    {
        // Opened as its own server would open it: brought to the newest schema, so every
        // table and column the city expects is there.
        auto county = openSqliteCountyStore(sqlitePath);
        move.countyCode = county->countyCode();
    }
    if (move.countyCode.empty() || move.countyCode == kCityCode)
        refuse("不是区县数据库 / not a county database: " + sqlitePath);

    SqliteDatabase file(sqlitePath);
    auto city = pg::openCityDatabase(url);
    // Under the writer lock: the city's sync processes may serve on; their pushes wait.
    Transaction tx(*city);
    if (Meta(*city).value(meta::kCountyCode) != kCityCode)
        refuse("目标数据库不是城市数据库，请先运行 init --city " + std::string(kCityCode)
               + " / the target is not the city's database: run init --city first");
    const std::string& code = move.countyCode;
    if (exists(*city, "SELECT 1 FROM change_log WHERE village_code LIKE ? || '%' LIMIT 1", code)
        || exists(*city, "SELECT 1 FROM devices WHERE scope LIKE '%:' || ? || '%' LIMIT 1", code))
        refuse("城市数据库已有区县 " + code + " 的数据或设备，未做任何更改 / the city already holds county " + code);

    auto last = city->prepare("SELECT coalesce(max(seq), 0) FROM change_log");
    const std::int64_t shift = last.step() ? last.integer(0) : 0;
    const auto tables = cityTables(*city);
    for (const std::string& table : fileTables(file)) {
        if (sqliteOnly(table) || table == "moved_epochs")
            continue;
        if (table == "meta") {
            carrySettings(file, *city, code);
            continue;
        }
        if (table == "log_epochs") {
            move.rows.emplace_back(table, moveEpochs(file, *city, shift));
            continue;
        }
        const auto target = tables.find(table);
        if (target == tables.end()) {
            if (rowCount(file, table) > 0)
                refuse("城市数据库没有表 " + table + "，未做任何更改 / the city schema has no table " + table);
            continue;
        }
        // Every column of the file must have its place, or its values would be lost.
        const std::set<std::string> fileHas = fileColumns(file, table);
        std::vector<Column> columns;
        std::set<std::string> placed;
        for (const Column& c : target->second) {
            placed.insert(c.name);
            if (fileHas.count(c.name))
                columns.push_back(c);
        }
        for (const std::string& c : fileHas) {
            if (!placed.count(c))
                refuse("城市数据库的表 " + table + " 没有列 " + c + "，未做任何更改 / the city schema has no column "
                       + table + "." + c);
        }
        move.rows.emplace_back(table, copyTable(file, *city, table, columns, shift));
    }
    tx.commit();
    return move;
}

} // namespace shouwang::server
