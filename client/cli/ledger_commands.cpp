// status, stats, demo: what is in the local ledger and how it stands with the server.
#include "cli.h"

#include "demo/demo_generator.h"

#include "domain/schema.h"
#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/ledger.h"
#include "sync/scope.h"

#include <ostream>

namespace shouwang::cli {

void cmdStatus(const CommandLine& cl, std::ostream& out)
{
    OpenLedger open(cl, true);
    Ledger& ledger = *open.ledger;
    Meta& meta = ledger.meta();
    const auto orDash = [](std::string text) { return text.empty() ? std::string("-") : text; };

    out << "device " << ledger.deviceId() << '\n'
        << "server " << orDash(meta.value(meta::kServerUrl)) << '\n'
        << "scope " << orDash(meta.value(meta::kScope)) << '\n'
        << "enrolled " << (meta.value(meta::kToken).empty() ? "no" : "yes") << '\n'
        << "pending " << ledger.changeLog().pendingCount() << '\n';
    const auto refused = ledger.changeLog().refused();
    out << "refused " << refused.size() << '\n';
    // Quarantined changes with the server's reason: what the user has to correct.
    for (const auto& logged : refused) {
        out << "  " << logged.change.changeId << ' ' << logged.change.entity << ' ' << logged.change.recordId << ' '
            << logged.errorCode << ' ' << logged.errorMessage << '\n';
    }
    out << "last-sync " << orDash(meta.value(meta::kLastSync)) << '\n'
        << "last-error " << orDash(meta.value(meta::kLastSyncError)) << '\n'
        << "pull-cursor " << meta.value(meta::kPullCursor, "0") << '\n'
        << "conflicts " << ConflictQueue(*open.db).openCount() << '\n';
}

void cmdStats(const CommandLine& cl, std::ostream& out)
{
    OpenLedger open(cl, true);
    Ledger& ledger = *open.ledger;
    for (const EntityDef& entity : entities())
        out << entity.name << ' ' << ledger.count(entity.name) << '\n';
    out << "pending " << ledger.changeLog().pendingCount() << '\n'
        << "conflicts " << ConflictQueue(*open.db).openCount() << '\n';
}

void cmdDemo(const CommandLine& cl, std::ostream& out)
{
    if (!cl.has("elders"))
        throw CommandError{"demo 需要 --elders N / demo needs --elders N", kExitUsage};
    OpenLedger open(cl, false);
    Ledger& ledger = *open.ledger;

    DemoOptions options;
    options.elders = cl.number("elders", 0);
    options.seed = cl.number("seed", 1);
    options.operatorName = cl.option("operator", options.operatorName);
    options.scopeCode = cl.option("village");
    if (options.scopeCode.empty()) {
        // Without --village, the demo fills what this device is enrolled for.
        if (auto scope = Scope::parse(ledger.meta().value(meta::kScope)))
            options.scopeCode = scope->code;
    }
    if (options.scopeCode.empty())
        throw CommandError{"请用 --village CODE 指定村，或先登记本机 / give --village CODE, or enroll first", kExitUsage};
    if (auto scope = Scope::parse(ledger.meta().value(meta::kScope))) {
        const bool inside = options.scopeCode.starts_with(scope->code);
        if (!inside)
            throw CommandError{"--village 不在本机登记的范围 " + scope->toString() + " 内 / --village is outside this device's scope",
                               kExitUsage};
    }
    try {
        const DemoSummary summary = generateDemo(ledger, options);
        out << "villages " << summary.villages << '\n'
            << "households " << summary.households << '\n'
            << "elders " << summary.elders << '\n'
            << "records " << summary.records << '\n';
    } catch (const DemoScopeError& e) {
        throw CommandError{std::string(e.what()) + " / unknown village code: " + options.scopeCode};
    }
}

} // namespace shouwang::cli
