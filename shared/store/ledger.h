#pragma once

#include "change_log.h"
#include "database.h"
#include "derived_columns.h"
#include "meta.h"

#include "domain/change.h"
#include "domain/hlc.h"
#include "domain/record.h"
#include "domain/validation.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

// What became of a save. When refused, nothing was written and the caller still holds
// everything the user typed.
struct SaveResult {
    std::vector<FieldError> errors; // values refused at their field
    std::string message;            // a refusal not tied to one field, or a storage failure
    bool storageFull = false;       // disk full or read-only: try again once space returns
    std::optional<Change> change;   // what was captured; empty when the save changed nothing

    bool ok() const { return errors.empty() && message.empty(); }
};

struct ListFilter {
    std::string villagePrefix;                               // "" for every village
    std::vector<std::pair<std::string, std::string>> equals; // field = value
    bool includeDeleted = false;
    std::string orderBy;                                     // a field name; default: created_at
    bool descending = false;
    std::size_t limit = 0;                                   // 0: no limit
    std::size_t offset = 0;
};

// The local ledger: create, update, soft-delete, get and list records of every entity.
// Every save writes the record and its captured change in one transaction (DESIGN.md §4).
class Ledger {
public:
    explicit Ledger(Database& db);

    SaveResult save(Record& record, std::string_view operatorName);
    SaveResult remove(std::string_view entity, std::string_view id, std::string_view operatorName);
    std::optional<Record> get(std::string_view entity, std::string_view id);
    std::vector<Record> list(std::string_view entity, const ListFilter& filter = {});
    std::size_t count(std::string_view entity, const ListFilter& filter = {});

    const std::string& deviceId() const { return m_clock.device(); }
    Database& database() { return m_db; }
    ChangeLog& changeLog() { return m_changes; }
    Meta& meta() { return m_meta; }
    DerivedColumns& derived() { return m_derived; }
    HybridClock& clock() { return m_clock; }
    // Writes the clock's high-water mark, inside the caller's transaction.
    void persistClock();

private:
    friend class LedgerBatch;
    SaveResult write(Record& record, std::string_view operatorName, bool deleting);
    std::string refusalFor(const EntityDef& entity, Record& record);

    Database& m_db;
    Meta m_meta;
    ChangeLog m_changes;
    DerivedColumns m_derived;
    HybridClock m_clock;
    std::vector<std::string>* m_deferredElders = nullptr; // set while a LedgerBatch is open
};

// Many saves in one transaction (imports, the demo generator): derived columns are
// computed once per elder at commit instead of after every save.
class LedgerBatch {
public:
    explicit LedgerBatch(Ledger& ledger);
    ~LedgerBatch();
    LedgerBatch(const LedgerBatch&) = delete;
    LedgerBatch& operator=(const LedgerBatch&) = delete;
    void commit();

private:
    Ledger& m_ledger;
    Transaction m_tx;
    std::vector<std::string> m_elders;
    bool m_standardChanged = false;
};

// Opens (creating or migrating) a ledger file: the one way in for client and server.
std::unique_ptr<Database> openLedgerDatabase(const std::string& path,
                                             Database::Durability durability = Database::Durability::Normal);

} // namespace shouwang
