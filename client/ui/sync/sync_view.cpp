#include "sync_view.h"

#include "conflict_table.h"
#include "enrollment_code_dialog.h"
#include "same_id_notices.h"
#include "ui/session/enrollment_check.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/readable_time.h"
#include "domain/schema.h"
#include "net/server_url.h"
#include "store/conflict_queue.h"
#include "store/delivery_state.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSysInfo>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace shouwang::ui {
namespace {
constexpr int kAutoSyncMs = 15 * 60 * 1000;
constexpr int kMaxBackoffDoublings = 4; // 15 min → 4 h
} // namespace

SyncView::SyncView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_thread(new QThread(this))
    , m_worker(new SyncWorker(session.path()))
{
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::started, this, &SyncView::onStarted);
    connect(m_worker, &SyncWorker::progress, this, &SyncView::onProgress);
    connect(m_worker, &SyncWorker::finished, this, &SyncView::onFinished);
    m_thread->start();

    auto* settingsBox = new QGroupBox(tr("Server and enrollment"), this);
    auto* form = new QFormLayout(settingsBox);
    m_server = new QLineEdit(qs(session.ledger().meta().value(meta::kServerUrl)), settingsBox);
    m_server->setPlaceholderText(QStringLiteral("http://192.168.1.10:8443"));
    m_code = new QLineEdit(settingsBox);
    m_code->setPlaceholderText(tr("The one-time code from the county"));
    auto* enrollButton = new QPushButton(tr("Enroll this computer"), settingsBox);
    // A village with no network registers from the file the county gives it on the USB stick.
    auto* fileButton = new QPushButton(tr("Register from a file (USB stick)..."), settingsBox);
    fileButton->setObjectName(QStringLiteral("registerFromFile"));
    auto* enrollButtons = new QHBoxLayout;
    enrollButtons->addWidget(enrollButton);
    enrollButtons->addWidget(fileButton);
    enrollButtons->addStretch();
    form->addRow(tr("Server address"), m_server);
    // Said where the address is typed: plain http:// to another machine is readable and
    // changeable by anyone on the network between (docs/security.md).
    m_httpWarning = new QLabel(plainHttpWarning(), settingsBox);
    m_httpWarning->setObjectName(QStringLiteral("httpWarning"));
    m_httpWarning->setWordWrap(true);
    m_httpWarning->setStyleSheet(QStringLiteral("color: #b00020;"));
    form->addRow(QString(), m_httpWarning);
    const auto showWarning = [this] { m_httpWarning->setVisible(net::isPlainHttpOffLoopback(ss(m_server->text().trimmed()))); };
    connect(m_server, &QLineEdit::textChanged, this, showWarning);
    showWarning();
    form->addRow(tr("Enrollment code"), m_code);
    form->addRow(QString(), enrollButtons);
    // A county's or the city's admin enrols the computers of their units from here.
    m_makeCode = new QPushButton(tr("Make an enrollment code for another computer..."), settingsBox);
    m_makeCode->setObjectName(QStringLiteral("makeEnrollmentCode"));
    form->addRow(QString(), m_makeCode);
    connect(m_makeCode, &QPushButton::clicked, this, &SyncView::openEnrollmentCodeDialog);
    connect(m_worker, &SyncWorker::enrollmentCodeMade, this,
            [this](const QString& code, const QString& expiresAt, const QString& error) {
                if (!m_codeDialog)
                    return;
                if (code.isEmpty())
                    m_codeDialog->showError(error);
                else
                    m_codeDialog->showCode(code, expiresAt);
            });
    connect(enrollButton, &QPushButton::clicked, this, &SyncView::enroll);
    connect(fileButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Register from a file"), {},
                                                          tr("Shouwang registration files (*.shwr)"));
        if (!path.isEmpty())
            registerFromFile(path);
    });
    connect(m_server, &QLineEdit::editingFinished, this,
            [this] { m_session.ledger().meta().set(meta::kServerUrl, ss(m_server->text().trimmed())); });

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_syncButton = new QPushButton(tr("Sync now"), this);
    m_syncButton->setStyleSheet(QStringLiteral("font-size: 14pt; padding: 8px 24px;"));
    m_auto = new QCheckBox(tr("Sync automatically every 15 minutes when the server can be reached"), this);
    m_auto->setChecked(QSettings().value(QStringLiteral("sync/auto"), true).toBool());
    m_timer = new QTimer(this);
    m_timer->setInterval(kAutoSyncMs);
    // Nothing to sync until the computer is enrolled: the box is off and greyed out till then.
    m_auto->setToolTip(tr("Available once this computer is enrolled."));
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A laptop registered from a file has no server to reach: it syncs by USB stick only.
        Meta& meta = m_session.ledger().meta();
        if (!m_busy && m_auto->isChecked() && !meta.value(meta::kToken).empty() && !meta.value(meta::kServerUrl).empty())
            syncNow();
    });
    connect(m_auto, &QCheckBox::toggled, this, [this](bool on) {
        if (m_auto->isEnabled())
            QSettings().setValue(QStringLiteral("sync/auto"), on);
    });
    m_timer->start();
    connect(m_syncButton, &QPushButton::clicked, this, &SyncView::syncNow);

    auto* exportButton = new QPushButton(tr("Export changes to a file (USB stick)..."), this);
    auto* importButton = new QPushButton(tr("Import the county's answer file..."), this);
    exportButton->setObjectName(QStringLiteral("exportBundle"));
    importButton->setObjectName(QStringLiteral("importAnswer"));
    connect(exportButton, &QPushButton::clicked, this, &SyncView::exportBundle);
    connect(importButton, &QPushButton::clicked, this, &SyncView::importAnswer);

    m_conflicts = new ConflictTable(session, this);
    m_sameId = new SameIdNotices(session, this);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_syncButton);
    actions->addWidget(exportButton);
    actions->addWidget(importButton);
    actions->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(settingsBox);
    layout->addWidget(m_status);
    layout->addLayout(actions);
    layout->addWidget(m_auto);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_sameId);
    layout->addWidget(new QLabel(tr("<b>Conflicts</b> (two people changed the same field at the same time; "
                                    "the county reviews them)"),
                                 this));
    layout->addWidget(m_conflicts, 1);
    connect(&session, &LedgerSession::changed, this, &SyncView::refresh);
    refresh();
}

