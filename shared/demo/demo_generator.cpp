#include "demo_generator.h"

#include "demo_village.h"

#include "domain/divisions.h"
#include "domain/risk_rule.h"
#include "domain/schema_names.h"
#include "store/ledger.h"

#include <chrono>
#include <set>

namespace shouwang {
namespace {

using demo::CountyReference;
using demo::DemoWriter;

// The village committees the demo fills, in code order.
std::vector<const Division*> villagesOf(const DemoOptions& options)
{
    const Division* scope = findDivision(options.scopeCode);
    if (!scope)
        throw DemoScopeError("未知的行政区划代码：" + options.scopeCode);
    std::vector<const Division*> villages;
    if (scope->level() == DivisionLevel::Village) {
        villages.push_back(scope);
    } else {
        std::vector<const Division*> townships;
        if (scope->level() == DivisionLevel::Township)
            townships.push_back(scope);
        else
            townships = childDivisions(scope->code);
        for (const Division* township : townships) {
            for (const Division* village : childDivisions(township->code)) {
                if (village->isVillageCommittee())
                    villages.push_back(village);
            }
        }
    }
    if (villages.empty())
        throw DemoScopeError(divisionPath(options.scopeCode) + "下没有村民委员会");
    if (options.villages > 0 && options.villages < villages.size())
        villages.resize(options.villages);
    return villages;
}

// What a county publishes (DESIGN §3): the service catalogue, this year's 重阳节 and 春节
// campaigns, its risk standard and the emergency phone of each township of `villages`, all
// kept under the county code.
CountyReference publishCountyData(DemoWriter& writer, std::string_view county, Date today,
                                  const std::vector<const Division*>& villages)
{
    CountyReference reference;
    auto make = [&](std::string_view entity) {
        Record r;
        r.entity = entity;
        r.villageCode = county;
        return r;
    };
    struct Item {
        std::string_view name, category, provider, how, who, period;
    };
    static constexpr Item kItems[] = {
        {"上门探访", "emotional", "村民委员会", "无需申请，村委会定期安排", "全部留守老年人", "常年"},
        {"健康体检", "medical", "乡镇卫生院", "持身份证到乡镇卫生院登记", "65岁以上老年人", "每年一次"},
        {"家庭医生签约服务", "medical", "乡镇卫生院", "向村卫生室申请", "留守老年人", "常年"},
        {"居家上门照料", "care", "农村幸福院", "向村委会提出申请", "失能、半失能留守老年人", "常年"},
        {"助餐服务", "care", "农村幸福院", "向村委会登记", "高龄、独居留守老年人", "每日中午"},
        {"用电安全检查", "safety", "供电所", "村委会统一安排", "独居、高龄留守老年人", "每年两次"},
        {"临时救助", "assistance", "乡镇民政办", "本人或村委会代为申请", "遭遇突发困难的留守老年人", "随时"},
        {"赡养纠纷法律援助", "legal", "县法律援助中心", "拨打12348或到司法所申请", "子女不履行赡养义务的老年人", "工作日"},
    };
    for (const Item& item : kItems) {
        Record r = make(schema::service_item::entity);
        r.set(schema::service_item::name, std::string(item.name));
        r.set(schema::service_item::category, std::string(item.category));
        r.set(schema::service_item::provider, std::string(item.provider));
        r.set(schema::service_item::how_to_obtain, std::string(item.how));
        r.set(schema::service_item::eligibility, std::string(item.who));
        r.set(schema::service_item::period, std::string(item.period));
        reference.serviceItems.push_back(writer.save(r, &DemoSummary::referenceRecords));
    }

    // The most recent Double Ninth (around October) and Spring Festival (around February)
    // before today, so campaign visits fall within the demo's year.
    using namespace std::chrono;
    const year y = year_month_day{today}.year();
    auto latestBefore = [&](month m, day d) {
        Date start = sys_days{y / m / d};
        return start > today ? Date{sys_days{(y - years(1)) / m / d}} : start;
    };
    struct Campaign {
        std::string_view name, kind, target, notes;
        Date from;
        int days;
    };
    const Campaign campaigns[] = {
        {"重阳节关爱探访", "double_ninth", "all", "重阳节前后走访每一位留守老年人，送上慰问品，检查居家安全。",
         latestBefore(October, 10d), 14},
        {"春节走访慰问", "spring_festival", "key", "春节前走访重点帮扶对象，了解子女返乡情况，落实节日期间照料。",
         latestBefore(January, 20d), 21},
    };
    for (const Campaign& c : campaigns) {
        Record r = make(schema::campaign::entity);
        r.set(schema::campaign::name, std::string(c.name));
        r.set(schema::campaign::kind, std::string(c.kind));
        r.set(schema::campaign::start_date, formatDate(c.from));
        r.set(schema::campaign::end_date, formatDate(c.from + days(c.days)));
        r.set(schema::campaign::target, std::string(c.target));
        r.set(schema::campaign::notes, std::string(c.notes));
        reference.campaigns.push_back({writer.save(r, &DemoSummary::referenceRecords), c.from, c.from + days(c.days)});
    }

    Record rule = riskRuleRecord(defaultRiskStandard());
    rule.villageCode = county;
    rule.set(schema::risk_rule::effective_from, formatDate(today - days(365)));
    reference.riskRuleId = writer.save(rule, &DemoSummary::referenceRecords);

    // Made-up numbers of the county's area code, one per township.
    std::set<std::string> townships;
    for (const Division* village : villages)
        townships.insert(std::string(enclosingCode(village->code, DivisionLevel::Township)));
    for (const std::string& township : townships) {
        Record r = make(schema::township_contact::entity);
        r.set(schema::township_contact::township_code, township);
        r.set(schema::township_contact::phone, "023-5223" + township.substr(5, 4));
        r.set(schema::township_contact::notes, "乡镇值班室（24小时）");
        writer.save(r, &DemoSummary::referenceRecords);
    }
    return reference;
}

constexpr int kDemoCacheKib = 512 * 1024;

// Bulk-writing settings of the connection for the run, put back afterwards.
// - Every Ledger::save inside the batch is a SAVEPOINT, and SQLite journals each page it
//   touches for the first time in a savepoint to a statement journal; as a temporary file
//   that cost ~28 pwrite calls per record, half of the demo's time. temp_store=MEMORY
//   keeps statement journals in memory.
// - The default page cache (2 MB) overflows within one batch, since every record touches
//   pages all over the random-UUID id indexes; spilled pages go to the WAL repeatedly.
class BulkWriteSettings {
public:
    BulkWriteSettings(Database& db, int cacheKib)
        : m_db(db)
        , m_cacheSize(pragma("cache_size"))
        , m_tempStore(pragma("temp_store"))
    {
        m_db.exec("PRAGMA cache_size = -" + std::to_string(cacheKib));
        m_db.exec("PRAGMA temp_store = MEMORY");
    }
    ~BulkWriteSettings()
    {
        try {
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_cacheSize));
            m_db.exec("PRAGMA temp_store = " + std::to_string(m_tempStore));
        } catch (const StoreError&) {
            // Only speed depends on these; a failure here must not hide the run's result.
        }
    }
    BulkWriteSettings(const BulkWriteSettings&) = delete;
    BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

private:
    std::int64_t pragma(std::string_view name)
    {
        auto st = m_db.prepare("PRAGMA " + std::string(name));
        return st.step() ? st.integer(0) : 0;
    }

