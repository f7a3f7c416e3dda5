#include "demo_village.h"

#include "chinese_names.h"
#include "domain/schema_names.h"

#include <algorithm>

namespace shouwang::demo {

DemoWriter::DemoWriter(Ledger& ledger, std::string operatorName, DemoSummary& summary)
    : m_ledger(ledger)
    , m_operator(std::move(operatorName))
    , m_summary(summary)
{
    m_batch.emplace(m_ledger);
}

std::string DemoWriter::save(Record& record, std::size_t DemoSummary::*counter)
{
    const SaveResult result = m_ledger.save(record, m_operator);
    if (!result.ok()) {
        std::string why = result.message;
        for (const auto& error : result.errors)
            why += (why.empty() ? "" : "；") + error.field + ": " + error.message;
        throw std::runtime_error("演示数据未能保存（" + record.entity + "）：" + why);
    }
    if (counter)
        ++(m_summary.*counter);
    ++m_summary.records;
    ++m_sinceCommit;
    return record.id;
}

std::optional<Record> DemoWriter::load(std::string_view entity, std::string_view id)
{
    return m_ledger.get(entity, id);
}

void DemoWriter::checkpoint()
{
    // Each commit writes every page the batch dirtied to the WAL, and with random-UUID
    // index keys nearly every record dirties pages of its own: 25,000 records per commit
    // cost a third less time than 5,000, while the dirty pages still fit the run's page
    // cache (demo_generator.cpp) and the deferred elder list stays small.
    constexpr std::size_t kRecordsPerCommit = 25000;
    if (m_sinceCommit < kRecordsPerCommit)
        return;
    m_batch->commit();
    m_batch.reset();
    m_batch.emplace(m_ledger);
    m_sinceCommit = 0;
}

void DemoWriter::finish()
{
    if (m_batch) {
        m_batch->commit();
        m_batch.reset();
    }
}

VillageGenerator::VillageGenerator(DemoWriter& writer, Random& random, IdNumberMaker& ids,
                                   const CountyReference& reference, const VillagePlan& plan)
    : m_writer(writer)
    , m_random(random)
    , m_ids(ids)
    , m_reference(reference)
    , m_plan(plan)
    , m_code(plan.village->code)
    , m_countyCode(enclosingCode(plan.village->code, DivisionLevel::County))
    , m_shortName(shortVillageName(plan.village->name))
    , m_standard(defaultRiskStandard())
{
}

Record VillageGenerator::record(std::string_view entity) const
{
    Record r;
    r.entity = entity;
    r.villageCode = m_code;
    return r;
}

void VillageGenerator::run(const std::function<void()>& elderDone)
{
    m_nextHouseNumber.assign(static_cast<std::size_t>(m_random.range(4, 12)), 1);
    makeStaff();
    makeFacilities();
    std::size_t remaining = m_plan.elders;
    while (remaining > 0)
        remaining -= makeHousehold(remaining, elderDone);
    makeIncidents();
    makePairings();
    makeCommunityLife();
    makeDuties();
    m_writer.checkpoint();
}

void VillageGenerator::makeStaff()
{
    // Village cadres and grid workers are of the children's generation.
    for (int i = 0; i < 3; ++i)
        m_cadres.push_back(youngStranger(m_random, 0.6));
    for (int i = 0, n = m_random.range(1, 2); i < n; ++i)
        m_gridWorkers.push_back(youngStranger(m_random, 0.4));

    static constexpr std::string_view kKinds[] = {"volunteer", "young_old", "neighbour", "social_worker", "association"};
    static constexpr int kKindWeights[] = {30, 30, 25, 5, 10};
    const std::size_t count = std::max<std::size_t>(2, m_plan.elders / 15);
    for (std::size_t i = 0; i < count; ++i) {
        Record v = record(schema::volunteer::entity);
        const std::string kind(kKinds[m_random.weighted(kKindWeights)]);
        const bool male = m_random.chance(0.45);
        const std::string name = kind == "young_old" || kind == "association"
            ? elderName(m_random, male, pickSurname(m_random))
            : youngName(m_random, male, pickSurname(m_random));
        v.set(schema::volunteer::name, name);
        v.set(schema::volunteer::phone, mobilePhone(m_random));
        v.set(schema::volunteer::kind, kind);
        if (auto skill = m_random.pick(volunteerSkills()); !skill.empty())
            v.set(schema::volunteer::skills, std::string(skill));
        v.set(schema::volunteer::active, m_random.chance(0.92) ? "1" : "0");
        m_volunteers.push_back({m_writer.save(v, &DemoSummary::volunteers), name, kind});
    }
}

void VillageGenerator::makeFacilities()
{
    struct Kind {
        std::string_view type, suffix;
        double chance;
        int capacityLo, capacityHi;
    };
    static constexpr Kind kKinds[] = {
        {"clinic", "卫生室", 1.0, 0, 0},
        {"happiness_home", "农村幸福院", 0.4, 10, 40},
        {"activity_centre", "老年活动中心", 0.2, 20, 80},
        {"culture_centre", "综合文化服务中心", 0.3, 30, 100},
    };
    for (const Kind& kind : kKinds) {
        if (!m_random.chance(kind.chance))
            continue;
        Record f = record(schema::facility::entity);
        f.set(schema::facility::name, m_shortName + std::string(kind.suffix));
        f.set(schema::facility::type, std::string(kind.type));
        f.set(schema::facility::operator_name, kind.type == "clinic" ? "乡镇卫生院" : m_shortName + "村民委员会");
        if (kind.capacityHi > 0)
            f.set(schema::facility::capacity, std::to_string(m_random.range(kind.capacityLo, kind.capacityHi)));
        f.set(schema::facility::contact, m_cadres[static_cast<std::size_t>(m_random.range(0, 2))]);
        f.set(schema::facility::phone, mobilePhone(m_random));
        f.set(schema::facility::address,
              m_shortName + std::to_string(m_random.range(1, static_cast<int>(m_nextHouseNumber.size()))) + "组");
        const std::string id = m_writer.save(f, &DemoSummary::facilities);
        if (kind.type == "happiness_home" || kind.type == "activity_centre")
            m_facilities.push_back({id, f.value(schema::facility::name)});
    }
}

std::size_t VillageGenerator::makeHousehold(std::size_t remaining, const std::function<void()>& elderDone)
{
    const bool couple = remaining >= 2 && m_random.chance(0.4);
    const std::string surname = pickSurname(m_random);
    const bool firstMale = couple || m_random.chance(0.45);
    const int firstAge = elderAge(m_random);
    const int secondAge = std::clamp(firstAge - m_random.range(-2, 5), 60, 100);

    Record household = record(schema::household::entity);
    const bool headIsElder = couple || m_random.chance(0.75);
    const std::string firstName = elderName(m_random, firstMale, surname);
    household.set(schema::household::head_name, headIsElder ? firstName : youngName(m_random, true, surname));
    const auto group = static_cast<std::size_t>(m_random.range(0, static_cast<int>(m_nextHouseNumber.size()) - 1));
    household.set(schema::household::address,
                  m_shortName + std::to_string(group + 1) + "组" + std::to_string(m_nextHouseNumber[group]) + "号");
    m_nextHouseNumber[group] += m_random.range(1, 3);
    const bool dibao = m_random.chance(0.1);
    const bool tekun = !couple && m_random.chance(0.02);
    household.set(schema::household::registered_poor, m_random.chance(0.08) ? "1" : "0");
    household.set(schema::household::dibao, dibao ? "1" : "0");
    household.set(schema::household::tekun, tekun ? "1" : "0");
    household.set(schema::household::registered_poor, dibao || tekun ? "1" : "0"); // 建档立卡 covers them here
    if (m_random.chance(0.1)) {
        const std::string structure = m_random.chance(0.5) ? "砖混结构" : "土木结构";
        household.set(schema::household::notes,
                      "房屋为" + structure + "，" + (m_random.chance(0.5) ? "已完成危房改造" : "位置偏远"));
    }
    const std::string householdId = m_writer.save(household, &DemoSummary::households);

    const std::vector<Child> children = makeChildren(surname, firstAge);
    for (int i = 0; i < (couple ? 2 : 1); ++i) {
        const bool male = i == 0 ? firstMale : false;
        Record elder = record(schema::elder::entity);
        elder.set(schema::elder::household_id, householdId);
        elder.set(schema::elder::name, i == 0 ? firstName : elderName(m_random, false, pickSurname(m_random)));
        ElderSketch sketch = makeElder(elder, male, i == 0 ? firstAge : secondAge, couple || m_random.chance(0.25),
                                       couple, dibao, tekun, children);
        sketch.id = m_writer.save(elder, &DemoSummary::elders);
        makeSupporters(sketch, children);
        makeVisits(sketch);
        makeAssessment(sketch);
        makeCareAndServices(sketch);
        m_elders.push_back(std::move(sketch));
        if (elderDone)
            elderDone();
        m_writer.checkpoint();
    }
    return couple ? 2 : 1;
}

std::vector<VillageGenerator::Child> VillageGenerator::makeChildren(std::string_view surname, int parentAge)
{
    static constexpr std::string_view kFrequencies[] = {"daily", "weekly", "monthly", "quarterly", "rarely", "never"};
    static constexpr int kFrequencyWeights[] = {5, 35, 35, 12, 10, 3};
    static constexpr std::string_view kSupport[] = {"0", "200", "300", "500", "800", "1000", "1500"};
    std::vector<Child> children(static_cast<std::size_t>(m_random.weighted(std::array{35, 45, 20})) + 1);
    for (Child& child : children) {
        const bool son = m_random.chance(0.55);
        child.relation = son ? "son" : (m_random.chance(0.85) ? "daughter" : "daughter_in_law");
        child.name = child.relation == "daughter_in_law" ? youngName(m_random, false, pickSurname(m_random))
                                                         : youngName(m_random, son, son || m_random.chance(0.8) ? surname : pickSurname(m_random));
        if (m_random.chance(0.95))
            child.phone = mobilePhone(m_random);
        if (m_random.chance(0.92)) {
            child.place = m_random.pick(workPlaces());
            // Children leave at 18 or later; the parents were 20–35 at their birth.
            const int maxYears = std::clamp(parentAge - 45, 1, 25);
            child.awaySince = daysAgo(m_random.range(200, maxYears * 365));
        }
        child.frequency = kFrequencies[m_random.weighted(kFrequencyWeights)];
        child.support = kSupport[static_cast<std::size_t>(m_random.range(0, 6))];
        const bool distant = child.frequency == "rarely" || child.frequency == "never";
        child.duty = distant ? (m_random.chance(0.6) ? "none" : "fair") : (m_random.chance(0.75) ? "good" : "fair");
    }
    return children;
}

ElderSketch VillageGenerator::makeElder(Record& elder, bool male, int age, bool married,
                                        bool couple, bool dibao, bool tekun, const std::vector<Child>& children)
{
    ElderSketch s;
    s.name = elder.value(schema::elder::name);
    s.age = age;
    elder.set(schema::elder::id_number,
              m_ids.make(m_random, m_countyCode, birthDateForAge(m_random, m_plan.today, age), male));
    if (m_random.chance(0.75))
        elder.set(schema::elder::phone, mobilePhone(m_random));
    const int ethnic = m_random.range(0, 99);
    elder.set(schema::elder::ethnicity, ethnic < 93 ? "汉族" : ethnic < 98 ? "土家族" : "苗族");
    elder.set(schema::elder::marital,
              married ? "married" : m_random.pick(std::array{"widowed", "widowed", "widowed", "divorced", "single"}));

    if (couple)
        s.living = m_random.chance(0.9) ? "spouse" : "grandchildren";
    else
        s.living = std::array{"alone", "grandchildren", "relatives", "institution"}[m_random.weighted(std::array{58, 25, 12, 5})];
    elder.set(schema::elder::living, s.living);

    std::optional<Date> leftBehind;
    for (const Child& child : children) {
        if (child.awaySince && (!leftBehind || *child.awaySince > *leftBehind))
            leftBehind = child.awaySince;
    }
    if (leftBehind)
        elder.set(schema::elder::left_behind_since, formatDate(*leftBehind));

    const int frail = age >= 85 ? 2 : age >= 75 ? 1 : 0;
    const std::string health = std::array{"healthy", "fair", "unhealthy_selfcare", "unhealthy_dependent"}[m_random.weighted(
        std::array{25 - 8 * frail, 40, 27 + 5 * frail, 8 + 5 * frail})];
    elder.set(schema::elder::health, health);
    s.ability = health == "unhealthy_dependent" ? (m_random.chance(0.6) ? "moderate" : "severe")
                                                : std::array{"intact", "mild", "moderate"}[m_random.weighted(std::array{78, 16, 6})];
    elder.set(schema::elder::ability, s.ability);
    s.dementia = m_random.chance(age >= 80 ? 0.10 : 0.03);
    elder.set(schema::elder::dementia, s.dementia ? "1" : "0");
    if (m_random.chance(0.65)) {
        std::string diseases(m_random.pick(chronicDiseases()));
        if (m_random.chance(0.35)) {
            const std::string second(m_random.pick(chronicDiseases()));
            if (second != diseases)
                diseases += "、" + second;
        }
        elder.set(schema::elder::chronic_diseases, diseases);
        s.chronic = true;
    }
    s.severeMental = m_random.chance(0.01);
    elder.set(schema::elder::severe_mental, s.severeMental ? "1" : "0");
    s.disability = m_random.chance(0.9) ? "none" : m_random.pick(std::array{"grade1", "grade2", "grade3", "grade4"});
    elder.set(schema::elder::disability_grade, s.disability);

    std::vector<std::string_view> income;
    if (m_random.chance(0.9))
        income.push_back("pension");
    if (m_random.chance(0.7))
        income.push_back("children");
    if (age < 75 && s.ability == "intact" && m_random.chance(0.6))
        income.push_back("farming");
    if (dibao)
        income.push_back("dibao");
    if (tekun)
        income.push_back("tekun");
    if (income.empty())
        income.push_back("other");
    std::string incomeCsv;
    for (auto code : income)
        incomeCsv += (incomeCsv.empty() ? "" : ",") + std::string(code);
    elder.set(schema::elder::income_sources, incomeCsv);

    std::string insurance = "resident_medical";
    if (m_random.chance(0.85))
        insurance += ",resident_pension";
    if (m_random.chance(0.2))
        insurance += ",accident";
    if (m_random.chance(0.03))
        insurance += ",commercial";
    elder.set(schema::elder::insurance, insurance);
    elder.set(schema::elder::health_mgmt_65, age >= 65 && m_random.chance(0.8) ? "1" : "0");

    static constexpr std::string_view kCarer[] = {"本人", "配偶", "孙辈", "侄子", "邻居", "养老机构护理员"};
    const std::size_t carer = s.living == "spouse" ? 1 : s.living == "grandchildren" ? 2 : s.living == "relatives" ? 3
                            : s.living == "institution" ? 5 : (s.ability == "intact" ? 0 : 4);
    elder.set(schema::elder::daily_carer, std::string(kCarer[carer]));

    std::string difficulties;
    auto addDifficulty = [&](std::string_view code) { difficulties += (difficulties.empty() ? "" : ",") + std::string(code); };
    if (s.ability != "intact")
        addDifficulty("daily_care");
    const bool economic = dibao || tekun || m_random.chance(0.1);
    if (economic)
        addDifficulty("economic");
    if (s.chronic && m_random.chance(0.3))
        addDifficulty("medical");
    if (s.living == "alone" && m_random.chance(0.3))
        addDifficulty("emotional");
    if (m_random.chance(0.05))
        addDifficulty("housing");
    if (!difficulties.empty()) {
        elder.set(schema::elder::difficulties, difficulties);
        if (m_random.chance(0.5))
            elder.set(schema::elder::difficulties_note,
                      m_random.pick(std::array{"行动不便，赶场买药困难", "子女常年在外，缺人说话",
                                               "家中收入主要靠种地和养老金", "住房年久失修，雨天漏水"}));
    }
    s.hardship = economic;

    const std::size_t status = m_random.weighted(std::array{94, 2, 1, 1, 2});
    elder.set(schema::elder::status,
              std::array{"active", "children_returned", "moved_out", "institution", "deceased"}[status]);
    if (status != 0) {
        elder.set(schema::elder::status_date, formatDate(daysAgo(m_random.range(5, 300))));
        elder.set(schema::elder::status_reason,
                  std::array{"", "子女返乡务工，不再留守", "随子女迁往城区居住", "入住乡镇敬老院", "病故"}[status]);
    }
    return s;
}

void VillageGenerator::makeSupporters(ElderSketch& sketch, const std::vector<Child>& children)
{
    for (const Child& child : children) {
        Record s = record(schema::supporter::entity);
        s.set(schema::supporter::elder_id, sketch.id);
        s.set(schema::supporter::name, child.name);
        s.set(schema::supporter::relation, child.relation);
        if (!child.phone.empty())
            s.set(schema::supporter::phone, child.phone);
        if (child.awaySince) {
            s.set(schema::supporter::away_location, child.place);
            s.set(schema::supporter::away_since, formatDate(*child.awaySince));
        } else {
            s.set(schema::supporter::away_location, "本村");
        }
        s.set(schema::supporter::contact_frequency, child.frequency);
        s.set(schema::supporter::monthly_support, child.support);
        const int lastContact = child.frequency == "daily" ? 1 : child.frequency == "weekly" ? 7
                              : child.frequency == "monthly" ? 30 : child.frequency == "quarterly" ? 90 : 300;
        if (child.frequency != "never")
            s.set(schema::supporter::last_contact, formatDate(daysAgo(m_random.range(0, lastContact))));
        s.set(schema::supporter::duty_fulfilment, child.duty);
        const std::string supporterId = m_writer.save(s, &DemoSummary::supporters);
        if (child.duty == "none" || child.frequency == "rarely" || child.frequency == "never")
            sketch.neglected = true;
        if (child.duty == "none" && m_random.chance(0.5)) {
            Record notice = record(schema::duty_notice::entity);
            notice.set(schema::duty_notice::supporter_id, supporterId);
            notice.set(schema::duty_notice::elder_id, sketch.id);
            const Date date = daysAgo(m_random.range(10, 300));
            notice.set(schema::duty_notice::date, formatDate(date));
            notice.set(schema::duty_notice::method, m_random.chance(0.7) ? "phone" : "letter");
            notice.set(schema::duty_notice::content, "告知其依法履行赡养义务，定期与老人联系，按时给付赡养费。");
            notice.set(schema::duty_notice::answer, "none");
            if (m_random.chance(0.7)) {
                const bool agreed = m_random.chance(0.6);
                notice.set(schema::duty_notice::response,
                           agreed ? "表示今后每周打电话，每月寄生活费。" : "表示工作忙，春节回家看望。");
                notice.set(schema::duty_notice::answer, agreed ? "agreed" : "partly");
            }
            notice.set(schema::duty_notice::follow_up_date, formatDate(date + std::chrono::days(30)));
            m_writer.save(notice, &DemoSummary::dutyNotices);
        }
    }
}

} // namespace shouwang::demo
