#pragma once

#include "database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shouwang {

// The elder list's text search: a substring of name, ID number or phone, matched
// literally (case and all). Each elder carries x_search, the three fields in one string;
// searches of three characters or more look it up in elder_fts, an FTS5 trigram index,
// and shorter ones read the trigrams they begin from its vocabulary. The index holds the
// elders not deleted, so what it finds is the answer with no look at the rows. A search
// that finds many elders is counted over the narrow index elders_search (x_search,
// deleted, status, village_code) instead of the wide list index (docs/performance.md, scenario 4).

// Adds x_search, elders_search and elder_fts to a file made before them and fills them;
// made at every open, so older files gain them. Also fills rows a version without them added.
void addElderSearch(Database& db);

// Brings x_search and elder_fts in step with the elder's name, ID number and phone;
// DerivedColumns::refresh calls it, so every write of an elder does.
void refreshElderSearch(Database& db, const std::string& elderId);

// Whether the search can answer `text`: always, unless it holds the field separator (a
// match across two fields would then be possible).
bool elderSearchServes(const std::string& text);

// The rowids of the elders not deleted whose name, ID number or phone contains `text`,
// when there are at most `most` of them; nothing when there are more.
std::optional<std::vector<std::int64_t>> fewEldersMatching(Database& db, const std::string& text, std::size_t most);

// Rowids as a JSON array, bound to the clause rowidsIn() spells.
std::string rowidList(const std::vector<std::int64_t>& rowids);
// "rowid IN" the JSON array of one parameter, as each database reads one.
std::string rowidsIn(Database::Dialect dialect);

// How many elders not deleted have `text` in their name, ID number or phone, of `status`
// and in the villages of `villagePrefix` ("" for any).
std::size_t countEldersMatching(Database& db, const std::string& text, const std::string& status = {},
                                const std::string& villagePrefix = {});

} // namespace shouwang
