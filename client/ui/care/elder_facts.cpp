#include "elder_facts.h"

#include "ui/session/ledger_session.h"

#include "domain/idcard.h"

namespace shouwang::ui {

ElderFacts elderFacts(LedgerSession& session, const Record& elder)
{
    ElderFacts facts;
    if (auto check = checkIdNumber(elder.value("id_number")); check.ok())
        facts.birthDate = parseDate(check.info->birthDate);
    facts.living = elder.value("living");
    facts.ability = elder.value("ability");
    facts.health = elder.value("health");
    facts.dementia = elder.value("dementia") == "1";
    bool dibao = false, tekun = false;
    if (elder.has("household_id")) {
        if (auto household = session.get("household", elder.value("household_id"))) {
            dibao = household->value("dibao") == "1";
            tekun = household->value("tekun") == "1";
        }
    }
    facts.hardship = hardshipFrom(dibao, tekun, elder.value("income_sources"), elder.value("difficulties"));
    if (elder.id.empty())
        return facts;
    ListFilter byElder;
    byElder.equals = {{"elder_id", elder.id}};
    for (const auto& supporter : session.list("supporter", byElder))
        facts.supporters.push_back({parseDate(supporter.value("away_since"))});
    byElder.orderBy = "date";
    byElder.descending = true;
    byElder.limit = 1;
    auto assessments = session.list("risk_assessment", byElder);
    if (!assessments.empty()) {
        facts.riskLevel = assessments.front().value("level");
        facts.lastAssessment = parseDate(assessments.front().value("date"));
    }
    auto visits = session.list("visit", byElder);
    if (!visits.empty())
        facts.lastVisit = parseDate(visits.front().value("date"));
    facts.enteredLedger = parseDate(elder.createdAt.substr(0, 10));
    return facts;
}

ElderFlags elderFlags(LedgerSession& session, const Record& elder)
{
    return deriveFlags(elderFacts(session, elder), today());
}

const RiskStandard& riskStandard(LedgerSession& session)
{
    return session.ledger().derived().standard();
}

} // namespace shouwang::ui
