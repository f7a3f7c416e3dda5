// 服务: what was done for the elders in the period and the care arrangements in force.
#include "report_context.h"

namespace shouwang::report {

void computeServices(Context& ctx, ServiceFigures& out)
{
    const std::string day = formatDate(ctx.asOfDay);
    for (const auto& [village, n] : ctx.stored.servicesBetween(ctx.periodFrom(), ctx.periodTo())) {
        out.servicesGiven += n;
        ctx.unit(village).servicesGiven += n;
    }
    out.eldersServed = ctx.stored.eldersServedBetween(ctx.periodFrom(), ctx.periodTo());

    out.volunteersActive = ctx.stored.activeVolunteers();
    out.pairingsActive = ctx.stored.pairingsInForce(day);
    out.careAgreementsOnFile = ctx.stored.careAgreements();
    out.careAgreementsInForce = ctx.stored.careAgreementsInForce(day);
}

} // namespace shouwang::report
