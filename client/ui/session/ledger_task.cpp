#include "ledger_task.h"

#include "ledger_session.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <exception>

namespace shouwang::ui {

LedgerTask* LedgerTask::start(const QString& databasePath, Job job)
{
    auto* task = new LedgerTask;
    task->m_thread = QThread::create([task, databasePath, job = std::move(job)] { task->run(databasePath, job); });
    // Queued behind finished(): receivers see the outcome before the task goes away.
    connect(task->m_thread, &QThread::finished, task, &QObject::deleteLater);
    // Started from the event loop, once the caller has connected to progress() and
    // finished(): a quick job would otherwise finish before anyone listens.
    QMetaObject::invokeMethod(task, [task] { task->m_thread->start(); }, Qt::QueuedConnection);
    return task;
}

LedgerTask::~LedgerTask()
{
    m_thread->wait();
    delete m_thread;
}

void LedgerTask::run(const QString& databasePath, const Job& job)
{
    bool ok = false;
    QString message;
    try {
        LedgerSession own(databasePath);
        message = job(own, *this);
        ok = message.isEmpty();
    } catch (const std::exception& e) {
        message = tr("The work could not be finished: %1").arg(QString::fromUtf8(e.what()));
    } catch (...) {
        message = tr("Unexpected failure.");
    }
    emit finished(ok, message);
}

QString runWithProgress(const QString& databasePath, const QString& label, LedgerTask::Job job, QWidget* parent)
{
    QProgressDialog dialog(label, QString(), 0, 0, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setCancelButton(nullptr);
    dialog.setValue(0);
    QEventLoop loop;
    QString outcome;
    LedgerTask* task = LedgerTask::start(databasePath, std::move(job));
    QObject::connect(task, &LedgerTask::progress, &dialog, [&dialog](int done, int total) {
        dialog.setMaximum(total);
        dialog.setValue(total > 0 ? done : 0);
    });
    QObject::connect(task, &LedgerTask::finished, &loop, [&loop, &outcome](bool, const QString& message) {
        outcome = message;
        loop.quit();
    });
    loop.exec();
    return outcome;
}

} // namespace shouwang::ui
