#include "report_tables.h"

#include "duty_tables.h"
#include "report_context.h"

#include "domain/enums.h"
#include "domain/readable_time.h"
#include "domain/schema_names.h"

#include <cstdio>

namespace shouwang {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string num(std::size_t n)
{
    return std::to_string(n);
}

std::string yesNo(bool b)
{
    return b ? "是" : "否";
}

std::string village(const std::string& code)
{
    return report::unitName(code);
}

bool wants(ReportSection asked, ReportSection section)
{
    return asked == ReportSection::All || asked == section;
}

void summaryRows(const SupervisionReport& r, ReportSection s, Rows& rows)
{
    auto row = [&rows](const char* part, const std::string& name, const std::string& value) {
        rows.push_back({part, name, value});
    };
    if (wants(s, ReportSection::Base)) {
        row("底数", "在册留守老年人", num(r.base.active));
        for (const auto& [flag, n] : r.base.byFlag)
            row("底数", "其中" + flag, num(n));
        for (const auto& [status, n] : r.base.byStatus)
            row("底数", "状态：" + status, num(n));
        row("底数", "信息不全的记录", num(r.base.incomplete.size()));
    }
    if (wants(s, ReportSection::Base) || s == ReportSection::Duplicates)
        row("底数", "身份证号重复（组）", num(r.base.duplicates.size()));
    if (wants(s, ReportSection::Visits)) {
        row("探访", "按期探访率", r.visits.onSchedule.percent());
        row("探访", "按期探访人数", num(r.visits.onSchedule.part));
        row("探访", "逾期未探访人数", num(r.visits.overdue.size()));
        row("探访", "本期探访次数", num(r.visits.visitsInPeriod));
        row("探访", "本期探访人数", num(r.visits.eldersVisitedInPeriod));
        for (const auto& c : r.visits.campaigns)
            row("探访", "专项探访覆盖率：" + c.name, c.covered.percent());
    }
    if (wants(s, ReportSection::Risk)) {
        row("风险", "风险评估覆盖率", r.risk.assessed.percent());
        row("风险", "高风险", num(r.risk.high));
        row("风险", "中风险", num(r.risk.medium));
        row("风险", "低风险", num(r.risk.low));
        row("风险", "从未评估", num(r.risk.never));
        row("风险", "高风险无干预措施", num(r.risk.highRiskWithoutPlan.size()));
    }
    if (wants(s, ReportSection::Incidents)) {
        const auto& i = r.incidents;
        row("情况报告", "本期上报", num(i.reportedInPeriod));
        row("情况报告", "本期办结", num(i.closedInPeriod));
        row("情况报告", "期末未办结", num(i.openAtEnd));
        row("情况报告", "平均受理用时（小时）", report::oneDecimal(i.averageAcknowledgeHours));
        row("情况报告", "平均办结用时（小时）", report::oneDecimal(i.averageCloseHours));
        const ReportRequest& q = r.request;
        row("情况报告",
            "受理超时（" + limitLabel(r, r.limits.acknowledgeHours, q.acknowledgeHours.has_value(), "小时") + "）",
            num(i.acknowledgeLate));
        row("情况报告", "办结超时（" + limitLabel(r, r.limits.closeDays, q.closeDays.has_value(), "天") + "）",
            num(i.closeLate));
    }
    if (wants(s, ReportSection::Services)) {
        row("服务", "本期服务次数", num(r.services.servicesGiven));
        row("服务", "本期服务人数", num(r.services.eldersServed));
        row("服务", "在岗志愿者", num(r.services.volunteersActive));
        row("服务", "在帮结对", num(r.services.pairingsActive));
        row("服务", "委托照顾协议（备案）", num(r.services.careAgreementsOnFile));
        row("服务", "委托照顾协议（有效）", num(r.services.careAgreementsInForce));
    }
    if (wants(s, ReportSection::Association))
        report::associationSummary(r, rows);
    if (wants(s, ReportSection::Volunteers))
        report::volunteerSummary(r, rows);
    if (wants(s, ReportSection::Data)) {
        const std::string silent = r.request.area == kCityCode && !r.request.silentDays
            ? std::string("超过各区县标准天数未同步的村")
            : "超过 " + num(static_cast<std::size_t>(r.limits.silentDays)) + " 天未同步的村";
        row("数据", silent, num(r.data.silentVillages));
        row("数据", "待处理冲突", num(r.data.openConflicts));
    }
    report::addDutySummary(r, s, rows);
}

Table incompleteTable(const SupervisionReport& r)
{
    Table t{"信息不全", {"村代码", "村", "姓名", "身份证号", "缺少项目"}, {}};
    for (const auto& i : r.base.incomplete) {
        std::string missing;
        for (const auto& m : i.missing)
            missing += (missing.empty() ? "" : "、") + m;
        t.rows.push_back({i.elder.villageCode, village(i.elder.villageCode), i.elder.name, i.elder.idNumber, missing});
    }
    return t;
}

Table duplicateTable(const SupervisionReport& r)
{
    Table t{"身份证号重复", {"组", "身份证号", "姓名", "村代码", "村", "状态"}, {}};
    std::size_t group = 0;
    for (const auto& d : r.base.duplicates) {
        ++group;
        for (const auto& e : d.records)
            t.rows.push_back({num(group), d.idNumber, e.elder.name, e.elder.villageCode, village(e.elder.villageCode),
                              enumLabel("elder_status", e.status)});
    }
    return t;
}

Table overdueTable(const SupervisionReport& r)
{
    Table t{"逾期未探访", {"村代码", "村", "姓名", "身份证号", "最近探访", "应探访日期", "逾期天数", "探访周期（天）"}, {}};
    for (const auto& o : r.visits.overdue)
        t.rows.push_back({o.elder.villageCode, village(o.elder.villageCode), o.elder.name, o.elder.idNumber,
                          o.lastVisit.empty() ? "从未探访" : o.lastVisit, o.due, std::to_string(o.daysOverdue),
                          std::to_string(o.intervalDays)});
    return t;
}

Table campaignTable(const SupervisionReport& r)
{
    Table t{"专项探访覆盖", {"专项名称", "类别", "探访对象", "开始日期", "结束日期", "对象人数", "已探访", "覆盖率"}, {}};
    for (const auto& c : r.visits.campaigns)
        t.rows.push_back({c.name, c.kind, c.target, c.start, c.end, num(c.covered.whole), num(c.covered.part), c.covered.percent()});
    return t;
}

Table noPlanTable(const SupervisionReport& r)
{
    Table t{"高风险无干预措施", {"村代码", "村", "姓名", "身份证号", "评估日期"}, {}};
    for (const auto& n : r.risk.highRiskWithoutPlan)
        t.rows.push_back({n.elder.villageCode, village(n.elder.villageCode), n.elder.name, n.elder.idNumber, n.assessedOn});
    return t;
}

Table incidentTable(const SupervisionReport& r)
{
    Table t{"情况报告", {"村代码", "村", "老年人", "情况类别", "状态", "上报时间", "受理时间", "办结时间", "受理用时（小时）",
                         "办结用时（小时）", "受理超时", "办结超时"}, {}};
    for (const auto& i : r.incidents.incidents)
        t.rows.push_back({i.villageCode, village(i.villageCode), i.elderName, i.type, enumLabel("incident_status", i.status),
                          readableDateTime(i.reportedAt), readableDateTime(i.acceptedAt), readableDateTime(i.closedAt),
                          report::oneDecimal(i.acknowledgeHours), report::oneDecimal(i.closeHours), yesNo(i.acknowledgeLate), yesNo(i.closeLate)});
    return t;
}

Table timelineTable(const SupervisionReport& r)
{
    // A report is known by its village, elder and when it was reported (people do not read
    // record ids); its steps follow in order.
    Table t{"情况报告时间线", {"村", "老年人", "上报时间", "环节", "时间", "办理人", "说明"}, {}};
    for (const auto& i : r.incidents.incidents) {
        for (const auto& e : i.timeline)
            t.rows.push_back({village(i.villageCode), i.elderName, readableDateTime(i.reportedAt),
                              enumLabel("incident_status", e.status), readableDateTime(e.at), e.who, e.note});
    }
    return t;
}

Table dataTable(const SupervisionReport& r)
{
    Table t{"数据同步", {"村代码", "村", "设备数", "最近同步", "最近收到数据", "未联系天数", "超期未同步", "待处理冲突"}, {}};
    for (const auto& v : r.data.villages)
        t.rows.push_back({v.code, v.name, num(v.devices), readableDateTime(v.lastSync), readableDateTime(v.lastData),
                          v.silentDays < 0 ? "从未" : std::to_string(v.silentDays), yesNo(v.silent), num(v.openConflicts)});
    return t;
}

std::vector<std::string> unitRow(const UnitFigures& u)
{
    return {u.code, u.name, num(u.active), num(u.keyTargets), num(u.incomplete), u.onSchedule.percent(), num(u.overdue),
            u.assessed.percent(), num(u.highRiskWithoutPlan), num(u.reportedInPeriod), num(u.openIncidents),
            num(u.lateIncidents), num(u.servicesGiven), num(u.silentVillages), num(u.openConflicts),
            num(u.activities), std::to_string(u.hoursGiven), std::to_string(u.hoursRedeemed), num(u.volunteersGiving)};
}

} // namespace

