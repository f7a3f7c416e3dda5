// 督促赡养: the share of key targets whose supporters were urged in the period, the
// supporters who did not answer, and the list of those due to be urged (family_duty.h).
#include "family_duty.h"
#include "report_context.h"

#include "domain/enums.h"
#include "domain/schema_names.h"
#include "store/derived_columns.h"
#include "store/elder_query.h"
#include "store/report_queries.h"

#include <map>
#include <set>

namespace shouwang {
namespace {

bool isAnswered(const std::string& answer)
{
    return !answer.empty() && answer != "none";
}

} // namespace

std::vector<UrgingDue> urgingDue(Database& db, const std::string& areaPrefix, Date day)
{
    // Each elder's county's interval: on the city's database the counties' standards differ.
    StandardsOn published(db, day);
    const std::string today = formatDate(day);
    ReportQueries stored(db, areaPrefix);
    const auto latest = stored.latestNoticesUpTo(today);
    ElderFilter filter;
    filter.villagePrefix = areaPrefix;
    filter.status = "active";
    filter.flags = ElderFilter::KeyTarget;
    const std::set<std::string> withSupporters = stored.eldersWithSupporters();

    std::vector<UrgingDue> due;
    for (const ElderName& elder : findElderNames(db, filter, day)) {
        if (!withSupporters.contains(elder.id))
            continue;
        UrgingDue item{elder.id, elder.name, elder.villageCode, {}, {}, {}};
        if (const auto it = latest.find(elder.id); it != latest.end())
            std::tie(item.lastNotice, item.followUp) = it->second;
        const int interval = published.of(elder.villageCode).limits.noticeDays;
        if (item.lastNotice.empty())
            item.reason = "从未督促";
        else if (item.lastNotice < formatDate(day - std::chrono::days(interval)))
            item.reason = "超过" + std::to_string(interval) + "天未督促";
        else if (!item.followUp.empty() && item.followUp < today)
            item.reason = "跟进日期（" + item.followUp + "）已过";
        else
            continue;
        due.push_back(std::move(item));
    }
    return due;
}

namespace report {

void computeFamilyDuty(Context& ctx, FamilyDutyFigures& out)
{
    const std::string from = ctx.periodFrom(), to = ctx.periodTo(), day = formatDate(ctx.asOfDay);
    const EnumDef* methods = findEnum("notice_method");
    std::set<std::string> urged;
    // The latest notice of the period per supporter decides whether they answered.
    std::map<std::string, Record> latestBySupporter;
    for (Record& notice : loadAreaRecords(ctx, "duty_notice")) {
        const std::string& date = notice.value(schema::duty_notice::date);
        if (date < from || date > to || date > day)
            continue;
        ++out.noticesInPeriod;
        urged.insert(notice.value(schema::duty_notice::elder_id));
        Record& latest = latestBySupporter[notice.value(schema::duty_notice::supporter_id)];
        if (latest.value(schema::duty_notice::date) <= date)
            latest = std::move(notice);
    }
    for (const ElderSnapshot& e : ctx.elders) {
        if (!e.active() || !e.flags.keyTarget || e.supporters == 0)
            continue;
        ++out.keyTargetsWithSupporters;
        out.keyTargetsUrged += urged.contains(e.id);
    }
    const auto names = elderNames(ctx);
    const std::map<std::string, std::string> supporterNames
        = ctx.stored.fieldById(schema::supporter::entity, schema::supporter::name);
    for (const auto& [supporterId, notice] : latestBySupporter) {
        if (isAnswered(notice.value(schema::duty_notice::answer)))
            continue;
        const auto elder = names.find(notice.value(schema::duty_notice::elder_id));
        const auto supporter = supporterNames.find(supporterId);
        out.notResponding.push_back({elder == names.end() ? std::string{} : elder->second, notice.villageCode,
                                     supporter == supporterNames.end() ? std::string{} : supporter->second,
                                     notice.value(schema::duty_notice::date),
                                     std::string(methods->label(notice.value(schema::duty_notice::method))),
                                     notice.value(schema::duty_notice::follow_up_date)});
    }
}

} // namespace report
} // namespace shouwang
