#include "main_window.h"

#include "ui/sync/conflict_view.h"
#include "ui/session/day_watch.h"
#include "ui/ledger/elder_dialog.h"
#include "ui/supervision/home_view.h"
#include "ui/session/incident_delivery.h"
#include "ui/workflows/incident_queue_view.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/ledger/ledger_view.h"
#include "ui/publishing/publish_view.h"
#include "ui/workflows/referral_queue_view.h"
#include "ui/supervision/supervision_view.h"
#include "ui/sync/sync_view.h"
#include "ui/supervision/village_coverage_view.h"
#include "ui/supervision/village_lists_view.h"

#include "domain/divisions.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace shouwang::ui {
namespace {

// Where the installer put the manual (doc/ next to bin/ on Windows, share/doc on Linux),
// else the sources' docs/ for a build run from the tree; "" when there is none.
QString userManualPath()
{
    const QDir app(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {app.filePath(QStringLiteral("../doc/user-manual.md")),
                                     app.filePath(QStringLiteral("../share/doc/shouwang/user-manual.md")),
                                     QStringLiteral(SHOUWANG_DOCS_DIR "/user-manual.md")}) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(LedgerSession& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_banner(new QLabel(this))
    , m_statusInfo(new QLabel(this))
{
    setWindowTitle(tr("Shouwang — care ledger for rural left-behind elders — %1")
                       .arg(qs(divisionPath(session.scopeCode()))));
    m_nav->setFixedWidth(190);
    m_nav->setStyleSheet(QStringLiteral("QListWidget { font-size: 13pt; } QListWidget::item { padding: 10px; }"));
    createPages();
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::pageShown);
    connect(m_home, &HomeView::openElderRequested, this, &MainWindow::openElderRecord);
    connect(m_ledger, &LedgerView::openElderRequested, this, &MainWindow::openElderRecord);

    // Above every page: an incident report saved here is not yet known to the township.
    m_banner->setObjectName(QStringLiteral("pendingIncidentsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fff1d6; color: #8a3b00; border: 1px solid #e0a040; "
                                           "padding: 6px; font-size: 12pt; font-weight: bold;"));
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->addWidget(m_banner);
    auto* layout = new QHBoxLayout;
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);
    buildMenus();
    m_nav->setCurrentRow(0);
    // A permanent widget: a temporary message would be wiped by the next one (menu hints).
    statusBar()->addPermanentWidget(m_statusInfo, 1);
    connect(&session, &LedgerSession::changed, this, [this] {
        refreshBanner();
        refreshStatusInfo();
    });
    refreshBanner();
    refreshStatusInfo();
    resize(1280, 800);
    m_dayWatch = new DayWatch(session, this);
}

MainWindow::~MainWindow() = default;

void MainWindow::refreshBanner()
{
    const QString warning = pendingIncidentsWarning(m_session);
    m_banner->setText(warning);
    m_banner->setVisible(!warning.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void MainWindow::refreshStatusInfo()
{
    const std::string name = m_session.operatorName();
    m_statusInfo->setText(tr("Operator: %1    Ledger file: %2")
                              .arg(name.empty() ? tr("(not set: Settings → Operator name)") : qs(name),
                                   QDir::toNativeSeparators(m_session.path())));
}

QString MainWindow::statusInfoText() const
{
    return m_statusInfo->text();
}

void MainWindow::createPages()
{
    const Scope::Kind kind = m_session.scopeKind();
    m_home = new HomeView(m_session, this);
    m_ledger = new LedgerView(m_session, this);
    m_lists = new VillageListsView(m_session, this);
    addPage(HomePage, m_home, tr("Home"));
    if (kind == Scope::Kind::Township) {
        m_incidents = new IncidentQueueView(m_session, this);
        m_coverage = new VillageCoverageView(m_session, this);
        addPage(IncidentsPage, m_incidents, tr("Incident reports"));
        m_referrals = new ReferralQueueView(m_session, this);
        addPage(ReferralsPage, m_referrals, tr("Referrals"));
        addPage(CoveragePage, m_coverage, tr("Villages"));
    }
    addPage(LedgerPage, m_ledger, tr("Ledger"));
    if (kind == Scope::Kind::County) {
        m_publish = new PublishView(m_session, this);
        addPage(PublishPage, m_publish, tr("Publish"));
    }
    m_dashboard = new SupervisionView(m_session, this);
    addPage(DashboardPage, m_dashboard, tr("Supervision"));
    addPage(ListsPage, m_lists, tr("Volunteers, pairings, services"));
    m_conflicts = new ConflictView(m_session, this);
    addPage(ConflictsPage, m_conflicts, tr("Conflicts"));
    m_sync = new SyncView(m_session, this);
    addPage(SyncPage, m_sync, tr("Sync"));
}

void MainWindow::addPage(Page page, QWidget* widget, const QString& title)
{
    m_pages[page] = widget;
    m_order.push_back(page);
    m_nav->addItem(title);
    m_stack->addWidget(widget);
}

void MainWindow::pageShown(int row)
{
    m_stack->setCurrentIndex(row);
    // The dashboard computes when first looked at, not at every start.
    if (row >= 0 && m_order[static_cast<std::size_t>(row)] == DashboardPage && !m_dashboard->report()
        && !m_dashboard->isComputing())
        m_dashboard->compute();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    if (m_session.scopeKind() == Scope::Kind::Village) { // elders are entered by their village
        file->addAction(tr("New elder..."), this, [this] { openElderRecord({}); });
        file->addSeparator();
    }
    file->addAction(tr("Quit"), qApp, &QApplication::closeAllWindows);
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("Operator name..."), this, &MainWindow::askOperatorName);
    settings->addAction(tr("Language..."), this, &MainWindow::chooseLanguage);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("User manual"), this, &MainWindow::openUserManual);
    help->addAction(tr("About"), this, [this] {
        QMessageBox::about(this, tr("About Shouwang"),
                           tr("Shouwang %1 — the information ledger of rural left-behind elders, for village "
                              "committees. Works offline; syncs with the county when a network is available.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showPage(Page page)
{
    const auto it = std::find(m_order.begin(), m_order.end(), page);
    if (it != m_order.end())
        m_nav->setCurrentRow(static_cast<int>(it - m_order.begin()));
}

void MainWindow::openElderRecord(const QString& elderId)
{
    openElder(m_session, ss(elderId), this);
}

void MainWindow::askOperatorName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Operator name"),
                                               tr("Your name (recorded with every change you make):"),
                                               QLineEdit::Normal, qs(m_session.operatorName()), &ok);
    if (ok && !name.trimmed().isEmpty()) {
        m_session.setOperatorName(ss(name.trimmed()));
        refreshStatusInfo();
    }
}

void MainWindow::askOperatorNameIfMissing()
{
    if (m_session.operatorName().empty())
        askOperatorName();
}

void MainWindow::openUserManual()
{
    const QString path = userManualPath();
    if (path.isEmpty()) {
        QMessageBox::information(this, tr("User manual"),
                                 tr("The user manual was not installed with the program. Ask the county for "
                                    "user-manual.md (in the doc folder of the installer)."));
        return;
    }
    auto* window = new QDialog(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("User manual"));
    auto* browser = new QTextBrowser(window);
    browser->setObjectName(QStringLiteral("userManual"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
    auto* layout = new QVBoxLayout(window);
    layout->addWidget(browser);
    window->resize(900, 760);
    window->show();
}

void MainWindow::chooseLanguage()
{
    const QStringList languages = {QStringLiteral("简体中文"), QStringLiteral("English")};
    QSettings settings;
    const int current = settings.value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString() == u"en" ? 1 : 0;
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Language"), tr("Language of the program:"), languages,
                                                 current, false, &ok);
    if (!ok)
        return;
    settings.setValue(QStringLiteral("language"), choice == languages[1] ? QStringLiteral("en") : QStringLiteral("zh_CN"));
    QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start of the program."));
}

} // namespace shouwang::ui
