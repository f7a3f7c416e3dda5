// 志愿服务时长 (二(六) 志愿服务互助循环; issue 18 item 2): hours credited and redeemed in the
// period, by village, and each volunteer's account with the redemptions 超额待核.
#include "report_context.h"

#include "domain/schema_names.h"
#include "store/volunteer_hours_store.h"

namespace shouwang::report {

void computeVolunteerHours(Context& ctx, VolunteerHoursFigures& out)
{
    const std::string from = ctx.periodFrom(), to = ctx.periodTo(), asOfDay = formatDate(ctx.asOfDay);
    for (const VolunteerAccount& v : loadHoursAccounts(ctx.db, ctx.request.area)) {
        if (v.account.entries.empty())
            continue;
        VolunteerHoursFigures::Account account{v.villageCode, v.name};
        for (const HoursEntry& e : v.account.entries) {
            const std::string& date = e.record.value("date");
            if (e.state == HoursEntryState::Voided || date > asOfDay)
                continue;
            const bool inPeriod = date >= from && date <= to;
            if (e.credit) {
                account.balance += e.hours;
                account.given += inPeriod ? e.hours : 0;
                continue;
            }
            account.balance -= e.hours;
            account.redeemed += inPeriod ? e.hours : 0;
            if (e.state == HoursEntryState::OverdraftPending) {
                account.pendingHours += e.hours;
                out.pending.push_back({v.villageCode, v.name, date,
                                       e.record.value(schema::volunteer_redemption::service),
                                       e.record.value("confirmed_by"), e.hours, e.balanceAfter});
            }
        }
        UnitFigures& unit = ctx.unit(v.villageCode);
        unit.hoursGiven += account.given;
        unit.hoursRedeemed += account.redeemed;
        unit.volunteersGiving += account.given > 0;
        out.hoursGiven += account.given;
        out.hoursRedeemed += account.redeemed;
        out.volunteersGiving += account.given > 0;
        out.accounts.push_back(std::move(account));
    }
    out.overdraftsPending = out.pending.size();
}

} // namespace shouwang::report
