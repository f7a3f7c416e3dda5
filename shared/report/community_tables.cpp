// The tables of 老年协会活动 and 志愿服务时长 (issue 18 items 1 and 2): their summary rows and
// lists, in the same shape as the other sections' (report_tables.cpp).
#include "report_context.h"

namespace shouwang::report {
namespace {

std::string num(long long n)
{
    return std::to_string(n);
}

} // namespace

void associationSummary(const SupervisionReport& r, std::vector<std::vector<std::string>>& rows)
{
    const AssociationFigures& a = r.association;
    rows.push_back({"老年协会活动", "本期活动次数", num(static_cast<long long>(a.activities))});
    rows.push_back({"老年协会活动", "参加活动的老年人（人次）", num(static_cast<long long>(a.attendances))});
    rows.push_back({"老年协会活动", "其他参加人数", num(static_cast<long long>(a.otherParticipants))});
    rows.push_back({"老年协会活动", "参加过活动的在册老年人", num(static_cast<long long>(a.eldersReached.part))});
    rows.push_back({"老年协会活动", "在册老年人参与率", a.eldersReached.percent()});
    rows.push_back({"老年协会活动", "重点帮扶对象参与率", a.keyTargetsReached.percent()});
}

void volunteerSummary(const SupervisionReport& r, std::vector<std::vector<std::string>>& rows)
{
    const VolunteerHoursFigures& v = r.volunteerHours;
    rows.push_back({"志愿服务时长", "本期记入（小时）", num(v.hoursGiven)});
    rows.push_back({"志愿服务时长", "本期兑换（小时）", num(v.hoursRedeemed)});
    rows.push_back({"志愿服务时长", "本期有服务时长的志愿者", num(static_cast<long long>(v.volunteersGiving))});
    rows.push_back({"志愿服务时长", "超额待核的兑换", num(static_cast<long long>(v.overdraftsPending))});
}

Table associationTable(const SupervisionReport& r)
{
    Table t{"老年协会活动", {"村代码", "村", "活动日期", "活动名称", "活动类别", "组织方", "活动地点", "参加老年人", "其他参加人数"}, {}};
    for (const auto& a : r.association.list)
        t.rows.push_back({a.villageCode, unitName(a.villageCode), a.date, a.title, a.kind, a.organiser, a.place,
                          num(static_cast<long long>(a.elders)), num(static_cast<long long>(a.others))});
    return t;
}

Table volunteerAccountTable(const SupervisionReport& r)
{
    Table t{"志愿服务时长", {"村代码", "村", "志愿者", "本期记入（小时）", "本期兑换（小时）", "结余（小时）", "超额待核（小时）"}, {}};
    for (const auto& a : r.volunteerHours.accounts)
        t.rows.push_back({a.villageCode, unitName(a.villageCode), a.name, num(a.given), num(a.redeemed), num(a.balance),
                          num(a.pendingHours)});
    return t;
}

Table overdraftTable(const SupervisionReport& r)
{
    Table t{"超额待核的兑换", {"村代码", "村", "志愿者", "兑换日期", "兑换时长（小时）", "兑换的服务", "村委会确认人", "兑换后结余（小时）"}, {}};
    for (const auto& p : r.volunteerHours.pending)
        t.rows.push_back({p.villageCode, unitName(p.villageCode), p.volunteer, p.date, num(p.hours), p.service, p.confirmedBy,
                          num(p.balanceAfter)});
    return t;
}

} // namespace shouwang::report
