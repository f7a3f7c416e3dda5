#pragma once

// The real county server for the GUI tests that sync: its path, its admin commands, and a
// running `serve` on 127.0.0.1 with a port the system chose. QProcess rather than
// tests/support/process.h: the GUI tests also run on Windows. The port is read the same way.

#include "../support/listening.h"

#include <QDebug>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace shouwang::test {

inline QString serverExe()
{
    const QString fromEnv = qEnvironmentVariable("SHOUWANG_SERVER");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef SHOUWANG_SERVER_EXE
    return QStringLiteral(SHOUWANG_SERVER_EXE);
#else
    return {};
#endif
}

// Runs one `shouwang-server` command to the end; returns what it printed.
inline QString runServerCommand(const QStringList& args)
{
    QProcess process;
    process.start(serverExe(), args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qWarning() << "server command failed:" << args << process.readAllStandardError();
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Starts `serve` over `db` in `server`; returns its URL, or an empty string if it did not
// come up.
inline QString startServe(QProcess& server, const QString& db)
{
    server.start(serverExe(), {QStringLiteral("--db"), db, QStringLiteral("serve"), QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0")});
    QByteArray out;
    for (int i = 0; i < 100 && server.state() != QProcess::NotRunning; ++i) {
        server.waitForReadyRead(200);
        out += server.readAllStandardOutput() + server.readAllStandardError();
        if (const std::optional<int> port = listeningPort(out.toStdString()))
            return QStringLiteral("http://127.0.0.1:%1").arg(*port);
    }
    qWarning() << "server did not start:" << out;
    return {};
}

// Whether the server the syncing tests need is there; they skip without it.
inline bool serverBuilt()
{
    return !serverExe().isEmpty() && QFile::exists(serverExe());
}

// The county server of a GUI test class: county 500154 in a temporary folder, served from
// start() (in initTestCase) until stop() — which a test may call to take the server away —
// or the end of the test class.
struct CountyServer {
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("county.db"));
    QProcess process;
    QString url;

    CountyServer() = default;
    CountyServer(const CountyServer&) = delete;
    CountyServer& operator=(const CountyServer&) = delete;
    ~CountyServer() { stop(); }

    // False when `serve` did not come up.
    bool start()
    {
        runServerCommand(
            {QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--county"), QStringLiteral("500154")});
        url = startServe(process, db);
        return !url.isEmpty();
    }

    // True once `serve` has ended.
    bool stop()
    {
        if (process.state() == QProcess::NotRunning)
            return true;
#ifdef Q_OS_WIN
        // terminate() asks a program's windows to close, and the console server has none.
        process.kill();
#else
        process.terminate();
#endif
        return process.waitForFinished(10000);
    }

    // A new enrollment code for `scope` ("village:500154001200"); empty if none was printed.
    QString enrollmentCode(const QString& scope) const
    {
        const QStringList out
            = runServerCommand({QStringLiteral("--db"), db, QStringLiteral("enroll"), QStringLiteral("--scope"), scope})
                  .split(u'\n', Qt::SkipEmptyParts);
        return out.isEmpty() ? QString() : out.last().trimmed();
    }
};

} // namespace shouwang::test
