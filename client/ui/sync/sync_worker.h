#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace shouwang::ui {

// What a finished sync job reports to the window.
struct SyncOutcome {
    bool ok = false;
    int errorCode = 0;     // SyncErrorCode (sync/sync_client.h) when !ok
    QString message;       // Chinese, from the sync client, ready to show
    int pushed = 0;
    int pulled = 0;
    int refused = 0;
    int conflicts = 0;
    int sameIdElsewhere = 0; // new notices of an ID number held in another village
};

// Runs sync, enrollment and bundle jobs on its own thread with its OWN connection to the
// ledger file, so the window never waits on the network or the disk. Reports by signals;
// every exception is caught here and becomes a message.
class SyncWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    explicit SyncWorker(QString databasePath, QObject* parent = nullptr);

    void cancel() { m_cancel = true; }

public slots:
    void runSync();
    void runEnroll(const QString& serverUrl, const QString& code, const QString& deviceName);
    // Registration from the county's file (no network): docs/protocol.md "Registration files".
    void runRegisterFile(const QString& path);
    void runExportBundle(const QString& path);
    void runImportAnswer(const QString& path);
    // A county's (or the city's) admin asks the server for a one-time enrollment code for
    // `scope` ("village:500154102200"), lasting `days`: answered by enrollmentCodeMade only,
    // as it changes nothing here.
    void runMakeEnrollmentCode(const QString& scope, int days);

signals:
    void started(const QString& what);
    void progress(int done, int total, const QString& what);
    void finished(const shouwang::ui::SyncOutcome& outcome);
    // The code and when it expires, or (code empty) why there is none, in Chinese.
    void enrollmentCodeMade(const QString& code, const QString& expiresAt, const QString& error);

private:
    template <typename Job>
    void guarded(const QString& what, Job job);

    QString m_path;
    std::atomic<bool> m_cancel{false};
};

} // namespace shouwang::ui

Q_DECLARE_METATYPE(shouwang::ui::SyncOutcome)
