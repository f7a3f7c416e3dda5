// What happens around an elder over the demo's year: visits, assessments, services, care
// agreements, incidents and mutual-aid pairings.
#include "demo_village.h"
#include "domain/schema_names.h"

#include <algorithm>

namespace shouwang::demo {
namespace {

constexpr std::string_view kNeeds[] = {"希望子女多打电话", "需要代购药品", "希望有人帮忙收割庄稼", "想去县医院复查",
                                       "需要修缮屋顶", "希望参加村里的文娱活动"};
constexpr std::string_view kServices[] = {"测量血压", "打扫卫生", "代购生活用品", "送米送油", "讲解防诈骗知识",
                                          "检查用电线路", "陪同聊天", "代缴电费"};
constexpr std::string_view kHazards[] = {"fire", "housing", "electric", "other"};

} // namespace

std::string VillageGenerator::visitor(std::string& role, const ElderSketch& sketch)
{
    static constexpr std::string_view kRoles[] = {"cadre", "grid", "volunteer", "association", "social_worker"};
    role = kRoles[m_random.weighted(std::array{45, 25, 20, 7, 3})];
    if (role == "grid")
        return m_gridWorkers[static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_gridWorkers.size()) - 1))];
    if (role == "volunteer" && !sketch.liaison.empty())
        return sketch.liaison;
    if (role == "volunteer" || role == "association")
        return m_volunteers[static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_volunteers.size()) - 1))].name;
    if (role == "social_worker")
        return "县社工站" + youngStranger(m_random, 0.3);
    return m_cadres[static_cast<std::size_t>(m_random.range(0, 2))];
}

void VillageGenerator::makeVisits(ElderSketch& sketch)
{
    // A liaison first, since volunteer visits are usually made by the elder's own liaison.
    if (m_random.chance(sketch.keyTarget() ? 0.9 : 0.5)) {
        const Helper& helper = m_volunteers[static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_volunteers.size()) - 1))];
        Record liaison = record(schema::liaison::entity);
        liaison.set(schema::liaison::volunteer_id, helper.id);
        liaison.set(schema::liaison::elder_id, sketch.id);
        liaison.set(schema::liaison::start_date, formatDate(daysAgo(m_random.range(200, 900))));
        if (m_random.chance(0.3))
            liaison.set(schema::liaison::notes, "每周至少电话联系一次");
        m_writer.save(liaison, &DemoSummary::liaisons);
        sketch.liaison = helper.name;
    }

    // Spread over the past year, oldest first, one per slot with some jitter inside it.
    const int n = m_plan.visitsPerElder;
    const double slot = 365.0 / std::max(n, 1);
    const bool frail = sketch.keyTarget();
    for (int i = 0; i < n; ++i) {
        const int offset = static_cast<int>(slot * i) + m_random.range(0, std::max(0, static_cast<int>(slot) - 1));
        const Date date = daysAgo(std::max(0, 364 - offset));
        Record v = record(schema::visit::entity);
        v.set(schema::visit::elder_id, sketch.id);
        v.set(schema::visit::date, formatDate(date));
        const std::string mode = std::array{"phone", "home", "video"}[m_random.weighted(std::array{55, 40, 5})];
        v.set(schema::visit::mode, mode);
        std::string role;
        v.set(schema::visit::visitor, visitor(role, sketch));
        v.set(schema::visit::visitor_role, role);
        for (const auto& campaign : m_reference.campaigns) {
            if (mode == "home" && date >= campaign.from && date <= campaign.to)
                v.set(schema::visit::campaign_id, campaign.id);
        }
        const std::string finding = std::array{"normal", "attention", "urgent"}[m_random.weighted(
            std::array{frail ? 80 : 90, frail ? 17 : 9, frail ? 3 : 1})];
        v.set(schema::visit::finding, finding);
        if (mode == "home" && m_random.chance(0.05)) {
            const std::string hazard(m_random.pick(std::span<const std::string_view>(kHazards)));
            v.set(schema::visit::hazards, hazard);
            sketch.housingHazard = sketch.housingHazard || hazard == "housing";
            sketch.fireHazard = sketch.fireHazard || hazard == "fire" || hazard == "electric";
        }
        if (finding != "normal") {
            v.set(schema::visit::needs, std::string(m_random.pick(std::span<const std::string_view>(kNeeds))));
            v.set(schema::visit::follow_up,
                  finding == "urgent" ? "已报告村委会，联系子女和乡镇卫生院" : "下次探访时再了解情况");
        }
        if (mode == "home" && m_random.chance(0.4))
            v.set(schema::visit::services_given,
                  std::string(m_random.pick(std::span<const std::string_view>(kServices))));
        if (m_random.chance(0.1))
            v.set(schema::visit::family_duty, sketch.neglected ? "子女很少联系" : "子女按时联系，按月寄生活费");
        v.set(schema::visit::next_due,
              formatDate(date
                         + std::chrono::days(finding == "urgent"          ? 3
                                                 : finding == "attention" ? 7
                                                                          : 30)));
        m_writer.save(v, &DemoSummary::visits);
    }
}

