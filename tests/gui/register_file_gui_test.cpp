// Registration from the county's file on the sync page (从文件登记): a village with no
// network. The real `shouwang-server` writes the file; no server process is started.

#include "gui_fixture.h"
#include "server_process.h"

#include "ui/sync/sync_view.h"

#include "store/ledger.h"
#include "store/meta.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

class RegisterFileGuiTest final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_serverDb;

private slots:
    void initTestCase()
    {
        if (test::serverExe().isEmpty() || !QFile::exists(test::serverExe()))
            QSKIP("shouwang-server is not built (configure with SHOUWANG_BUILD_SERVER=ON or set SHOUWANG_SERVER)");
        m_serverDb = m_dir.filePath(QStringLiteral("county.db"));
        test::runServerCommand({QStringLiteral("--db"), m_serverDb, QStringLiteral("init"), QStringLiteral("--county"),
                                QStringLiteral("500154")});
    }

    void aLaptopRegistersFromTheCountysFile_keepingWhatWasTypedBefore()
    {
        const QString file = m_dir.filePath(QStringLiteral("village.shwr"));
        test::runServerCommand({QStringLiteral("--db"), m_serverDb, QStringLiteral("enroll"), QStringLiteral("--scope"),
                                QStringLiteral("village:500154001200"), QStringLiteral("--file"), file});
        QVERIFY(QFile::exists(file));

        test::GuiLedger ledger;
        ledger.addElder("登记前老人", "19420505", "alone");
        const std::size_t pending = ledger.session->ledger().changeLog().pendingCount();
        QVERIFY(pending > 0);
        const std::string before = ledger.session->ledger().deviceId();

        SyncView view(*ledger.session);
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("registerFromFile")));
        QVERIFY(!view.statusText().contains(QStringLiteral("川心村")));

        // A file that is not a registration is refused with a reason, and nothing changes.
        const QString notRegistration = m_dir.filePath(QStringLiteral("not.shwr"));
        {
            QFile bad(notRegistration);
            QVERIFY(bad.open(QIODevice::WriteOnly));
            bad.write("PK\x03\x04 something else");
        }
        {
            QSignalSpy finished(&view, &SyncView::syncFinished);
            view.registerFromFile(notRegistration);
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().first().toBool(), false);
            QVERIFY2(view.resultText().contains(QStringLiteral("登记文件")), qPrintable(view.resultText()));
            QVERIFY(ledger.session->ledger().meta().value(meta::kToken).empty());
        }

        QSignalSpy finished(&view, &SyncView::syncFinished);
        view.registerFromFile(file);
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view.resultText()));
        QVERIFY2(view.statusText().contains(QStringLiteral("川心村")), qPrintable(view.statusText()));
        Ledger& registered = ledger.session->ledger();
        QVERIFY(!registered.meta().value(meta::kToken).empty());
        QVERIFY(!registered.meta().value(meta::kCountyKey).empty());
        // The id the county assigned (the window's ledger takes it up at its next save).
        const std::string assigned = registered.meta().value(meta::kDeviceId);
        QVERIFY(assigned != before);
        QCOMPARE(registered.changeLog().pendingCount(), pending);
        const QString devices = test::runServerCommand({QStringLiteral("--db"), m_serverDb, QStringLiteral("devices")});
        QVERIFY2(devices.contains(QString::fromStdString(assigned)), qPrintable(devices));
        ledger.addElder("登记后老人", "19430606", "spouse");
        QCOMPARE(registered.deviceId(), assigned);

        // "Sync now" with no server says what to do instead of failing on an empty address.
        QSignalSpy none(&view, &SyncView::syncFinished);
        view.syncNow();
        QVERIFY(!view.isBusy());
        QCOMPARE(none.count(), 0);
        QVERIFY2(view.resultText().contains(QStringLiteral("USB")) || view.resultText().contains(QStringLiteral("U 盘")),
                 qPrintable(view.resultText()));
        QCOMPARE(registered.changeLog().pendingCount(), pending + 1);
    }
};

QTEST_MAIN(RegisterFileGuiTest)
#include "register_file_gui_test.moc"
