#include "ledger.h"

#include "conflict_queue.h"
#include "elder_search.h"
#include "id_number_notices.h"
#include "indexes_aside.h"
#include "migrations.h"
#include "record_table.h"
#include "village_range.h"
#include "volunteer_hours_store.h"

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/schema.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace shouwang {
namespace {

// The ledger holds ID numbers, health and family data (PIPL sensitive information): on a
// shared computer no other OS account may read it. SQLite creates files with mode 0644
// less the umask, so a new ledger is made empty with owner-only access before SQLite
// writes a byte of it (SQLite gives the WAL and SHM files the database file's mode), and
// every open narrows the files again in case they were copied in or made by an older
// version. Windows has no mode bits: there the per-user data folder's ACL does this
// (docs/reliability.md), and the narrow-string paths below would not even be UTF-8.
#ifndef _WIN32
bool isPlainFile(const std::string& path)
{
    return !path.empty() && path != ":memory:" && !path.starts_with("file:");
}

void restrictToOwner(const std::string& path)
{
    namespace fs = std::filesystem;
    if (!isPlainFile(path))
        return;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        const fs::path file(path + suffix);
        // A file we cannot narrow (not ours, a read-only medium) still opens: refusing to
        // start would lose more than it protects.
        if (fs::exists(file, ec))
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    }
}

void createPrivately(const std::string& path)
{
    std::error_code ec;
    if (!isPlainFile(path) || std::filesystem::exists(path, ec))
        return;
    std::ofstream(path, std::ios::binary | std::ios::app).close();
    restrictToOwner(path);
}
#else
void restrictToOwner(const std::string&) {}
void createPrivately(const std::string&) {}
#endif

std::string deviceIdOf(Database& db)
{
    Meta meta(db);
    if (auto id = meta.get(meta::kDeviceId))
        return *id;
    std::string id = newUuid();
    meta.set(meta::kDeviceId, id);
    return id;
}

std::string storageMessage(const StoreError& e)
{
    if (e.full())
        return "磁盘已满或数据库文件只读，本次保存未完成，已填写的内容仍保留。请清理磁盘空间后重试。";
    return std::string("保存失败：") + e.what();
}

} // namespace

std::unique_ptr<Database> openLedgerDatabase(const std::string& path, SqliteDatabase::Durability durability)
{
    createPrivately(path);
    auto db = std::make_unique<SqliteDatabase>(path, durability);
    migrate(*db, kSchemaVersion);
    addLifecycleTables(*db);
    // A snapshot under way (docs/protocol.md, "Snapshot") completes the file itself when it
    // ends: the indexes it set aside, the elders' search text. Opening the file meanwhile
    // (another program, or the client again after a crash) makes none of them: that would
    // wait for the snapshot's writes, and the next sync resumes and completes it.
    if (!Meta(*db).get(meta::kSnapshotAt)) {
        restoreIndexes(*db);          // set aside by a snapshot that ended with the process
        addElderListIndex(*db);       // a file made before the index gains it once (seconds at 100,000 elders)
        addElderSearch(*db);          // likewise the search column and its index
        addIdNumberNoticeTables(*db); // the county's 身份证号 lookup and what it told this device
    }
    restrictToOwner(path); // after migrate: the WAL and SHM files exist by now
    return db;
}

Ledger::Ledger(Database& db)
    : m_db(db)
    , m_meta(db)
    , m_changes(db)
    , m_derived(db)
    , m_clock(deviceIdOf(db))
{
    m_clock.restore(std::stoull(m_meta.value(meta::kClock, "0")));
}

void Ledger::persistClock()
{
    const std::uint64_t stored = std::stoull(m_meta.value(meta::kClock, "0"));
    if (m_clock.lastTime() > stored)
        m_meta.setAtCommit(meta::kClock, std::to_string(m_clock.lastTime()));
    else
        m_clock.restore(stored);
}

std::string Ledger::refusalFor(const EntityDef& entity, Record& record)
{
    for (const auto& [name, value] : record.values) {
        if (!entity.field(name))
            return "未知字段：" + name;
    }
    // Child records live in the village of the record they belong to.
    if (record.villageCode.empty()) {
        for (const auto& field : entity.fields) {
            if (field.type != FieldType::Ref || !record.has(field.name))
                continue;
            if (auto parent = loadRecord(m_db, *findEntity(field.ref), record.value(field.name))) {
                record.villageCode = parent->villageCode;
                break;
            }
        }
    }
    if (!isCodeOf(filingLevel(entity), record.villageCode))
        return entity.scope == EntityScope::County ? "区县代码应为6位数字" : "村（社区）代码应为12位数字";
    return {};
}

SaveResult Ledger::save(Record& record, std::string_view operatorName)
{
    return write(record, operatorName, {});
}

SaveResult Ledger::save(Record& record, const Record& loaded, std::string_view operatorName)
{
    return write(record, operatorName, {&loaded, {}, false});
}

SaveResult Ledger::choose(Record& record, std::string_view field, std::string_view operatorName)
{
    return write(record, operatorName, {nullptr, field, false});
}