void VillageGenerator::makeAssessment(const ElderSketch& sketch)
{
    if (!m_random.chance(0.9))
        return;
    // The factors the assessor would tick, read off what the ledger holds about the elder.
    std::set<std::string> answers;
    if (sketch.age >= 80)
        answers.insert(std::string(riskfactor::kAdvancedAge));
    if (sketch.living == "alone")
        answers.insert(std::string(riskfactor::kAlone));
    if (sketch.ability == "moderate" || sketch.ability == "severe")
        answers.insert(std::string(riskfactor::kDisabled));
    if (sketch.dementia)
        answers.insert(std::string(riskfactor::kDementia));
    if (sketch.hardship)
        answers.insert(std::string(riskfactor::kEconomic));
    if (sketch.severeMental)
        answers.insert("severe_mental");
    if (sketch.chronic)
        answers.insert("chronic_disease");
    if (sketch.disability != "none")
        answers.insert("disability");
    if (sketch.neglected)
        answers.insert("neglect");
    if (sketch.housingHazard)
        answers.insert("housing");
    if (sketch.fireHazard)
        answers.insert("fire_electric");
    if (m_random.chance(0.02))
        answers.insert("accident");
    const int score = riskScore(m_standard, answers);
    const std::string level = riskLevel(m_standard, score);

    const Date date = daysAgo(m_random.range(0, 170));
    Record a = record(schema::risk_assessment::entity);
    a.set(schema::risk_assessment::elder_id, sketch.id);
    a.set(schema::risk_assessment::date, formatDate(date));
    a.set(schema::risk_assessment::assessor, m_cadres[static_cast<std::size_t>(m_random.range(0, 2))]);
    if (!m_reference.riskRuleId.empty())
        a.set(schema::risk_assessment::rule_id, m_reference.riskRuleId);
    a.set(schema::risk_assessment::answers, encodeAnswers(answers));
    a.set(schema::risk_assessment::score, std::to_string(score));
    a.set(schema::risk_assessment::level, level);
    if (level == "high")
        a.set(schema::risk_assessment::intervention_plan,
              "每周上门探访一次，落实联络人每日电话问候，督促子女履行赡养义务");
    else if (level == "medium")
        a.set(schema::risk_assessment::intervention_plan, "每半月探访一次，关注健康和安全状况");
    a.set(schema::risk_assessment::next_due, formatDate(date + std::chrono::days(m_standard.schedule.assessmentDays)));
    m_writer.save(a, &DemoSummary::assessments);
}

