// Issue 18 in the demo: elders who use the village's 幸福院 or activity centre, with services
// recorded there, and referrals to departments at every stage of their workflow. A random
// stream of its own (from the village code), so the rest of the demo is unchanged by it.
#include "demo_village.h"

#include "domain/referral_workflow.h"
#include "domain/schema_names.h"

namespace shouwang::demo {
namespace {

std::uint64_t seedOf(std::string_view code)
{
    std::uint64_t hash = 1469598103934665603ull; // FNV-1a: the same on every platform
    for (char c : code) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

struct Reason {
    std::string_view department, reason, outcome;
};

constexpr Reason kReasons[] = {
    {"justice", "子女长期不履行赡养义务，老人要求法律援助", "经司法所调解，子女签订赡养协议，按月给付赡养费"},
    {schema::elder::health, "老人患多种慢性病，需纳入家庭医生签约和65岁以上老年人健康管理",
     "已签约家庭医生，纳入健康管理并建立健康档案"},
    {"hrss", "老人未按时领取城乡居民养老保险待遇", "已核实参保信息，补发养老金"},
    {"rural_revival", "家庭因病返贫风险，申请纳入监测帮扶", "已纳入防返贫监测对象，落实帮扶措施"},
    {"disabled", "老人肢体残疾未办理残疾人证", "已协助评残并办理残疾人证，申领两项补贴"},
    {"medical_insurance", "住院费用报销有困难", "已按大病保险和医疗救助政策报销"},
    {"police", "老人疑似遭受电信诈骗", "已立案调查，追回部分款项"},
    {"fire", "老人住房电线老化，存在火灾隐患", "消防部门上门检查，协助更换电线"},
};

} // namespace

void VillageGenerator::makeDuties()
{
    Random random(seedOf(m_code));
    for (const ElderSketch& sketch : m_elders) {
        if (!m_facilities.empty() && (sketch.living == "alone" || sketch.age >= 75) && random.chance(0.4)) {
            const auto& [facilityId, facilityName] = m_facilities[static_cast<std::size_t>(random.range(0, static_cast<int>(m_facilities.size()) - 1))];
            if (auto elder = m_writer.load("elder", sketch.id)) {
                elder->set(schema::elder::facility_id, facilityId);
                m_writer.save(*elder, nullptr);
            }
            for (int i = 0, n = random.range(1, 3); i < n; ++i) {
                Record s = record(schema::service_record::entity);
                s.set(schema::service_record::elder_id, sketch.id);
                s.set(schema::service_record::date, formatDate(daysAgo(random.range(0, 200))));
                s.set(schema::service_record::provider, facilityName);
                s.set(schema::service_record::content,
                      random.chance(0.5) ? "日间照料：午餐、午休" : "文体活动、健康讲座");
                s.set(schema::service_record::facility_id, facilityId);
                m_writer.save(s, &DemoSummary::serviceRecords);
            }
        }
        if (!(sketch.neglected || sketch.hardship || sketch.disability != "none") || !random.chance(0.25))
            continue;
        const Reason& why = sketch.neglected && random.chance(0.6) ? kReasons[0]
                                                                    : kReasons[static_cast<std::size_t>(random.range(1, 7))];
        Record r = record(schema::referral::entity);
        r.set(schema::referral::elder_id, sketch.id);
        r.set(schema::referral::department, std::string(why.department));
        r.set(schema::referral::reason, std::string(why.reason));
        int day = random.range(5, 200);
        r.set(schema::referral::proposed_on, formatDate(daysAgo(day)));
        r.set(schema::referral::proposed_by, m_cadres[0]);
        r.set(schema::referral::status, std::string(referral_status::kProposed));
        // How far it got: 0 proposed … 4 accepted, 5 ended.
        const int reached = std::min(5, random.range(0, 7));
        auto next = [&] {
            day = std::max(0, day - random.range(0, 6));
            return formatDate(daysAgo(day));
        };
        if (reached >= 1) {
            r.set(schema::referral::reviewed_on, next());
            r.set(schema::referral::reviewed_by, "乡镇民政办");
            r.set(schema::referral::review_note, "情况属实，同意转介");
            r.set(schema::referral::status, std::string(referral_status::kReviewed));
        }
        if (reached >= 2) {
            r.set(schema::referral::referred_on, next());
            r.set(schema::referral::referred_by, "乡镇民政办");
            r.set(schema::referral::status, std::string(referral_status::kReferred));
        }
        if (reached >= 4) {
            r.set(schema::referral::accepted_on, next());
            r.set(schema::referral::accepted_by, std::string(why.department == "justice" ? "司法所" : "部门经办人"));
            r.set(schema::referral::status, std::string(referral_status::kAccepted));
        }
        if (reached >= 5) {
            day = std::max(0, day - random.range(3, 30));
            r.set(schema::referral::closed_on, formatDate(daysAgo(day)));
            const bool solved = random.chance(0.8);
            r.set(schema::referral::status,
                  std::string(solved ? referral_status::kClosed : referral_status::kUnresolved));
            r.set(schema::referral::outcome, solved ? std::string(why.outcome) : "不符合政策条件，已向老人解释");
        }
        m_writer.save(r, &DemoSummary::referrals);
    }
}

} // namespace shouwang::demo