SyncView::~SyncView()
{
    m_worker->cancel();
    m_thread->quit();
    m_thread->wait();
}

void SyncView::refresh()
{
    Meta& meta = m_session.ledger().meta();
    const bool enrolled = !meta.value(meta::kToken).empty();
    const SyncStatus sync = syncStatus(meta);
    m_status->setText(tr("Enrollment: <b>%1</b>    Changes not yet sent: <b>%2</b>    Last sync: <b>%3</b>%4")
                          .arg(enrolled ? tr("enrolled (%1)").arg(scopeDisplayName(m_session).toHtmlEscaped())
                                        : tr("not enrolled"))
                          .arg(m_session.ledger().changeLog().pendingCount())
                          .arg(sync.lastSuccess.empty() ? tr("never") : qs(readableDateTime(sync.lastSuccess)))
                          .arg(sync.lastError.empty() ? QString()
                                                      : tr("<br/>Last problem: %1").arg(qs(sync.lastError).toHtmlEscaped())));
    if (m_auto->isEnabled() != enrolled) {
        const QSignalBlocker block(m_auto);
        m_auto->setEnabled(enrolled);
        m_auto->setChecked(enrolled && QSettings().value(QStringLiteral("sync/auto"), true).toBool());
    }
    const Scope::Kind kind = m_session.scopeKind();
    m_makeCode->setVisible(enrolled && (kind == Scope::Kind::County || kind == Scope::Kind::City));
    refreshConflicts();
    m_sameId->refresh();
}

EnrollmentCodeDialog* SyncView::openEnrollmentCodeDialog()
{
    if (!m_codeDialog) {
        m_codeDialog = new EnrollmentCodeDialog(Scope{m_session.scopeKind(), m_session.scopeCode()}, this);
        connect(m_codeDialog, &EnrollmentCodeDialog::codeRequested, m_worker,
                [worker = m_worker](const QString& scope, int days) { worker->runMakeEnrollmentCode(scope, days); });
    }
    m_codeDialog->show();
    m_codeDialog->raise();
    return m_codeDialog;
}

void SyncView::refreshConflicts()
{
    m_conflicts->setConflicts(ConflictQueue(m_session.database()).open(m_session.scopeCode()));
}

QString SyncView::statusText() const
{
    return m_status->text();
}

QString SyncView::resultText() const
{
    return m_result->text();
}