void VillageGenerator::makeCareAndServices(const ElderSketch& sketch)
{
    if ((sketch.living == "alone" && sketch.ability != "intact") || (sketch.age >= 80 && m_random.chance(0.3))) {
        Record c = record(schema::care_agreement::entity);
        c.set(schema::care_agreement::elder_id, sketch.id);
        const bool neighbour = m_random.chance(0.6);
        c.set(schema::care_agreement::caretaker, youngStranger(m_random, 0.4));
        c.set(schema::care_agreement::caretaker_kind, neighbour ? "neighbour" : "relative");
        c.set(schema::care_agreement::caretaker_phone, mobilePhone(m_random));
        c.set(schema::care_agreement::agreement_type, sketch.ability == "severe" ? "full_care" : "daily_care");
        const Date start = daysAgo(m_random.range(30, 700));
        c.set(schema::care_agreement::start_date, formatDate(start));
        c.set(schema::care_agreement::end_date, formatDate(start + std::chrono::days(365 * 2)));
        c.set(schema::care_agreement::content, "每天上门看望一次，帮助做饭、洗衣，发现异常及时告知子女和村委会");
        c.set(schema::care_agreement::reported_date, formatDate(start + std::chrono::days(m_random.range(0, 14))));
        m_writer.save(c, &DemoSummary::careAgreements);
    }
    for (int i = 0, n = m_random.chance(0.4) ? m_random.range(1, 2) : 0; i < n; ++i) {
        Record s = record(schema::service_record::entity);
        s.set(schema::service_record::elder_id, sketch.id);
        if (!m_reference.serviceItems.empty())
            s.set(schema::service_record::item_id,
                  m_reference.serviceItems[static_cast<std::size_t>(
                      m_random.range(0, static_cast<int>(m_reference.serviceItems.size()) - 1))]);
        s.set(schema::service_record::date, formatDate(daysAgo(m_random.range(0, 360))));
        s.set(schema::service_record::provider, m_random.chance(0.5) ? "乡镇卫生院" : m_cadres[0]);
        s.set(schema::service_record::content,
              std::string(m_random.pick(std::span<const std::string_view>(kServices))));
        m_writer.save(s, &DemoSummary::serviceRecords);
    }
}

void VillageGenerator::makeIncidents()
{
    if (m_elders.empty())
        return;
    static constexpr std::string_view kTypes[] = {"wandering", "abuse", "critical_illness", "mental_illness", "hardship", "other"};
    static constexpr std::string_view kWhat[] = {
        "老人走失，家人和村民寻找一夜未果", "老人被邻居发现在家中摔倒，无法起身", "老人突发脑梗，意识不清",
        "老人情绪异常，多次离家，言语混乱", "老人住房受暴雨损毁，无处居住", "老人遭遇电信诈骗，损失积蓄",
    };
    const std::size_t count = std::max<std::size_t>(1, m_elders.size() / 80);
    for (std::size_t i = 0; i < count; ++i) {
        const ElderSketch& elder = m_elders[static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_elders.size()) - 1))];
        const std::size_t type = static_cast<std::size_t>(m_random.weighted(std::array{10, 5, 45, 10, 20, 10}));
        const Date day = daysAgo(m_random.range(0, 300));
        Record r = record(schema::incident::entity);
        r.set(schema::incident::elder_id, elder.id);
        r.set(schema::incident::type, std::string(kTypes[type]));
        const int hour = m_random.range(6, 20);
        r.set(schema::incident::discovered_at, dateTimeAt(day, hour, m_random.range(0, 59)));
        r.set(schema::incident::reporter, m_cadres[static_cast<std::size_t>(m_random.range(0, 2))]);
        r.set(schema::incident::description, elder.name + "：" + std::string(kWhat[type]));
        r.set(schema::incident::emergency_action,
              type == 2 ? "拨打120送往乡镇卫生院，通知子女" : "村干部到场处置，通知子女");
        r.set(schema::incident::escalated_to, m_random.chance(0.85) ? "township" : "civil_affairs");
        r.set(schema::incident::reported_at, dateTimeAt(day, 21, m_random.range(0, 59)));
        // Older reports have moved further along 上报 → 受理 → 救助中 → 办结.
        const int age = static_cast<int>((m_plan.today - day).count());
        int stage = age > 30 ? 3 : std::min(3, m_random.range(0, 1 + age / 10));
        // A report made today waits for the township: accepted tomorrow morning at the
        // earliest would be accepted before it was reported, which the county refuses.
        if (age == 0)
            stage = 0;
        r.set(schema::incident::status,
              std::array{"reported", "accepted", "assisting", "closed"}[static_cast<std::size_t>(stage)]);
        if (stage >= 1) {
            r.set(schema::incident::accepted_at,
                  dateTimeAt(std::min(m_plan.today, day + std::chrono::days(1)), 9, m_random.range(0, 59)));
            r.set(schema::incident::accepted_by, "乡镇民政办");
        }
        if (stage >= 2) {
            r.set(schema::incident::assisting_at,
                  dateTimeAt(std::min(m_plan.today, day + std::chrono::days(2)), 10, 0));
            r.set(schema::incident::assistance,
                  type == 4 ? "发放临时救助金2000元，协调亲属暂住" : "联系子女返乡照顾，落实邻居每日看望");
        }
        if (stage == 3) {
            r.set(schema::incident::closed_at,
                  dateTimeAt(std::min(m_plan.today, day + std::chrono::days(m_random.range(3, 25))), 16, 30));
            r.set(schema::incident::closed_by, "乡镇民政办");
            r.set(schema::incident::outcome, "老人情况稳定，纳入重点探访对象");
        }
        m_writer.save(r, &DemoSummary::incidents);
    }
}

