#include "elder_facts.h"

#include "ui/session/ledger_session.h"

#include "domain/idcard.h"
#include "domain/schema_names.h"

namespace shouwang::ui {

ElderFacts elderFacts(LedgerSession& session, const Record& elder)
{
    ElderFacts facts;
    if (auto check = checkIdNumber(elder.value(schema::elder::id_number)); check.ok())
        facts.birthDate = parseDate(check.info->birthDate);
    facts.living = elder.value(schema::elder::living);
    facts.ability = elder.value(schema::elder::ability);
    facts.health = elder.value(schema::elder::health);
    facts.dementia = elder.value(schema::elder::dementia) == "1";
    bool dibao = false, tekun = false;
    if (elder.has(schema::elder::household_id)) {
        if (auto household = session.get(schema::household::entity, elder.value(schema::elder::household_id))) {
            dibao = household->value(schema::household::dibao) == "1";
            tekun = household->value(schema::household::tekun) == "1";
        }
    }
    facts.hardship = hardshipFrom(dibao, tekun, elder.value(schema::elder::income_sources),
                                  elder.value(schema::elder::difficulties));
    if (elder.id.empty())
        return facts;
    ListFilter byElder;
    byElder.equals = {{"elder_id", elder.id}};
    for (const auto& supporter : session.list(schema::supporter::entity, byElder))
        facts.supporters.push_back({parseDate(supporter.value(schema::supporter::away_since))});
    byElder.orderBy = "date";
    byElder.descending = true;
    byElder.limit = 1;
    auto assessments = session.list(schema::risk_assessment::entity, byElder);
    if (!assessments.empty()) {
        facts.riskLevel = assessments.front().value(schema::risk_assessment::level);
        facts.lastAssessment = parseDate(assessments.front().value(schema::risk_assessment::date));
    }
    auto visits = session.list(schema::visit::entity, byElder);
    if (!visits.empty())
        facts.lastVisit = parseDate(visits.front().value(schema::visit::date));
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
