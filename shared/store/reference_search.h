#pragma once

#include "domain/date.h"
#include "domain/record.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class Database;

// The records a reference field may point to, found by what a person types: the picker of
// every Ref and RefList field. Always bounded, so a county of 100,000 elders answers as
// fast as a village: at most `limit` records and whether more match, never the table.
struct ReferenceQuery {
    std::string entity;        // the referenced entity: "elder", "volunteer", "household"...
    std::string villagePrefix; // the scope's code; "" for every village
    std::string text;          // "" lists the first records in order
    std::size_t limit = 50;
};

struct ReferenceMatch {
    Record record;
    std::string householdHead; // an elder's head of household, "" for other entities
};

struct ReferenceMatches {
    std::vector<ReferenceMatch> matches;
    bool more = false; // more records match than `limit`: the person types more
};

// Elders: a substring of the name, ID number (its last digits) or phone, through the elder
// list's search index (elder_search.h), then those whose head of household's name holds it.
// Other entities: a substring of any of their short text, phone or date fields.
ReferenceMatches findReferences(Database& db, const ReferenceQuery& query, Date on);

// What a record already refers to, each id whatever became of it: deleted (Record::deleted)
// or moved out of the scope, it still reads by its title; nothing for an id this device has
// never received.
std::optional<ReferenceMatch> describeReference(Database& db, std::string_view entity, std::string_view id);

} // namespace shouwang
