#pragma once

// The real county server for the GUI tests that sync: its path, its admin commands, and a
// running `serve` on 127.0.0.1 with a port the system chose.

#include <QDebug>
#include <QProcess>
#include <QRegularExpression>
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
    const QRegularExpression listening(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)"));
    QString out;
    for (int i = 0; i < 100 && server.state() != QProcess::NotRunning; ++i) {
        server.waitForReadyRead(200);
        out += QString::fromUtf8(server.readAllStandardOutput() + server.readAllStandardError());
        const auto match = listening.match(out);
        if (match.hasMatch())
            return QStringLiteral("http://") + match.captured(1);
    }
    qWarning() << "server did not start:" << out;
    return {};
}

} // namespace shouwang::test