void SyncView::setBusy(bool busy)
{
    m_busy = busy;
    m_syncButton->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void SyncView::syncNow()
{
    if (m_busy)
        return;
    // A laptop registered from a file has a token but no server: say what to do instead.
    if (m_server->text().trimmed().isEmpty() && !m_session.ledger().meta().value(meta::kToken).empty()) {
        m_result->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        m_result->setText(tr("No server address: this computer was registered from a file. Exchange changes by USB "
                             "stick, or enter the county server's address to sync over the network."));
        return;
    }
    m_session.ledger().meta().set(meta::kServerUrl, ss(m_server->text().trimmed()));
    setBusy(true);
    QMetaObject::invokeMethod(m_worker, &SyncWorker::runSync, Qt::QueuedConnection);
}

void SyncView::enroll()
{
    if (m_busy)
        return;
    const QString url = completeServerUrl(m_server->text());
    m_server->setText(url);
    if (const QString problem = enrollmentFieldProblem(url, m_code->text()); !problem.isEmpty()) {
        m_result->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        m_result->setText(problem);
        (url.isEmpty() || !m_code->text().trimmed().isEmpty() ? m_server : m_code)->setFocus();
        return;
    }
    m_enrolling = true;
    setBusy(true);
    const QString code = m_code->text(), device = QSysInfo::machineHostName();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, url, code, device] { w->runEnroll(url, code, device); },
                              Qt::QueuedConnection);
}

QString SyncView::bundleFilter()
{
    // The one extension of USB bundles, as docs/admin-guide.md and docs/cli.md name them;
    // "all files" too, so a bundle renamed on the way still shows.
    return tr("Shouwang bundles (*.shwb);;All files (*)");
}

void SyncView::registerFromFile(const QString& path)
{
    if (m_busy)
        return;
    setBusy(true);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->runRegisterFile(path); }, Qt::QueuedConnection);
}

void SyncView::exportBundle()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export changes"),
                                                      QStringLiteral("shouwang-changes.shwb"), bundleFilter());
    if (path.isEmpty() || m_busy)
        return;
    setBusy(true);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->runExportBundle(path); }, Qt::QueuedConnection);
}

void SyncView::importAnswer()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import answer"), {}, bundleFilter());
    if (path.isEmpty() || m_busy)
        return;
    setBusy(true);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->runImportAnswer(path); }, Qt::QueuedConnection);
}

void SyncView::onStarted(const QString& what)
{
    m_result->setStyleSheet({});
    m_result->setText(what + QStringLiteral("…"));
    m_progress->setRange(0, 0);
}

void SyncView::onProgress(int done, int total, const QString& what)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    } else {
        m_progress->setRange(0, 0);
    }
    m_result->setText(what);
}

void SyncView::enrollmentFinished(const SyncOutcome& outcome)
{
    if (outcome.ok) {
        m_code->clear(); // a code serves once
        m_session.notifyChanged(); // the scope and the enrollment are new
        m_result->setStyleSheet(QStringLiteral("color: #006000;"));
        m_result->setText(tr("This computer is enrolled for %1. Click Sync now to send the ledger to the county.")
                              .arg(scopeDisplayName(m_session)));
    } else {
        m_result->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        m_result->setText(enrollmentFailureMessage(outcome.errorCode, outcome.message, m_server->text()));
    }
    emit syncFinished(outcome.ok);
}

int SyncView::autoSyncInterval() const
{
    return m_timer->interval();
}

void SyncView::onFinished(const SyncOutcome& outcome)
{
    setBusy(false);
    if (std::exchange(m_enrolling, false)) {
        enrollmentFinished(outcome);
        return;
    }
    m_failures = outcome.ok ? 0 : m_failures + 1;
    m_timer->start(kAutoSyncMs << std::min(m_failures, kMaxBackoffDoublings));
    if (outcome.ok) {
        QString text = outcome.message.isEmpty()
            ? tr("Sync finished: %1 change(s) sent, %2 received.").arg(outcome.pushed).arg(outcome.pulled)
            : outcome.message;
        if (outcome.refused)
            text += tr(" %1 change(s) were refused by the county; see the record's history.").arg(outcome.refused);
        if (outcome.conflicts)
            text += tr(" %1 conflict(s) found.").arg(outcome.conflicts);
        if (outcome.sameIdElsewhere)
            text += tr(" The county found %1 ID number(s) already registered in another village; see the list below.")
                        .arg(outcome.sameIdElsewhere);
        m_result->setStyleSheet(QStringLiteral("color: #006000;"));
        m_result->setText(text);
    } else {
        m_result->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        m_result->setText(tr("Sync did not finish: %1 Nothing was lost; the changes will be sent next time.")
                              .arg(outcome.message));
    }
    m_session.ledger().derived().forgetStandard();
    m_session.notifyChanged();
    emit syncFinished(outcome.ok);
}

} // namespace shouwang::ui