    Database& m_db;
    std::int64_t m_cacheSize;
    std::int64_t m_tempStore;
};

} // namespace

DemoSummary generateDemo(Ledger& ledger, const DemoOptions& options,
                         std::function<void(std::size_t done, std::size_t total)> progress)
{
    const auto started = std::chrono::steady_clock::now();
    const std::vector<const Division*> villages = villagesOf(options);
    const Date today = options.today == Date{} ? shouwang::today() : options.today;

    BulkWriteSettings bulk(ledger.database(), kDemoCacheKib);

    DemoSummary summary;
    demo::Random random(options.seed);
    demo::IdNumberMaker ids;
    DemoWriter writer(ledger, options.operatorName, summary);

    CountyReference reference;
    if (levelOfCode(options.scopeCode) == DivisionLevel::County)
        reference = publishCountyData(writer, options.scopeCode, today, villages);

    std::size_t done = 0;
    const auto elderDone = [&] {
        ++done;
        if (progress)
            progress(done, options.elders);
    };
    for (std::size_t i = 0; i < villages.size(); ++i) {
        // An even spread; the first villages take the remainder.
        demo::VillagePlan plan;
        plan.village = villages[i];
        plan.elders = options.elders / villages.size() + (i < options.elders % villages.size() ? 1 : 0);
        plan.visitsPerElder = options.visitsPerElder;
        plan.today = today;
        if (plan.elders == 0)
            continue;
        demo::VillageGenerator(writer, random, ids, reference, plan).run(elderDone);
        ++summary.villages;
    }
    writer.finish();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace shouwang
