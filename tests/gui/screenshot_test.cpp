// The hidden --screenshot option (tools/screenshots.sh) takes its pictures from a copy: the
// ledger it is pointed at — perhaps a user's own — is not changed, not even by the made-up
// conflict the conflict screen's picture needs.

#include "gui_fixture.h"

#include "store/conflict_queue.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace shouwang;

namespace {

QString clientExe()
{
#ifdef SHOUWANG_CLIENT_EXE
    return QStringLiteral(SHOUWANG_CLIENT_EXE);
#else
    return {};
#endif
}

QByteArray hashOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class ScreenshotTest final : public QObject {
    Q_OBJECT

private slots:
    void screenshotsLeaveTheLedgerTheyAreGivenUnchanged()
    {
        if (clientExe().isEmpty() || !QFile::exists(clientExe()))
            QSKIP("shouwang-client is not built");
        QString path;
        std::size_t pending = 0;
        {
            test::GuiLedger ledger;
            ledger.dir.setAutoRemove(false);
            ledger.addElder("王奶奶", "19450101", "alone");
            path = ledger.path();
            pending = ledger.session->ledger().changeLog().pendingCount();
        }
        const QByteArray before = hashOf(path);
        QVERIFY(!before.isEmpty());

        QTemporaryDir work;
        QProcess client;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), work.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), work.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        client.setProcessEnvironment(env);
        const QString shots = work.filePath(QStringLiteral("shots"));
        // The platform named on the command line too: wine does not pass QT_* variables on.
        client.start(clientExe(),
                     {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--db"), path,
                      QStringLiteral("--demo"), QStringLiteral("500154001200"), QStringLiteral("--lang"),
                      QStringLiteral("zh_CN"), QStringLiteral("--screenshot"), shots});
        QVERIFY(client.waitForFinished(240000));
        QVERIFY2(client.exitCode() == 0, client.readAllStandardError().constData());
        QVERIFY(QFile::exists(QDir(shots).filePath(QStringLiteral("conflicts.png"))));

        QCOMPARE(hashOf(path), before); // not a byte changed
        auto session = std::make_unique<ui::LedgerSession>(path);
        QCOMPARE(ConflictQueue(session->database()).openCount(), std::size_t(0));
        QCOMPARE(session->ledger().changeLog().pendingCount(), pending);
        session.reset();
        QDir(QFileInfo(path).absolutePath()).removeRecursively();
    }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
