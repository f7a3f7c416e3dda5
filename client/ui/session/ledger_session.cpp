#include "ledger_session.h"

#include "labels.h"

#include "domain/divisions.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "domain/workflow.h"

namespace shouwang::ui {

LedgerSession::LedgerSession(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_db(openLedgerDatabase(ss(path)))
    , m_ledger(std::make_unique<Ledger>(*m_db))
{
}

LedgerSession::~LedgerSession() = default;

Scope LedgerSession::scope()
{
    // Not configured yet: a village without a code, which may write nothing of the county's.
    return Scope::parse(m_ledger->meta().value(meta::kScope)).value_or(Scope{});
}

std::string LedgerSession::scopeCode()
{
    return scope().code;
}

Scope::Kind LedgerSession::scopeKind()
{
    return scope().kind;
}

bool LedgerSession::setVillage(const std::string& villageCode)
{
    return setScope(villageCode);
}

bool LedgerSession::setScope(const std::string& code)
{
    const std::optional<Scope> chosen = Scope::forCode(code);
    if (!chosen)
        return false;
    m_ledger->meta().set(meta::kScope, chosen->toString());
    m_ledger->meta().set(meta::kCountyCode, chosen->countyCode());
    emit changed();
    return true;
}

bool LedgerSession::mayWrite(const EntityDef& entity)
{
    return scope().mayWrite(entity);
}

std::string LedgerSession::villageCode()
{
    const Scope kept = scope();
    return kept.kind == Scope::Kind::Village ? kept.code : std::string();
}

std::string LedgerSession::countyCode()
{
    std::string county = m_ledger->meta().value(meta::kCountyCode);
    return county.empty() ? scope().countyCode() : county;
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
        if (auto elder = m_ledger->get(schema::elder::entity, record.value("elder_id")))
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
            if (field == schema::household::head_name && record.has("address"))
                text += QStringLiteral("（%1）").arg(qs(record.value("address")));
            return text;
        }
    }
    if (record.has("mode") && record.entity == schema::pairing::entity)
        return enumLabel("pairing_mode", record.value(schema::pairing::mode)) + QLatin1Char(' ')
            + qs(record.value(schema::pairing::start_date));
    if (record.has("date"))
        return qs(record.value("date"));
    return qs(record.id).left(8);
}

} // namespace shouwang::ui
