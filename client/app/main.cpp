// 守望 — the village client. Everything but the start-up lives in shouwang::ui.

#include "running_mark.h"

#include "ui/session/app_translations.h"
#include "ui/sync/first_run_dialog.h"
#include "ui/session/guarded_application.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/window/main_window.h"
#include "ui/sync/sync_view.h"

#include "store/database.h"
#include "store/meta.h"

#include <QApplication>
#include <QDebug>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

using namespace shouwang::ui;

namespace {

QString defaultDatabasePath()
{
    // The user's data folder survives reinstalls and upgrades; the install folder does not.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("ledger.db"));
}

// First start: choose the village and how to begin. False when the user quits.
bool setUp(LedgerSession& session, const QString& demoScope, std::unique_ptr<FirstRunDialog>& enrollment)
{
    if (!demoScope.isEmpty()) {
        if (!session.setScope(ss(demoScope))) {
            qCritical().noquote() << "demo scope: not a county, township or village code:" << demoScope;
            return false;
        }
        if (session.operatorName().empty())
            session.setOperatorName("张文书");
        const QString error = createDemo(session, ss(demoScope), 300, nullptr);
        if (!error.isEmpty())
            qCritical().noquote() << "demo village:" << error; // scripted use: no dialog to wait on
        return error.isEmpty();
    }
    auto dialog = std::make_unique<FirstRunDialog>();
    if (dialog->exec() != QDialog::Accepted)
        return false;
    session.setScope(dialog->scopeCode());
    session.setOperatorName(ss(dialog->operatorName()));
    if (dialog->start() == FirstRunDialog::Start::Demo) {
        const QString error = createDemo(session, dialog->scopeCode(), 300, nullptr);
        if (!error.isEmpty())
            QMessageBox::warning(nullptr, dialog->windowTitle(), error);
    } else if (dialog->start() == FirstRunDialog::Start::Enroll) {
        enrollment = std::move(dialog);
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    GuardedApplication app(argc, argv);
    markClientRunning();
    QApplication::setOrganizationName(QStringLiteral("Shouwang"));
    QApplication::setApplicationName(QStringLiteral("shouwang"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shouwang village client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Ledger file to open."), QStringLiteral("FILE"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Sync server address."),
                                          QStringLiteral("URL"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("zh_CN or en."), QStringLiteral("LANG"));
    const QCommandLineOption demoOption(
        QStringList{QStringLiteral("demo"), QStringLiteral("demo-village")},
        QStringLiteral("On a new ledger, create a demo of this village (12 digits), township (9) or county (6)."),
        QStringLiteral("CODE"));
    QCommandLineOption shotOption(QStringLiteral("screenshot"), QStringLiteral("Save screenshots to DIR and quit."),
                                  QStringLiteral("DIR"));
    shotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For scripts (the Windows test under wine, tools/windows/client-wine-test.sh): open on the
    // sync page and sync once, as the "Sync now" button does.
    QCommandLineOption syncOption(QStringLiteral("sync"), QStringLiteral("Sync once at start."));
    syncOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({dbOption, serverOption, langOption, demoOption, shotOption, syncOption});
    parser.process(app);

    const QString language = parser.isSet(langOption)
        ? parser.value(langOption)
        : QSettings().value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString();
    installTranslations(app, language);

    QString path = parser.isSet(dbOption) ? parser.value(dbOption) : defaultDatabasePath();
    QTemporaryDir shotDir;
    std::unique_ptr<LedgerSession> session;
    try {
        if (parser.isSet(shotOption))
            path = screenshotLedgerCopy(path, shotDir.path());
        session = std::make_unique<LedgerSession>(path);
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QObject::tr("Shouwang"),
                              QObject::tr("The ledger file could not be opened: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
    if (parser.isSet(serverOption))
        session->ledger().meta().set(shouwang::meta::kServerUrl, ss(parser.value(serverOption)));
    std::unique_ptr<FirstRunDialog> enrollment;
    if (!session->isConfigured() && !setUp(*session, parser.value(demoOption), enrollment))
        return 0;

    // Outside the event loop, so GuardedApplication cannot catch a failure here.
    std::unique_ptr<MainWindow> created;
    try {
        created = std::make_unique<MainWindow>(*session);
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QObject::tr("Shouwang"), storageFailureMessage(e));
        return 1;
    }
    MainWindow& window = *created;
    window.show();
    if (!parser.isSet(shotOption) && !parser.isSet(syncOption))   // scripted runs: no dialog to wait on
        window.askOperatorNameIfMissing();
    if (enrollment) {
        window.sync()->serverEdit()->setText(enrollment->serverUrl());
        window.sync()->codeEdit()->setText(enrollment->enrollmentCode());
        window.showPage(MainWindow::SyncPage);
        window.sync()->enroll();
    }
    if (parser.isSet(syncOption) && !enrollment) {
        window.showPage(MainWindow::SyncPage);
        window.sync()->syncNow();
    }
    if (parser.isSet(shotOption)) {
        // The ledger is a copy in a temporary folder (screenshotLedgerCopy): the made-up
        // conflict and anything else the pictures need never reach the user's file.
        const bool demo = parser.isSet(demoOption);
        QTimer::singleShot(200, &window, [&window, demo, dir = parser.value(shotOption)] {
            QApplication::exit(window.saveScreenshots(dir, demo) ? 0 : 2);
        });
    }
    return QApplication::exec();
}
