// 健康管理与困难户: the share of elders 65 and over in 65+ health management (a 卫生健康
// referral suggested for the others), and the elders of 建档立卡, 低保 and 特困供养
// households beside the 生活困难 flag those households imply (domain/derived.h).
#include "report_context.h"

#include "domain/referral_workflow.h"
#include "domain/schema_names.h"

#include <set>

namespace shouwang::report {
namespace {

struct Programmes {
    bool healthManaged = false, registeredPoor = false, dibao = false, tekun = false;
};

std::map<std::string, Programmes> programmesOf(Context& ctx)
{
    std::map<std::string, Programmes> out;
    for (const StoredProgrammes& p : ctx.stored.programmes())
        out[p.elderId] = {p.healthManaged, p.registeredPoor, p.dibao, p.tekun};
    return out;
}

// Elders with a 卫生健康 referral still open: a suggestion is already being acted on.
std::set<std::string> openHealthReferrals(Context& ctx)
{
    std::set<std::string> out;
    for (const Record& r : loadAreaRecords(ctx, "referral")) {
        if (r.value(schema::referral::department) == "health" && !referralEnded(r.value(schema::referral::status)))
            out.insert(r.value(schema::referral::elder_id));
    }
    return out;
}

} // namespace

void computeHealth(Context& ctx, HealthFigures& out)
{
    const auto programmes = programmesOf(ctx);
    const auto referred = openHealthReferrals(ctx);
    for (const ElderSnapshot& e : ctx.elders) {
        if (!e.active())
            continue;
        const auto it = programmes.find(e.id);
        const Programmes p = it == programmes.end() ? Programmes{} : it->second;
        out.registeredPoor += p.registeredPoor;
        out.dibao += p.dibao;
        out.tekun += p.tekun;
        out.hardship += e.flags.hardship;
        if (e.flags.age < kHealthManagementAge)
            continue;
        ++out.aged65;
        out.healthManaged += p.healthManaged;
        if (!p.healthManaged && !referred.contains(e.id))
            out.suggestHealthReferral.push_back({e.id, e.name, e.villageCode, e.flags.age});
    }
}

} // namespace shouwang::report