SaveResult Ledger::remove(std::string_view entity, std::string_view id, std::string_view operatorName)
{
    auto record = get(entity, id);
    if (!record) {
        SaveResult result;
        result.message = "记录不存在或已被删除";
        return result;
    }
    return write(*record, operatorName, {nullptr, {}, true});
}

Hlc Ledger::stamp(const std::vector<FieldChange>& fields)
{
    const std::string device = m_meta.value(meta::kDeviceId);
    if (!device.empty() && device != m_clock.device())
        m_clock.setDevice(device); // the sync worker gave this ledger a new identity
    // The stored mark is the truth: another Ledger may have written past this one's, and a
    // repaired clock is set back there (rewindClock). Each write stores its own at once.
    m_clock.rewind(std::stoull(m_meta.value(meta::kClock, "0")));
    for (const auto& f : fields)
        m_clock.observe(f.base);
    return m_clock.now();
}

SaveResult Ledger::write(Record& record, std::string_view operatorName, const WriteIntent& intent)
{
    const bool deleting = intent.deleting;
    SaveResult result;
    const EntityDef* entity = findEntity(record.entity);
    if (!entity) {
        result.message = "未知的记录类型：" + record.entity;
        return result;
    }
    result.message = refusalFor(*entity, record);
    if (!result.message.empty())
        return result;
    if (!deleting) {
        result.errors = validateRecord(*entity, record);
        if (!result.ok())
            return result;
    }

    try {
        Transaction tx(m_db);
        std::optional<Record> before = record.id.empty() ? std::nullopt : loadRecord(m_db, *entity, record.id);
        Record stored = before ? *before : Record{};
        if (!before) {
            stored.entity = record.entity;
            stored.id = record.id.empty() ? newUuid() : record.id;
            stored.villageCode = record.villageCode;
        } else if (before->villageCode != record.villageCode) {
            result.message = "记录所属村（社区）不能更改";
            return result;
        }
        if (isVolunteerHoursEntity(record.entity)) {
            // Append-only entries; a new redemption checked against the balance inside the
            // transaction, so two windows on one file cannot both spend the same hours.
            Record after = record;
            after.deleted = deleting || record.deleted;
            result.message = volunteerHoursEntryProblem(before ? &*before : nullptr, after);
            if (result.message.empty() && !before && record.entity == kRedemptionEntity)
                result.message = redemptionProblem(m_db, record);
            if (!result.message.empty())
                return result;
        }

        // What the writer saw: the form's copy when it gives one, else the row as it stands.
        const Record* seen = intent.loaded ? intent.loaded : (before ? &*before : nullptr);
        const auto clockOf = [](const Record* r, std::string_view field) {
            if (!r)
                return Hlc{};
            auto it = r->clocks.find(field);
            return it == r->clocks.end() ? Hlc{} : it->second;
        };
        Change change;
        ConflictQueue conflicts(m_db);
        std::vector<Conflict> concurrent;
        for (const auto& field : entity->fields) {
            const std::string& now = record.value(field.name);
            const bool chosen = field.name == intent.chosenField;
            if (seen && now == seen->value(field.name) && !chosen)
                continue;
            if (!seen && now.empty())
                continue;
            const Hlc base = clockOf(seen, field.name);
            const Hlc current = clockOf(before ? &*before : nullptr, field.name);
            if (before && base != current && now != before->value(field.name)) {
                // The field changed under the open form: both values go to the queue.
                Conflict c;
                c.entity = stored.entity;
                c.recordId = stored.id;
                c.villageCode = stored.villageCode;
                c.field = std::string(field.name);
                c.valueA = before->value(field.name);
                c.hlcA = current;
                c.operatorA = m_changes.operatorOf(stored.id, current);
                c.valueB = now;
                c.operatorB = std::string(operatorName);
                change.fields.push_back({std::string(field.name), now, base});
                concurrent.push_back(std::move(c));
                continue;
            }
            change.fields.push_back({std::string(field.name), now, base});
        }
        const bool deletedNow = deleting || record.deleted;
        if (deletedNow != stored.deleted || intent.chosenField == kDeletedField) {
            auto it = stored.clocks.find(kDeletedField);
            change.fields.push_back({std::string(kDeletedField), deletedNow ? "1" : "0", it != stored.clocks.end() ? it->second : Hlc{}});
        }
        if (change.fields.empty()) {
            record = stored;
            return result; // nothing changed: nothing captured
        }

        change.changeId = newUuid();
        change.entity = record.entity;
        change.recordId = stored.id;
        change.villageCode = stored.villageCode;
        change.hlc = stamp(change.fields);
        for (Conflict& c : concurrent) {
            c.hlcB = change.hlc;
            conflicts.add(std::move(c));
        }
        if (!before)
            stored.createdAt = formatDateTime(change.hlc.millis());
        change.operatorName = std::string(operatorName);
        for (const auto& f : change.fields) {
            stored.clocks.insert_or_assign(f.name, change.hlc);
            if (f.name == kDeletedField)
                stored.deleted = f.value == "1";
            else
                stored.set(f.name, f.value);
        }
        stored.updatedAt = formatDateTime(change.hlc.millis());
        for (const auto& f : change.fields)
            conflicts.settle(stored.id, f.name, f.base);

        writeRecord(m_db, *entity, stored);
        m_changes.append(change, ChangeOrigin::Local);
        persistClock();
        if (DerivedColumns::changesStandard(record.entity)) {
            if (m_deferredElders)
                m_deferredElders->push_back({}); // an empty id: refresh them all
            else
                m_derived.refreshAll();
        } else {
            for (auto& elder : m_derived.affectedElders(stored)) {
                if (m_deferredElders)
                    m_deferredElders->push_back(std::move(elder));
                else
                    m_derived.refresh(elder);
            }
        }
        tx.commit();
        record = stored;
        result.change = std::move(change);
    } catch (const StoreError& e) {
        result.message = storageMessage(e);
        result.storageFull = e.full();
        result.change.reset();
    }
    return result;
}