std::optional<ReportSection> parseReportSection(std::string_view name)
{
    static const std::pair<std::string_view, ReportSection> kNames[] = {
        {"all", ReportSection::All},
        {"base", ReportSection::Base},
        {"visits", ReportSection::Visits},
        {"risk", ReportSection::Risk},
        {"incidents", ReportSection::Incidents},
        {"services", ReportSection::Services},
        {"data", ReportSection::Data},
        {"duplicates", ReportSection::Duplicates},
        {"association", ReportSection::Association},
        {schema::association_activity::volunteers, ReportSection::Volunteers},
        {"referrals", ReportSection::Referrals},
        {"family", ReportSection::Family},
        {schema::elder::health, ReportSection::Health},
        {"facilities", ReportSection::Facilities},
    };
    for (const auto& [text, section] : kNames) {
        if (text == name)
            return section;
    }
    return std::nullopt;
}

Table summaryTable(const SupervisionReport& report, ReportSection section)
{
    Table t{"汇总", {"板块", "指标", "数值"}, {}};
    summaryRows(report, section, t.rows);
    return t;
}

Table unitTable(const SupervisionReport& report)
{
    Table t{"分单位", {"代码", "单位", "在册老年人", "重点帮扶对象", "信息不全", "按期探访率", "逾期未探访", "评估覆盖率",
                       "高风险无干预", "本期报告", "未办结报告", "超时报告", "服务次数", "未同步村", "待处理冲突",
                       "协会活动", "志愿服务记入（小时）", "志愿服务兑换（小时）", "有服务时长的志愿者"}, {}};
    for (const UnitFigures& u : report.units)
        t.rows.push_back(unitRow(u));
    t.rows.push_back(unitRow(report.total));
    return t;
}

std::vector<Table> reportTables(const SupervisionReport& report, ReportSection section)
{
    std::vector<Table> tables{summaryTable(report, section)};
    if (section == ReportSection::All)
        tables.push_back(unitTable(report));
    if (wants(section, ReportSection::Base))
        tables.push_back(incompleteTable(report));
    if (wants(section, ReportSection::Base) || section == ReportSection::Duplicates)
        tables.push_back(duplicateTable(report));
    if (wants(section, ReportSection::Visits)) {
        tables.push_back(overdueTable(report));
        tables.push_back(campaignTable(report));
    }
    if (wants(section, ReportSection::Risk))
        tables.push_back(noPlanTable(report));
    if (wants(section, ReportSection::Incidents)) {
        tables.push_back(incidentTable(report));
        tables.push_back(timelineTable(report));
    }
    if (wants(section, ReportSection::Association))
        tables.push_back(report::associationTable(report));
    if (wants(section, ReportSection::Volunteers)) {
        tables.push_back(report::volunteerAccountTable(report));
        tables.push_back(report::overdraftTable(report));
    }
    if (wants(section, ReportSection::Data))
        tables.push_back(dataTable(report));
    report::addDutyTables(report, section, tables);
    return tables;
}

} // namespace shouwang
