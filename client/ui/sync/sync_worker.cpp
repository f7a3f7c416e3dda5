#include "sync_worker.h"

#include "ui/session/labels.h"

#include "net/beast_transport.h"
#include "store/ledger.h"
#include "sync/registration.h"
#include "sync/sync_client.h"

#include <exception>

namespace shouwang::ui {
namespace {

struct Connection {
    std::unique_ptr<Database> db;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<net::BeastTransport> transport;
    std::unique_ptr<SyncClient> client;

    Connection(const std::string& path, const std::string& url = {})
        : db(openLedgerDatabase(path))
        , ledger(std::make_unique<Ledger>(*db))
    {
        if (!url.empty())
            ledger->meta().set(meta::kServerUrl, url);
        transport = std::make_unique<net::BeastTransport>(ledger->meta().value(meta::kServerUrl),
                                                          net::ledgerTransportOptions(ledger->meta()));
        client = std::make_unique<SyncClient>(*ledger, *transport);
    }
};

SyncOutcome outcomeOf(const SyncReport& report)
{
    SyncOutcome outcome;
    outcome.ok = report.ok();
    outcome.message = qs(report.error.message);
    outcome.pushed = static_cast<int>(report.acknowledged);
    outcome.pulled = static_cast<int>(report.pulled);
    outcome.refused = static_cast<int>(report.refused);
    outcome.conflicts = static_cast<int>(report.conflicts);
    outcome.sameIdElsewhere = static_cast<int>(report.sameIdElsewhere);
    return outcome;
}

} // namespace

SyncWorker::SyncWorker(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
    qRegisterMetaType<SyncOutcome>();
}

template <typename Job>
void SyncWorker::guarded(const QString& what, Job job)
{
    m_cancel = false;
    emit started(what);
    SyncOutcome outcome;
    try {
        outcome = job();
    } catch (const std::exception& e) {
        outcome.ok = false;
        outcome.message = tr("The local ledger could not be used: %1").arg(QString::fromUtf8(e.what()));
    } catch (...) {
        outcome.ok = false;
        outcome.message = tr("Unexpected failure.");
    }
    emit finished(outcome);
}

void SyncWorker::runSync()
{
    guarded(tr("Syncing"), [this] {
        Connection c(ss(m_path));
        auto onProgress = [this](const SyncProgress& p) {
            if (p.phase == SyncProgress::Phase::Snapshot)
                emit progress(0, 0, tr("Receiving the ledger: %1 records").arg(p.records));
            else if (p.phase == SyncProgress::Phase::Pulling)
                emit progress(0, 0, tr("Receiving: %1 changes").arg(p.pulled));
            else
                emit progress(static_cast<int>(p.pushed), static_cast<int>(p.toPush), tr("Sending changes"));
        };
        return outcomeOf(c.client->sync({}, onProgress, &m_cancel));
    });
}

void SyncWorker::runEnroll(const QString& serverUrl, const QString& code, const QString& deviceName)
{
    guarded(tr("Enrolling"), [&] {
        Connection c(ss(m_path), ss(serverUrl.trimmed()));
        EnrollResult result = c.client->enroll(ss(code.trimmed()), ss(deviceName));
        SyncOutcome outcome;
        outcome.ok = result.ok();
        outcome.errorCode = static_cast<int>(result.error.code);
        outcome.message = qs(result.error.message); // the view words the outcome (enrollment_messages.h)
        return outcome;
    });
}

void SyncWorker::runRegisterFile(const QString& path)
{
    guarded(tr("Registering from the file"), [&] {
        Connection c(ss(m_path));
        EnrollResult result = registerFromFile(*c.ledger, ss(path));
        SyncOutcome outcome;
        outcome.ok = result.ok();
        outcome.message = result.ok()
            ? tr("Registered for %1 from the county's file. Changes now travel by USB stick: export them, "
                 "and import the county's answer.")
                  .arg(qs(result.scope))
            : qs(result.error.message);
        return outcome;
    });
}

void SyncWorker::runExportBundle(const QString& path)
{
    guarded(tr("Exporting"), [&] {
        Connection c(ss(m_path));
        BundleExport result = c.client->exportBundle(ss(path));
        SyncOutcome outcome;
        outcome.ok = result.ok();
        outcome.pushed = static_cast<int>(result.changes);
        outcome.message = result.ok() ? tr("%n change(s) written to the file.", nullptr, outcome.pushed)
                                      : qs(result.error.message);
        return outcome;
    });
}

void SyncWorker::runImportAnswer(const QString& path)
{
    guarded(tr("Importing"), [&] {
        Connection c(ss(m_path));
        return outcomeOf(c.client->importBundleAnswer(ss(path)));
    });
}

void SyncWorker::runMakeEnrollmentCode(const QString& scope, int days)
{
    try {
        Connection c(ss(m_path));
        const auto parsed = Scope::parse(ss(scope));
        if (!parsed) {
            emit enrollmentCodeMade({}, {}, tr("The unit is not valid: %1").arg(scope));
            return;
        }
        const EnrollmentCodeResult made = c.client->makeEnrollmentCode(*parsed, days);
        emit enrollmentCodeMade(qs(made.code), qs(made.expiresAt), qs(made.error.message));
    } catch (const std::exception& e) {
        emit enrollmentCodeMade({}, {}, tr("The local ledger could not be used: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace shouwang::ui
