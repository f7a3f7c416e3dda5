#pragma once

#include "domain/hlc.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

class Database;
class Ledger;
struct Record;
struct SaveResult;

// Two concurrent values of one field, waiting for a person to choose (DESIGN.md §4).
// `a` is the earlier write, `b` the later one (the current winner unless resolved).
struct Conflict {
    std::string id;
    std::string entity;
    std::string recordId;
    std::string villageCode;
    std::string field;
    std::string valueA, valueB;
    Hlc hlcA, hlcB;
    std::string operatorA, operatorB;
    bool resolved = false;
    std::string detectedAt;
    std::string resolvedAt;
};

class ConflictQueue {
public:
    explicit ConflictQueue(Database& db)
        : m_db(db)
    {
    }

    // Records a pair once, whichever replica and order found it: the id is made from the
    // record, the field and both HLCs.
    void add(Conflict conflict);
    // A write made with knowledge of the current value settles every open conflict on
    // that field whose values it has seen.
    void settle(std::string_view recordId, std::string_view field, const Hlc& base);

    std::vector<Conflict> open(std::string_view villagePrefix = {});
    std::vector<Conflict> all(std::string_view villagePrefix = {});
    std::size_t openCount(std::string_view villagePrefix = {});
    // Open conflicts per village code under `villagePrefix` (a county's own code for its
    // reference data): (code, count), by code.
    std::vector<std::pair<std::string, std::size_t>> openCountByVillage(std::string_view villagePrefix);

private:
    std::vector<Conflict> query(std::string_view villagePrefix, bool onlyOpen);
    Database& m_db;
};

// Resolves a conflict by choosing (or typing) a value: an ordinary save of that field,
// captured and synced like any other, which settles the conflict everywhere it lands.
SaveResult resolveConflict(Ledger& ledger, const Conflict& conflict, const std::string& value,
                           std::string_view operatorName);

} // namespace shouwang
