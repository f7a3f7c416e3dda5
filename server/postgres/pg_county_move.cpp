#include "pg_database.h"
#include "pg_schema.h"

#include "server/county_move.h"
#include "server/server_store.h"

#include "store/meta.h"
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
    bool numbered = false; // an identity the copy fills itself (its sequence set after)
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

std::int64_t copyTable(Database& file, Database& city, const std::string& table, const std::vector<Column>& columns)
{
    std::string names, places;
    for (const Column& c : columns) {
        names += (names.empty() ? "" : ", ") + ("\"" + c.name + "\"");
        places += places.empty() ? "?" : ", ?";
    }
    // The file's note that its indexes are set aside for a bulk import is the file's alone.
    const std::string only
        = table == "meta" ? " WHERE key <> '" + std::string(meta::kIndexesAside) + "'" : std::string{};
    auto read = file.prepare("SELECT " + names + " FROM \"" + table + "\"" + only);
    auto write = city.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + places + ")");
    std::int64_t rows = 0;
    while (read.step()) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            carry(read, static_cast<int>(i), write, static_cast<int>(i) + 1, columns[i], table);
        write.run();
        ++rows;
    }
    // Numbers the city hands out next follow the county's: the log's seq goes on from its last.
    for (const Column& c : columns) {
        if (c.numbered && rows > 0)
            city.exec("SELECT setval(pg_get_serial_sequence('" + table + "', '" + c.name + "'), (SELECT max(" + c.name
                      + ") FROM " + table + "))");
    }
    return rows;
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
    if (move.countyCode.empty())
        refuse("不是区县数据库（未初始化）/ not a county database: " + sqlitePath);

    SqliteDatabase file(sqlitePath);
    auto city = pg::openCityDatabase(url);
    Transaction tx(*city);
    if (const std::string held = Meta(*city).value(meta::kCountyCode); !held.empty())
        refuse("目标数据库已属于区县 " + held + "，未做任何更改 / the database already holds county " + held);
    if (rowCount(*city, "change_log") > 0)
        refuse("目标数据库不是空的，未做任何更改 / the database is not empty; nothing was changed");

    const auto tables = cityTables(*city);
    for (const std::string& table : fileTables(file)) {
        if (sqliteOnly(table))
            continue;
        const auto target = tables.find(table);
        if (target == tables.end()) {
            if (rowCount(file, table) > 0)
                refuse("城市数据库没有表 " + table + "，未做任何更改 / the city schema has no table " + table);
            continue;
        }
        // Every column of the file must have its place, or its values would be lost.
        std::vector<Column> columns;
        std::set<std::string> placed;
        for (const Column& c : target->second) {
            placed.insert(c.name);
            if (fileColumns(file, table).count(c.name))
                columns.push_back(c);
        }
        for (const std::string& c : fileColumns(file, table)) {
            if (!placed.count(c))
                refuse("城市数据库的表 " + table + " 没有列 " + c + "，未做任何更改 / the city schema has no column "
                       + table + "." + c);
        }
        move.rows.emplace_back(table, copyTable(file, *city, table, columns));
    }
    tx.commit();
    return move;
}

} // namespace shouwang::server
