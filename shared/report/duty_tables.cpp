#include "duty_tables.h"

#include "report_context.h"

#include "domain/enums.h"

#include <cstdio>

namespace shouwang::report {
namespace {

std::string num(std::size_t n)
{
    return std::to_string(n);
}

std::string days(int n)
{
    return n < 0 ? std::string{} : std::to_string(n);
}

bool wants(ReportSection asked, ReportSection section)
{
    return asked == ReportSection::All || asked == section;
}

Table referralTable(const SupervisionReport& r)
{
    Table t{"部门转介", {"村代码", "村", "老年人", "转介部门", "状态", "提出日期", "结案日期", "已开放天数", "办结用时（天）", "超期"}, {}};
    for (const auto& row : r.referrals.referrals)
        t.rows.push_back({row.villageCode, unitName(row.villageCode), row.elderName, row.department,
                          enumLabel("referral_status", row.status), row.proposedOn, row.closedOn, days(row.daysOpen),
                          days(row.daysToClose), row.pastLimit ? "是" : "否"});
    return t;
}

Table departmentTable(const SupervisionReport& r)
{
    Table t{"转介分部门", {"转介部门", "本期提出", "期末未结", "已办结", "未解决"}, {}};
    for (const auto& d : r.referrals.byDepartment)
        t.rows.push_back({d.name, num(d.proposedInPeriod), num(d.open), num(d.closed), num(d.unresolved)});
    return t;
}

Table referralTimelineTable(const SupervisionReport& r)
{
    Table t{"部门转介时间线", {"村", "老年人", "转介部门", "环节", "日期", "办理人", "说明"}, {}};
    for (const auto& row : r.referrals.referrals) {
        for (const auto& e : row.timeline)
            t.rows.push_back({unitName(row.villageCode), row.elderName, row.department, enumLabel("referral_status", e.status),
                              e.at, e.who, e.note});
    }
    return t;
}

Table notRespondingTable(const SupervisionReport& r)
{
    Table t{"赡养人未答复", {"村代码", "村", "老年人", "赡养人", "督促日期", "督促方式", "跟进日期"}, {}};
    for (const auto& n : r.familyDuty.notResponding)
        t.rows.push_back({n.villageCode, unitName(n.villageCode), n.elderName, n.supporter, n.date, n.method, n.followUp});
    return t;
}

Table healthSuggestionTable(const SupervisionReport& r)
{
    Table t{"建议转介健康管理", {"村代码", "村", "姓名", "年龄", "建议"}, {}};
    for (const auto& s : r.health.suggestHealthReferral)
        t.rows.push_back({s.villageCode, unitName(s.villageCode), s.elderName, std::to_string(s.age),
                          "转介卫生健康部门，纳入65岁以上老年人健康管理"});
    return t;
}

Table facilityTable(const SupervisionReport& r)
{
    Table t{"服务设施使用", {"村代码", "村", "设施名称", "类型", "使用老人", "本期服务次数", "本期服务人数"}, {}};
    for (const auto& f : r.facilities.facilities)
        t.rows.push_back({f.villageCode, unitName(f.villageCode), f.name, f.type, num(f.elders), num(f.services),
                          num(f.eldersServed)});
    return t;
}

} // namespace

void addDutySummary(const SupervisionReport& r, ReportSection s, std::vector<std::vector<std::string>>& rows)
{
    auto row = [&rows](const char* part, const std::string& name, const std::string& value) {
        rows.push_back({part, name, value});
    };
    if (wants(s, ReportSection::Referrals)) {
        const auto& f = r.referrals;
        row("部门转介", "本期提出", num(f.proposedInPeriod));
        row("部门转介", "本期办结", num(f.closedInPeriod));
        row("部门转介", "本期未解决结案", num(f.unresolvedInPeriod));
        row("部门转介", "期末未结", num(f.openAtEnd));
        row("部门转介", "平均办结用时（天）", oneDecimal(f.averageDaysToClose));
        row("部门转介", "超期未结（" + limitLabel(r, r.limits.referralDays, false, "天") + "）", num(f.openPastLimit));
    }
    if (wants(s, ReportSection::Family)) {
        const auto& f = r.familyDuty;
        row("督促赡养", "有赡养人的重点帮扶对象", num(f.keyTargetsWithSupporters));
        row("督促赡养", "本期已督促赡养人的比例", Ratio{f.keyTargetsUrged, f.keyTargetsWithSupporters}.percent());
        row("督促赡养", "本期督促次数", num(f.noticesInPeriod));
        row("督促赡养", "未答复的赡养人", num(f.notResponding.size()));
    }
    if (wants(s, ReportSection::Health)) {
        const auto& f = r.health;
        row("健康与困难", "65岁以上在册老年人", num(f.aged65));
        row("健康与困难", "65岁以上纳入健康管理比例", Ratio{f.healthManaged, f.aged65}.percent());
        row("健康与困难", "建议转介健康管理", num(f.suggestHealthReferral.size()));
        row("健康与困难", "建档立卡户老年人", num(f.registeredPoor));
        row("健康与困难", "低保户老年人", num(f.dibao));
        row("健康与困难", "特困供养老年人", num(f.tekun));
        row("健康与困难", "生活困难（含低保、特困）", num(f.hardship));
    }
    if (wants(s, ReportSection::Facilities)) {
        for (const auto& f : r.facilities.facilities)
            row("服务设施", f.name + "：使用老人", num(f.elders));
    }
}

void addDutyTables(const SupervisionReport& r, ReportSection s, std::vector<Table>& tables)
{
    if (wants(s, ReportSection::Referrals)) {
        tables.push_back(departmentTable(r));
        tables.push_back(referralTable(r));
        tables.push_back(referralTimelineTable(r));
    }
    if (wants(s, ReportSection::Family))
        tables.push_back(notRespondingTable(r));
    if (wants(s, ReportSection::Health))
        tables.push_back(healthSuggestionTable(r));
    if (wants(s, ReportSection::Facilities))
        tables.push_back(facilityTable(r));
}

} // namespace shouwang::report
