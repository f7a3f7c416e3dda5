#pragma once

#include "change_log.h"
#include "database.h"
#include "derived_columns.h"
#include "meta.h"
#include "sqlite_database.h"

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
                                                             // (ties: in the order stored)
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
    // Saves what a form changed: only the fields where `record` differs from `loaded` (the
    // record as the form read it), each based on the clock it had then. An edit merged
    // meanwhile into another field stands; one into the same field with another value is a
    // concurrent edit and goes to the conflict queue, as the merge would file it.
    SaveResult save(Record& record, const Record& loaded, std::string_view operatorName);
    // A person's choice of `field`'s value (a conflict resolved): captured as a change even
    // when the chosen value already stands, so every replica closes the conflict and
    // agrees on the value.
    SaveResult choose(Record& record, std::string_view field, std::string_view operatorName);
    SaveResult remove(std::string_view entity, std::string_view id, std::string_view operatorName);
    std::optional<Record> get(std::string_view entity, std::string_view id);
    std::vector<Record> list(std::string_view entity, const ListFilter& filter = {});
    std::size_t count(std::string_view entity, const ListFilter& filter = {});

    const std::string& deviceId() const { return m_clock.device(); }
    // The ids this ledger went by before (adoptIdentity), oldest first.
    std::vector<std::string> earlierDeviceIds();
    Database& database() { return m_db; }
    ChangeLog& changeLog() { return m_changes; }
    Meta& meta() { return m_meta; }
    DerivedColumns& derived() { return m_derived; }
    HybridClock& clock() { return m_clock; }
    // Writes the clock's high-water mark as the caller's transaction commits (Meta::setAtCommit:
    // once, however many saves it holds; this connection reads it at once). It never lowers
    // the stored mark: another Ledger on the same file (the GUI's, the sync worker's) may
    // have issued later clocks than this one has seen.
    void persistClock();

    // Lifecycle repairs (docs/protocol.md, "Lifecycle"), each inside the caller's transaction.
    // Stamps every change waiting in the outbox again, in order, as a new change (new id,
    // new clock above every base it overwrites), moving the records' field clocks along.
    std::size_t restampPending();
    // Goes on as device `id`: the outbox is re-stamped under the new name.
    void adoptIdentity(const std::string& id);
    // Sets the stored clock back to `time` (a clock that ran ahead and has been corrected)
    // and re-stamps the outbox below it.
    void rewindClock(std::uint64_t time);
    // Undoes a change of this device the county refused (already marked refused): each field
    // it wrote goes back to the newest value the county did not refuse, and a record whose
    // creation was refused leaves this laptop with the edits made on top of it.
    void undoRefused(std::string_view changeId);

private:
    friend class LedgerBatch;
    struct WriteIntent {
        const Record* loaded = nullptr; // what the form read; null: the current row
        std::string_view chosenField;   // captured even when unchanged
        bool deleting = false;
    };
    SaveResult write(Record& record, std::string_view operatorName, const WriteIntent& intent);
    // The clock for a write made in the current transaction: above the stored high-water
    // mark (whichever Ledger wrote it) and above every base the write overwrites.
    Hlc stamp(const std::vector<FieldChange>& fields);
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

// The SELECT Ledger::list runs for `filter` (its parameters appended to `params`): a page
// ordered by created_at walks the table's created_at index.
std::string listQuery(const EntityDef& entity, const ListFilter& filter, std::vector<std::string>& params,
                      Database::Dialect dialect = Database::Dialect::Sqlite);

// Opens (creating or migrating) a ledger file: the one way in for client and server.
std::unique_ptr<Database>
openLedgerDatabase(const std::string& path, SqliteDatabase::Durability durability = SqliteDatabase::Durability::Normal);

} // namespace shouwang
