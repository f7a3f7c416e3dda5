// A ledger file that goes away while the window is open: what the window was doing fails
// with one clear message, the program keeps running, and once the file is back the next
// action works. Run with the client's own application object (GuardedApplication), which
// is where the window's events pass.

#include "failing_vfs.h"
#include "gui_fixture.h"

#include "ui/session/day_watch.h"
#include "ui/ledger/elder_table_model.h"
#include "ui/session/guarded_application.h"
#include "ui/supervision/home_view.h"
#include "ui/ledger/ledger_view.h"
#include "ui/window/main_window.h"

#include <QMessageBox>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// Runs `action` from the event loop, as a click or a timer would.
void fromTheEventLoop(std::function<void()> action)
{
    bool done = false;
    QTimer::singleShot(0, qApp, [&] {
        done = true;
        action();
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QTest::qWait(50);
}

QMessageBox* failureBox()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == u"storageFailure" && widget->isVisible())
            return qobject_cast<QMessageBox*>(widget);
    }
    return nullptr;
}

} // namespace

class StorageFailureTest final : public QObject {
    Q_OBJECT

private slots:
    void aLedgerFileThatGoesAwayGivesAClearMessage_andTheProgramKeepsRunning()
    {
        auto* app = static_cast<GuardedApplication*>(qApp);
        test::GuiLedger ledger;
        ledger.addElder("王奶奶", "19450101", "alone");
        MainWindow window(*ledger.session);
        window.show();
        QSignalSpy ready(window.dayWatch(), &DayWatch::refreshed);
        ready.wait(10000); // let the start-up refresh finish first
        QCOMPARE(window.ledger()->model().rowCount(), 1);
        const int before = app->failureCount();

        test::FailingVfs::failing = true;
        fromTheEventLoop([&] { ledger.session->notifyChanged(); }); // every view reads the file
        test::FailingVfs::failing = false;

        QVERIFY(app->failureCount() > before);
        QMessageBox* box = failureBox();
        QVERIFY2(box, "no message was shown");
        QVERIFY2(box->text().contains(QStringLiteral("could not be read")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("I/O")), qPrintable(box->text())); // what SQLite said
        box->close();

        // The file is back: the window was not lost, and the next action reads it again.
        const int after = app->failureCount();
        ledger.addElder("李爷爷", "19460202", "spouse");
        fromTheEventLoop([&] { ledger.session->notifyChanged(); });
        QCOMPARE(app->failureCount(), after);
        QTRY_COMPARE(window.ledger()->model().rowCount(), 2);
        QVERIFY(window.isVisible());
    }
};

int main(int argc, char** argv)
{
    shouwang::test::FailingVfs::instance(); // before any connection opens
    GuardedApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    StorageFailureTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "storage_failure_test.moc"
