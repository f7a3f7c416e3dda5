#include "main_window.h"

#include "elder_dialog.h"
#include "home_view.h"
#include "labels.h"
#include "ledger_session.h"
#include "ledger_view.h"
#include "sync_view.h"
#include "village_lists_view.h"

#include "domain/divisions.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace shouwang::ui {

MainWindow::MainWindow(LedgerSession& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_home(new HomeView(session, this))
    , m_ledger(new LedgerView(session, this))
    , m_lists(new VillageListsView(session, this))
    , m_sync(new SyncView(session, this))
{
    setWindowTitle(tr("Shouwang — care ledger for rural left-behind elders — %1")
                       .arg(qs(divisionPath(session.scopeCode()))));
    for (const QString& name : {tr("Home"), tr("Ledger"), tr("Volunteers, pairings, services"), tr("Sync")})
        m_nav->addItem(name);
    m_nav->setFixedWidth(190);
    m_nav->setStyleSheet(QStringLiteral("QListWidget { font-size: 13pt; } QListWidget::item { padding: 10px; }"));
    for (QWidget* page : std::initializer_list<QWidget*>{m_home, m_ledger, m_lists, m_sync})
        m_stack->addWidget(page);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_home, &HomeView::openElderRequested, this, &MainWindow::openElderRecord);
    connect(m_ledger, &LedgerView::openElderRequested, this, &MainWindow::openElderRecord);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    buildMenus();
    m_nav->setCurrentRow(HomePage);
    statusBar()->showMessage(tr("Operator: %1    Ledger file: %2")
                                 .arg(qs(session.operatorName()), session.path()));
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("New elder..."), this, [this] { openElderRecord({}); });
    file->addSeparator();
    file->addAction(tr("Quit"), qApp, &QApplication::closeAllWindows);
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("Operator name..."), this, &MainWindow::askOperatorName);
    settings->addAction(tr("Language..."), this, &MainWindow::chooseLanguage);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About"), this, [this] {
        QMessageBox::about(this, tr("About Shouwang"),
                           tr("Shouwang %1 — the information ledger of rural left-behind elders, for village "
                              "committees. Works offline; syncs with the county when a network is available.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(page);
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
    if (ok && !name.trimmed().isEmpty())
        m_session.setOperatorName(ss(name.trimmed()));
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
