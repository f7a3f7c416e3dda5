#include "elder_search.h"

#include "database.h"
#include "village_range.h"

#include <set>

namespace shouwang {
namespace {

// The unit separator cannot be typed into a field, so a search for anything without it
// matches within one field exactly as instr() on that field would.
constexpr char kSeparator = '\x1f';

// A deleted elder's is empty and has no entry in elder_fts, so what the index finds needs
// no look at the row; NULL is left for "not yet made".
constexpr auto kSearchText = "CASE WHEN deleted = 0 THEN coalesce(name, '') || char(31) || coalesce(id_number, '') "
                             "|| char(31) || coalesce(phone, '') ELSE '' END";
// The same in PostgreSQL's spelling, where a trigram index of x_search itself (pg_trgm)
// takes elder_fts's place (server/postgres/pg_schema.cpp).
constexpr auto kSearchTextPostgres = "CASE WHEN deleted = 0 THEN coalesce(name, '') || chr(31) || "
                                     "coalesce(id_number, '') || chr(31) || coalesce(phone, '') ELSE '' END";

// The narrow index a search that finds many is counted over, with the two filters the
// ledger page always sets beside the text (LedgerView::currentFilter).
constexpr auto kSearchIndex = "CREATE INDEX elders_search ON elders(x_search, deleted, status, village_code)";

bool exists(Database& db, const char* sql)
{
    auto st = db.prepare(sql);
    return st.step();
}

std::size_t characters(const std::string& utf8)
{
    std::size_t n = 0;
    for (const char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// What elder_fts indexes: x_search and two separators, so that every character of the
// three fields starts a trigram, and a search of one or two characters begins one.
constexpr auto kIndexedPadding = "\x1f\x1f";

// An FTS5 phrase: the text literally, quotes doubled.
std::string phrase(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

// `text` as a LIKE pattern that matches it literally anywhere (with ESCAPE '\'): the
// search's meaning on PostgreSQL, where pg_trgm's index of x_search serves LIKE.
std::string likePattern(std::string_view text)
{
    std::string out = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

// The elders whose indexed text has `text` (one or two characters) at the start of a
// trigram: every elder that contains it, as the padding guarantees. Read from the index's
// list of term instances, which is in term order, so the trigrams `text` begins are one
// range. More than `most`: nothing.
std::optional<std::vector<std::int64_t>> shortMatches(Database& db, const std::string& text, std::size_t most)
{
    // A temporary table, so each connection makes its own.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.elder_fts_instances USING fts5vocab(main, elder_fts, instance)");
    auto st = db.prepare("SELECT term, doc FROM temp.elder_fts_instances WHERE term >= ?1 AND term <= ?1 || ?2");
    st.bind(1, text).bind(2, "\xF4\x8F\xBF\xBF\xF4\x8F\xBF\xBF"); // U+10FFFF twice: after every trigram `text` begins
    std::set<std::int64_t> rows;
    while (st.step()) {
        if (!st.text(0).starts_with(text))
            continue;
        rows.insert(st.integer(1));
        if (rows.size() > most)
            return std::nullopt;
    }
    return std::vector<std::int64_t>(rows.begin(), rows.end());
}

bool searchIndexCurrent(Database& db)
{
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'elders_search' AND sql = ?");
    st.bind(1, kSearchIndex);
    return st.step();
}

} // namespace

void addElderSearch(Database& db)
{
    const bool hasColumn = exists(db, "SELECT 1 FROM pragma_table_info('elders') WHERE name = 'x_search'");
    // Nothing to do, the usual case, takes no write lock: a ledger on a read-only medium still opens.
    if (hasColumn && searchIndexCurrent(db) && exists(db, "SELECT 1 FROM sqlite_master WHERE name = 'elder_fts'")
        && !exists(db, "SELECT 1 FROM elders WHERE x_search IS NULL"))
        return;
    Transaction tx(db);
    if (!hasColumn)
        db.exec("ALTER TABLE elders ADD COLUMN x_search TEXT");
    // Not a partial index (WHERE deleted = 0): SQLite would then scan it for every filter,
    // fetching each row, where the covering elders_list answers them (600 ms against 20).
    // One made before it held the status and the village is made again.
    if (!searchIndexCurrent(db)) {
        db.exec("DROP INDEX IF EXISTS elders_search");
        db.exec(kSearchIndex);
    }
    if (!exists(db, "SELECT 1 FROM sqlite_master WHERE name = 'elder_fts'")) {
        // Trigrams find any substring of three characters or more; case_sensitive keeps
        // the match literal. The index holds its own copy of the text, so an entry can
        // always be deleted by rowid whatever became of the row.
        db.exec("CREATE VIRTUAL TABLE elder_fts USING fts5(text, tokenize = 'trigram case_sensitive 1')");
        db.exec(std::string("UPDATE elders SET x_search = ") + kSearchText);
        db.exec("INSERT INTO elder_fts(rowid, text) SELECT rowid, x_search || char(31, 31) FROM elders "
                "WHERE x_search != ''");
    } else {
        // Elders a version without the search added; NULL sorts first, so none costs one step.
        std::vector<std::string> ids;
        auto st = db.prepare("SELECT id FROM elders WHERE x_search IS NULL");
        while (st.step())
            ids.push_back(st.text(0));
        for (const auto& id : ids)
            refreshElderSearch(db, id);
    }
    tx.commit();
}

void refreshElderSearch(Database& db, const std::string& elderId)
{
    if (db.dialect() == Database::Dialect::Postgres) {
        db.cached(std::string("UPDATE elders SET x_search = ") + kSearchTextPostgres
                  + " WHERE id = ? AND x_search IS DISTINCT FROM " + kSearchTextPostgres)
            .bind(1, elderId)
            .send();
        return;
    }
    Statement& read = db.cached(std::string("SELECT rowid, x_search IS NOT NULL AND x_search = ") + kSearchText + ", "
                                + kSearchText + " FROM elders WHERE id = ?");
    read.bind(1, elderId);
    if (!read.step()) {
        read.reset();
        return;
    }
    const std::int64_t rowid = read.integer(0);
    const bool current = read.integer(1) != 0;
    const std::string text = read.text(2);
    read.reset();
    if (current)
        return; // most refreshes follow a visit or an assessment: nothing to write

    db.cached("UPDATE elders SET x_search = ? WHERE rowid = ?").bind(1, text).bind(2, rowid).run();
    db.cached("DELETE FROM elder_fts WHERE rowid = ?").bind(1, rowid).run();
    if (!text.empty())
        db.cached("INSERT INTO elder_fts(rowid, text) VALUES (?, ?)").bind(1, rowid).bind(2, text + kIndexedPadding).run();
}

std::string rowidList(const std::vector<std::int64_t>& rowids)
{
    std::string out = "[";
    for (const auto v : rowids) {
        if (out.size() > 1)
            out += ',';
        out += std::to_string(v);
    }
    return out + "]";
}

std::string rowidsIn(Database::Dialect dialect)
{
    return dialect == Database::Dialect::Sqlite
        ? "rowid IN (SELECT value FROM json_each(?))"
        : "rowid IN (SELECT value::bigint FROM json_array_elements_text(?::json))";
}

bool elderSearchServes(const std::string& text)
{
    return text.find(kSeparator) == std::string::npos;
}

std::optional<std::vector<std::int64_t>> fewEldersMatching(Database& db, const std::string& text, std::size_t most)
{
    const bool postgres = db.dialect() == Database::Dialect::Postgres;
    if (!postgres && characters(text) < 3)
        return shortMatches(db, text, most);
    auto st = db.prepare(postgres ? "SELECT rowid FROM elders WHERE x_search LIKE ? ESCAPE '\\' AND deleted = 0 LIMIT ?"
                                  : "SELECT rowid FROM elder_fts WHERE elder_fts MATCH ? LIMIT ?");
    st.bind(1, postgres ? likePattern(text) : phrase(text)).bind(2, static_cast<std::int64_t>(most + 1));
    std::vector<std::int64_t> rowids;
    while (st.step()) {
        if (rowids.size() == most)
            return std::nullopt;
        rowids.push_back(st.integer(0));
    }
    return rowids;
}

std::size_t countEldersMatching(Database& db, const std::string& text, const std::string& status,
                                const std::string& villagePrefix)
{
    const bool postgres = db.dialect() == Database::Dialect::Postgres;
    auto st = db.prepare(std::string("SELECT count(*) FROM elders ")
                         + (postgres ? "WHERE deleted = 0 AND x_search LIKE ?1 ESCAPE '\\' "
                                     : "INDEXED BY elders_search WHERE deleted = 0 AND instr(x_search, ?1) > 0 ")
                         + "AND (?2 = '' OR status = ?2) AND (?3 = '' OR (village_code >= ?3 AND village_code < ?4))");
    st.bind(1, postgres ? likePattern(text) : text).bind(2, status).bind(3, villagePrefix);
    st.bind(4, villageRangeEnd(villagePrefix));
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

} // namespace shouwang
