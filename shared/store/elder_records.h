#pragma once

#include "domain/record.h"
#include "domain/schema.h"

#include <string>
#include <vector>

namespace shouwang {

class Ledger;

// The records of one entity that concern an elder.
struct ConcerningRecords {
    const EntityDef* entity = nullptr;
    std::vector<Record> records; // oldest first
};

// Every record that concerns an elder, for the printed record: what names the elder in a
// reference of any kind (elder_id, a pairing's `helped` list), the elder's household, and
// what refers to one of those (a pairing's activity log). Read from the schema, so an entity
// added later is printed without a change here. Deleted records are left out; entities with
// no such record are left out; the order is the schema's.
std::vector<ConcerningRecords> recordsConcerningElder(Ledger& ledger, const Record& elder);

} // namespace shouwang
