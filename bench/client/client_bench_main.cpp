// shouwang-client-bench --db FILE [--repeats N] [--scope CODE] [--timeout-ms MS]
// Scenario 4 of docs/performance.md through the client itself (run it offscreen:
// QT_QPA_PLATFORM=offscreen): the cold start of the real main window on a ledger file, then
// the core's ledger queries (ledger_queries.h) made in the ledger page's controls and timed
// until its ElderTableModel holds the new first page and count. Prints "key value" facts
// for shouwang-bench, as its own child commands do.
#include "bench_report.h"
#include "child_process.h"
#include "ledger_controls.h"
#include "ledger_queries.h"
#include "process_age.h"
#include "qt_waits.h"

#include "ui/ledger/elder_table_model.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/ledger/ledger_view.h"
#include "ui/supervision/home_view.h"
#include "ui/window/main_window.h"

#include "domain/date.h"

#include <QApplication>
#include <QHeaderView>
#include <QTableView>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

using namespace shouwang;
using namespace shouwang::bench;

namespace {

struct Options {
    std::string db;
    int repeats = 20;
    std::string scope;
    int timeoutMs = 60000;
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--db")
            o.db = value;
        else if (name == "--repeats")
            o.repeats = std::stoi(value);
        else if (name == "--scope")
            o.scope = value;
        else if (name == "--timeout-ms")
            o.timeoutMs = std::stoi(value);
        else
            throw std::invalid_argument("unknown option " + name);
    }
    if (o.db.empty())
        throw std::invalid_argument("usage: shouwang-client-bench --db FILE [--repeats N] [--scope CODE] [--timeout-ms MS]");
    return o;
}

// A ledger that was never enrolled (the one --queries-at generates) would open on the
// first-run dialog; it gets `scope` as that dialog would give it, before anything is timed.
void ensureScope(const Options& o)
{
    if (o.scope.empty())
        return;
    ui::LedgerSession session(QString::fromStdString(o.db));
    if (!session.isConfigured())
        session.setScope(o.scope);
}

void waitForReset(ui::ElderTableModel& model, const std::function<void()>& trigger, int timeoutMs)
{
    if (!runUntilReset(model, trigger, timeoutMs))
        throw std::runtime_error("the elder table did not reload within " + std::to_string(timeoutMs) + " ms");
}

// Each query `repeats` times from the whole list, as a user's first filter; p50 / p95 of the
// time from the control to the model's reset, and what the table then holds.
void timeQueries(ui::MainWindow& window, ui::LedgerSession& session, const Options& o)
{
    window.showPage(ui::MainWindow::LedgerPage);
    ui::LedgerView& view = *window.ledger();
    ui::ElderTableModel& model = view.model();
    QHeaderView& header = *view.table()->horizontalHeader();
    ElderFilter firstPage; // the core's first page, so the search words are the core's
    firstPage.limit = ui::ElderTableModel::kPageSize;
    for (const LedgerQuery& q : ledgerQueries(findElders(session.database(), firstPage, today()))) {
        std::vector<double> ms;
        for (int r = 0; r < o.repeats; ++r) {
            waitForReset(model, [&] { showEveryElder(view); }, o.timeoutMs);
            if (sortSection(q.filter) >= 0 && header.sortIndicatorSection() == sortSection(q.filter))
                waitForReset(model, [&] { header.setSortIndicator(ui::ElderTableModel::Name, Qt::AscendingOrder); },
                             o.timeoutMs);
            QCoreApplication::processEvents(); // the list repainted before the user acts again
            const auto start = Clock::now();
            const auto done = runUntilReset(model, [&] { pickQuery(view, q.filter); }, o.timeoutMs);
            if (!done)
                throw std::runtime_error(q.name + ": the elder table did not reload within "
                                         + std::to_string(o.timeoutMs) + " ms");
            ms.push_back(msBetween(start, *done));
        }
        const char* name = q.name.c_str();
        std::printf("q.%s.p50 %.2f\nq.%s.p95 %.2f\nq.%s.rows %d\nq.%s.count %zu\n", name, percentileValue(ms, 50), name,
                    percentileValue(ms, 95), name, model.rowCount(), name, model.totalCount());
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const double execToMainMs = msSinceProcessStart();
    const auto mainEntered = Clock::now();
    try {
        const Options o = parse(argc, argv);
        const auto setupStart = Clock::now();
        ensureScope(o);
        const auto setupDone = Clock::now();

        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // a benchmark, not a window to look at
        // As the app's main: the application, its names (its settings), Chinese labels (the
        // default language; the translation catalogue is a resource of the app, not loaded).
        QApplication app(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("Shouwang"));
        QApplication::setApplicationName(QStringLiteral("shouwang"));
        ui::setChineseLabels(true);
        const auto opening = Clock::now();
        ui::LedgerSession session(QString::fromStdString(o.db));
        if (!session.isConfigured())
            throw std::runtime_error(o.db + " has no scope: the app would ask for one (pass --scope CODE)");
        ui::MainWindow window(session);
        const auto shown = showUntilPainted(window, o.timeoutMs);
        if (!shown)
            throw std::runtime_error("the main window was not painted within " + std::to_string(o.timeoutMs) + " ms");
        const ui::ElderTableModel& ledger = window.ledger()->model();

        // From exec to the first frame, less the one-off scope step, which a user never waits for.
        const double coldMs = execToMainMs + msBetween(mainEntered, *shown) - msBetween(setupStart, setupDone);
        std::printf("cold_start_ms %.1f\nexec_to_main_ms %.1f\nqt_init_ms %.1f\nopen_to_shown_ms %.1f\n", coldMs,
                    execToMainMs, msBetween(setupDone, opening), msBetween(opening, *shown));
        std::printf("cold_start_rows %d\ncold_start_count %zu\nscope %s\n", ledger.rowCount(), ledger.totalCount(),
                    session.scopeCode().c_str());
        std::fflush(stdout);

        // The home page's figures over the whole scope (its lists, counts, supporters to urge)
        // are read on a worker after the first frame; the queries are timed once they are
        // shown, as a user acts on a window at rest.
        const auto figures = runUntil([&] { return !window.home()->isRefreshing(); }, o.timeoutMs);
        if (!figures)
            throw std::runtime_error("the home page's figures did not come within " + std::to_string(o.timeoutMs) + " ms");
        std::printf("home_figures_ms %.1f\n", coldMs + msBetween(*shown, *figures));
        std::fflush(stdout);

        timeQueries(window, session, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "shouwang-client-bench: %s\n", e.what());
        return 1;
    }
    std::printf("vm_hwm_kb %ld\n", vmHwmKb("/proc/self/status"));
    return 0;
}
