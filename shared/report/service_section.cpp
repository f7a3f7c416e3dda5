// 服务: what was done for the elders in the period and the care arrangements in force.
#include "report_context.h"

#include "store/database.h"

namespace shouwang::report {
namespace {

std::size_t countWhere(Context& ctx, const std::string& table, const std::string& condition,
                       const std::vector<std::string>& values)
{
    auto st = ctx.db.prepare("SELECT count(*) FROM " + table + " WHERE deleted = 0 AND " + condition + ctx.areaClause());
    int i = 1;
    for (const auto& v : values)
        st.bind(i++, v);
    st.bind(i, ctx.request.area);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

// In force on `day`: started by then and not yet ended (an end date on the day still counts).
constexpr const char* kInForce = "start_date <= ?1 AND (coalesce(end_date, '') = '' OR end_date >= ?1)";

} // namespace

void computeServices(Context& ctx, ServiceFigures& out)
{
    const std::string day = formatDate(ctx.asOfDay);
    auto st = ctx.db.prepare("SELECT village_code, count(*) FROM service_records WHERE deleted = 0 AND date >= ? "
                             "AND date <= ?" + ctx.areaClause() + " GROUP BY village_code");
    st.bind(1, ctx.periodFrom()).bind(2, ctx.periodTo()).bind(3, ctx.request.area);
    while (st.step()) {
        const auto n = static_cast<std::size_t>(st.integer(1));
        out.servicesGiven += n;
        ctx.unit(st.text(0)).servicesGiven += n;
    }
    auto served = ctx.db.prepare("SELECT count(DISTINCT elder_id) FROM service_records WHERE deleted = 0 "
                                 "AND date >= ? AND date <= ?" + ctx.areaClause());
    served.bind(1, ctx.periodFrom()).bind(2, ctx.periodTo()).bind(3, ctx.request.area);
    out.eldersServed = served.step() ? static_cast<std::size_t>(served.integer(0)) : 0;

    out.volunteersActive = countWhere(ctx, "volunteers", "active = 1", {});
    out.pairingsActive = countWhere(ctx, "pairings", kInForce, {day});
    out.careAgreementsOnFile = countWhere(ctx, "care_agreements", "1 = 1", {});
    out.careAgreementsInForce = countWhere(ctx, "care_agreements", kInForce, {day});
}

} // namespace shouwang::report
