#pragma once

// The real county server for the GUI tests that sync: its path, its admin commands, and a
// running `serve` on 127.0.0.1 with a port the system chose. QProcess rather than
// tests/support/process.h: the GUI tests also run on Windows. The port is read the same way.

#include "../support/listening.h"

#include <QDebug>
#include <QProcess>
#include <QString>
#include <QStringList>

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

} // namespace shouwang::test
