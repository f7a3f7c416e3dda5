#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QThread;
class QWidget;

namespace shouwang::ui {

class LedgerSession;

// Slow work on the ledger file — demo generation, CSV import and export, PDF and report
// writing, the supervision figures — on its own thread with its OWN connection to the file
// (a second LedgerSession opened there), so the window keeps painting and answering. Progress
// and the outcome arrive by signals; an exception becomes the message, never a crash.
class LedgerTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerTask)

public:
    // Runs on the worker thread over `own`. Returns "" on success, else the message to show.
    using Job = std::function<QString(LedgerSession& own, LedgerTask& task)>;

    // Starts the job as soon as the event loop runs, so the caller connects first. The task
    // deletes itself after finished() has been delivered.
    static LedgerTask* start(const QString& databasePath, Job job);
    ~LedgerTask() override;

    // Called by the job, on the worker thread: a total of 0 means "busy, no measure".
    void setProgress(int done, int total) { emit progress(done, total); }

signals:
    void progress(int done, int total);
    void finished(bool ok, const QString& message);

private:
    LedgerTask() = default;
    void run(const QString& databasePath, const Job& job);

    QThread* m_thread = nullptr;
};

// Runs `job` while a progress dialog shows `label` over `parent`; the window keeps painting
// (a local event loop) but takes no input, so nothing else edits the ledger meanwhile.
// Returns "" or the message of the failure.
QString runWithProgress(const QString& databasePath, const QString& label, LedgerTask::Job job, QWidget* parent);

} // namespace shouwang::ui
