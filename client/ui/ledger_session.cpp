#include "ledger_session.h"

#include "labels.h"

#include "domain/schema.h"
#include "domain/workflow.h"

namespace shouwang::ui {
namespace {
constexpr std::string_view kScopePrefixes[] = {"village:", "township:", "county:"};
}

LedgerSession::LedgerSession(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_db(openLedgerDatabase(ss(path)))
    , m_ledger(std::make_unique<Ledger>(*m_db))
{
}

LedgerSession::~LedgerSession() = default;

std::string LedgerSession::scopeCode()
{
    std::string scope = m_ledger->meta().value(meta::kScope);
    for (std::string_view prefix : kScopePrefixes) {
        if (scope.starts_with(prefix))
            return scope.substr(prefix.size());
    }
    return scope;
}

Scope::Kind LedgerSession::scopeKind()
{
    const std::size_t length = scopeCode().size();
    return length == 6 ? Scope::Kind::County : length == 9 ? Scope::Kind::Township : Scope::Kind::Village;
}

void LedgerSession::setVillage(const std::string& villageCode)
{
    setScope(villageCode);
}

void LedgerSession::setScope(const std::string& code)
{
    const char* kind = code.size() == 6 ? "county:" : code.size() == 9 ? "township:" : "village:";
    m_ledger->meta().set(meta::kScope, kind + code);
    m_ledger->meta().set(meta::kCountyCode, code.substr(0, 6));
    emit changed();
}

bool LedgerSession::mayWrite(const EntityDef& entity)
{
    switch (scopeKind()) {
    case Scope::Kind::Village:
        return entity.scope != EntityScope::County;
    case Scope::Kind::Township:
        return townshipHandles(entity.name);
    case Scope::Kind::County:
        return true;
    }
    return false;
}

std::string LedgerSession::villageCode()
{
    std::string code = scopeCode();
    return code.size() == 12 ? code : std::string();
}

std::string LedgerSession::countyCode()
{
    std::string county = m_ledger->meta().value(meta::kCountyCode);
    return county.empty() ? scopeCode().substr(0, 6) : county;
}

std::string LedgerSession::operatorName()
{
    return m_ledger->meta().value(meta::kOperator);
}

void LedgerSession::setOperatorName(const std::string& name)
{
    m_ledger->meta().set(meta::kOperator, name);
}

void LedgerSession::fillVillage(Record& record)
{
    if (record.villageCode.empty() && !record.id.empty()) {
        if (auto stored = m_ledger->get(record.entity, record.id))
            record.villageCode = stored->villageCode;
    }
    if (record.villageCode.empty()) {
        const EntityDef* def = findEntity(record.entity);
        const bool county = def && def->scope == EntityScope::County;
        record.villageCode = county ? countyCode() : villageCode();
    }
    // Above a village (a township proposing a referral), a record about an elder belongs
    // to the elder's village.
    if (record.villageCode.empty() && record.has("elder_id")) {
        if (auto elder = m_ledger->get("elder", record.value("elder_id")))
            record.villageCode = elder->villageCode;
    }
}

std::string LedgerSession::signature()
{
    std::string who = operatorName();
    return who.empty() ? std::string("村委会") : who;
}

SaveResult LedgerSession::save(Record& record, const Record* loaded)
{
    fillVillage(record);
    SaveResult result = loaded ? m_ledger->save(record, *loaded, signature()) : m_ledger->save(record, signature());
    if (result.ok())
        emit changed();
    return result;
}

SaveResult LedgerSession::saveTogether(Record& first, Record& second)
{
    // Copies: a refused pair leaves the caller's records as they were (no id of a row
    // that was rolled back).
    Record a = first, b = second;
    fillVillage(a);
    fillVillage(b);
    SaveResult result;
    try {
        Transaction tx(*m_db);
        result = m_ledger->save(a, signature());
        if (!result.ok())
            return result;
        result = m_ledger->save(b, signature());
        if (!result.ok())
            return result;
        tx.commit();
    } catch (const StoreError& e) {
        SaveResult failed;
        failed.message = e.what();
        failed.storageFull = e.full();
        return failed;
    }
    first = std::move(a);
    second = std::move(b);
    emit changed();
    return result;
}

SaveResult LedgerSession::remove(const Record& record)
{
    SaveResult result = m_ledger->remove(record.entity, record.id, operatorName());
    if (result.ok())
        emit changed();
    return result;
}

std::optional<Record> LedgerSession::get(std::string_view entity, std::string_view id)
{
    return m_ledger->get(entity, id);
}

std::vector<Record> LedgerSession::list(std::string_view entity, const ListFilter& filter)
{
    return m_ledger->list(entity, filter);
}

QString LedgerSession::title(std::string_view entity, std::string_view id)
{
    if (id.empty())
        return {};
    auto record = m_ledger->get(entity, id);
    return record ? recordTitle(*record) : QString();
}

QString recordTitle(const Record& record)
{
    for (std::string_view field : {"name", "head_name", "caretaker"}) {
        if (record.has(field)) {
            QString text = qs(record.value(field));
            if (field == "head_name" && record.has("address"))
                text += QStringLiteral("（%1）").arg(qs(record.value("address")));
            return text;
        }
    }
    if (record.has("mode") && record.entity == "pairing")
        return enumLabel("pairing_mode", record.value("mode")) + QLatin1Char(' ') + qs(record.value("start_date"));
    if (record.has("date"))
        return qs(record.value("date"));
    return qs(record.id).left(8);
}

} // namespace shouwang::ui
