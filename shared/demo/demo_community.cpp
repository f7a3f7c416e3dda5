// The village's community life in the demo (issue 18 items 1 and 2): 老年协会 activities the
// elders attend, the hours volunteers give there, and the services they later redeem.
#include "demo_village.h"
#include "domain/schema_names.h"

#include <algorithm>
#include <map>

namespace shouwang::demo {
namespace {

struct ActivityIdea {
    std::string_view kind, title, place, organiser;
};
constexpr ActivityIdea kIdeas[] = {
    {"recreation", "老年人坝坝舞", "村委会院坝", "association"},
    {"lecture", "防电信诈骗讲座", "村委会会议室", "department"},
    {"health_education", "高血压防治健康讲座", "卫生室", "department"},
    {"legal", "老年人权益保障法宣传", "村委会会议室", "department"},
    {"fire_safety", "冬季用火用电安全宣传", "村委会院坝", "village"},
    {"festival", "重阳节敬老慰问", "老年活动室", "association"},
    {"training", "智能手机使用培训", "老年活动室", "volunteers"},
};
constexpr std::string_view kRedeemed[] = {"上门理发", "代购生活用品", "打扫卫生", "陪同就医"};

} // namespace

void VillageGenerator::makeCommunityLife()
{
    if (m_elders.empty() || m_volunteers.empty())
        return;
    // A generator of its own, seeded by the village, so this part leaves the rest of the
    // demo exactly as it was.
    Random random(std::stoull(m_code) * 2654435761u + 18);
    std::map<std::string, int> hours; // credited so far, per volunteer
    const std::size_t count = std::max<std::size_t>(2, m_elders.size() / 12);
    for (std::size_t i = 0; i < count; ++i) {
        const ActivityIdea& idea = kIdeas[static_cast<std::size_t>(random.range(0, static_cast<int>(std::size(kIdeas)) - 1))];
        const Date day = daysAgo(random.range(0, 360));
        std::string attendees;
        const auto first = static_cast<std::size_t>(random.range(0, static_cast<int>(m_elders.size()) - 1));
        for (std::size_t k = 0, n = std::min<std::size_t>(m_elders.size(), static_cast<std::size_t>(random.range(3, 12))); k < n; ++k)
            attendees += (k ? "," : "") + m_elders[(first + k * 7) % m_elders.size()].id;
        const Helper& helper = m_volunteers[static_cast<std::size_t>(random.range(0, static_cast<int>(m_volunteers.size()) - 1))];
        Record a = record(schema::association_activity::entity);
        a.set(schema::association_activity::title, std::string(idea.title));
        a.set(schema::association_activity::kind, std::string(idea.kind));
        a.set(schema::association_activity::date, formatDate(day));
        a.set(schema::association_activity::place, m_shortName + std::string(idea.place));
        a.set(schema::association_activity::organiser, std::string(idea.organiser));
        a.set(schema::association_activity::organiser_name,
              idea.organiser == "department" ? "乡镇卫生院、司法所" : m_shortName + "老年协会");
        a.set(schema::association_activity::attendees, attendees);
        a.set(schema::association_activity::others_count, std::to_string(random.range(0, 15)));
        a.set(schema::association_activity::volunteers, helper.id);
        a.set(schema::association_activity::content, std::string(idea.title) + "，志愿者协助组织");
        const std::string activityId = m_writer.save(a, &DemoSummary::associationActivities);

        Record credit = record(schema::volunteer_credit::entity);
        const int given = random.range(2, 4);
        credit.set(schema::volunteer_credit::volunteer_id, helper.id);
        credit.set(schema::volunteer_credit::date, formatDate(day));
        credit.set(schema::volunteer_credit::hours, std::to_string(given));
        credit.set(schema::volunteer_credit::source, "association_activity");
        credit.set(schema::volunteer_credit::activity_id, activityId);
        credit.set(schema::volunteer_credit::content, "协助组织" + std::string(idea.title));
        credit.set(schema::volunteer_credit::confirmed_by, m_cadres[0]);
        m_writer.save(credit, &DemoSummary::volunteerHoursEntries);
        hours[helper.id] += given;
    }
    // Some volunteers spend part of their hours, on themselves or on a parent on the ledger;
    // the first who can always does, so every village's demo shows the whole cycle.
    bool anyRedeemed = false;
    for (const auto& [volunteer, credited] : hours) {
        const bool spends = random.chance(0.5) || !anyRedeemed;
        if (credited < 3 || !spends)
            continue;
        anyRedeemed = true;
        Record r = record(schema::volunteer_redemption::entity);
        r.set(schema::volunteer_redemption::volunteer_id, volunteer);
        r.set(schema::volunteer_redemption::date, formatDate(daysAgo(random.range(0, 20))));
        r.set(schema::volunteer_redemption::hours, std::to_string(random.range(1, credited - 1)));
        const bool forElder = random.chance(0.5);
        r.set(schema::volunteer_redemption::beneficiary, forElder ? "elder" : "self");
        if (forElder)
            r.set(schema::volunteer_redemption::elder_id,
                  m_elders[static_cast<std::size_t>(random.range(0, static_cast<int>(m_elders.size()) - 1))].id);
        r.set(schema::volunteer_redemption::service,
              std::string(kRedeemed[static_cast<std::size_t>(random.range(0, 3))]));
        r.set(schema::volunteer_redemption::confirmed_by, m_cadres[0]);
        m_writer.save(r, &DemoSummary::volunteerHoursEntries);
    }
}

} // namespace shouwang::demo