std::optional<Record> Ledger::get(std::string_view entity, std::string_view id)
{
    const EntityDef* def = findEntity(entity);
    if (!def)
        return std::nullopt;
    return loadRecord(m_db, *def, id);
}

namespace {

// Builds the WHERE clause of a list; field names come from the schema, never from input.
// `ordered`: for a page in the list's order. Its village range is then tested on each row
// (the unary +), not looked up in the village_code index: a device's scope holds nearly every
// row of its ledger, and SQLite, taking that index, fetched them all and sorted them, where
// a walk of the order's index stops at the page's end. The unary + is SQLite's alone: another
// database plans on its own.
std::string whereClause(const EntityDef& entity, const ListFilter& filter, std::vector<std::string>& params,
                        bool ordered = false)
{
    std::string where = " WHERE TRUE";
    if (!filter.includeDeleted)
        where += " AND deleted = 0";
    if (!filter.villagePrefix.empty()) {
        where += " AND " + (ordered ? villageRangeOnEachRow(true) : std::string(kVillageRangeClause));
        params.push_back(filter.villagePrefix);
        params.push_back(villageRangeEnd(filter.villagePrefix));
    }
    for (const auto& [field, value] : filter.equals) {
        if (!entity.field(field))
            throw StoreError("unknown field " + field, 0);
        where += " AND " + field + " = ?";
        params.push_back(value);
    }
    return where;
}

} // namespace

std::string listQuery(const EntityDef& entity, const ListFilter& filter, std::vector<std::string>& params,
                      Database::Dialect dialect)
{
    std::string sql = "SELECT id, village_code, created_at, updated_at, deleted, field_clock";
    for (const auto& field : entity.fields)
        sql += ", " + std::string(field.name);
    sql += " FROM " + std::string(entity.table)
        + whereClause(entity, filter, params, dialect == Database::Dialect::Sqlite);
    const std::string order = !filter.orderBy.empty() && entity.field(filter.orderBy) ? filter.orderBy : "created_at";
    // Ties in the order the rows were stored: the created_at index holds the rowid, so a page
    // of the newest records is a walk of that index, never a sort of the table.
    const char* direction = filter.descending ? " DESC" : "";
    sql += " ORDER BY " + order + direction + ", rowid" + direction;
    if (filter.limit)
        sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
    return sql;
}

std::vector<Record> Ledger::list(std::string_view entityName, const ListFilter& filter)
{
    const EntityDef* entity = findEntity(entityName);
    if (!entity)
        return {};
    std::vector<std::string> params;
    auto st = m_db.prepare(listQuery(*entity, filter, params, m_db.dialect()));
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);
    std::vector<Record> out;
    while (st.step())
        out.push_back(recordFromRow(st, *entity));
    return out;
}

std::size_t Ledger::count(std::string_view entityName, const ListFilter& filter)
{
    const EntityDef* entity = findEntity(entityName);
    if (!entity)
        return 0;
    std::vector<std::string> params;
    auto st = m_db.prepare("SELECT count(*) FROM " + std::string(entity->table) + whereClause(*entity, filter, params));
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

} // namespace shouwang

namespace shouwang {

LedgerBatch::LedgerBatch(Ledger& ledger)
    : m_ledger(ledger)
    , m_tx(ledger.database())
{
    m_ledger.m_deferredElders = &m_elders;
}

LedgerBatch::~LedgerBatch()
{
    m_ledger.m_deferredElders = nullptr;
}

void LedgerBatch::commit()
{
    m_ledger.m_deferredElders = nullptr;
    std::sort(m_elders.begin(), m_elders.end());
    m_elders.erase(std::unique(m_elders.begin(), m_elders.end()), m_elders.end());
    if (!m_elders.empty() && m_elders.front().empty()) {
        m_ledger.derived().refreshAll();
    } else {
        for (const auto& id : m_elders)
            m_ledger.derived().refresh(id);
    }
    m_ledger.persistClock();
    m_tx.commit();
}

} // namespace shouwang