void VillageGenerator::makePairings()
{
    std::vector<const ElderSketch*> targets;
    for (const auto& elder : m_elders) {
        if (elder.keyTarget())
            targets.push_back(&elder);
    }
    if (targets.empty() || m_volunteers.empty())
        return;
    const std::size_t count = std::max<std::size_t>(1, m_elders.size() / 40);
    for (std::size_t i = 0; i < count; ++i) {
        std::string mode = std::array{"one_one", "many_one", "one_many"}[m_random.weighted(std::array{60, 20, 20})];
        const std::size_t helpers = mode == "many_one" ? std::min<std::size_t>(m_volunteers.size(), 2 + static_cast<std::size_t>(m_random.range(0, 1))) : 1;
        const std::size_t helped = mode == "one_many" ? std::min<std::size_t>(targets.size(), 2 + static_cast<std::size_t>(m_random.range(0, 2))) : 1;
        const auto firstHelper = static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_volunteers.size()) - 1));
        const auto firstTarget = static_cast<std::size_t>(m_random.range(0, static_cast<int>(targets.size()) - 1));
        std::string helperIds, helpedIds;
        for (std::size_t k = 0; k < helpers; ++k)
            helperIds += (k ? "," : "") + m_volunteers[(firstHelper + k) % m_volunteers.size()].id;
        for (std::size_t k = 0; k < helped; ++k)
            helpedIds += (k ? "," : "") + targets[(firstTarget + k) % targets.size()]->id;
        if (helpers < 2 && helped < 2)
            mode = "one_one"; // a village with one volunteer or one target: the mode must fit
        Record p = record(schema::pairing::entity);
        p.set(schema::pairing::mode, mode);
        p.set(schema::pairing::helpers, helperIds);
        p.set(schema::pairing::helped, helpedIds);
        const int startDays = m_random.range(120, 700);
        p.set(schema::pairing::start_date, formatDate(daysAgo(startDays)));
        p.set(schema::pairing::content, "定期上门看望，帮助代购、打扫卫生，陪同就医");
        const std::string pairingId = m_writer.save(p, &DemoSummary::pairings);
        for (int a = 0, n = m_random.range(2, 5); a < n; ++a) {
            Record activity = record(schema::pairing_activity::entity);
            activity.set(schema::pairing_activity::pairing_id, pairingId);
            activity.set(schema::pairing_activity::date,
                         formatDate(daysAgo(m_random.range(0, std::min(startDays, 360)))));
            activity.set(schema::pairing_activity::content,
                         std::string(m_random.pick(std::span<const std::string_view>(kServices))));
            m_writer.save(activity, &DemoSummary::pairingActivities);
        }
    }
}

} // namespace shouwang::demo
