#pragma once

#include "sync_worker.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;
class QTimer;

namespace shouwang::ui {

class ConflictTable;
class EnrollmentCodeDialog;
class LedgerSession;
class SameIdNotices;

// Sync (同步): the server's address and enrollment, a sync button and the automatic sync
// timer, progress, the outcome in plain Chinese, USB-stick bundles, the elders whose 身份证号
// the county found in another village, and the conflicts the county and the village must
// look at. The work runs on a SyncWorker thread.
class SyncView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncView)

public:
    explicit SyncView(LedgerSession& session, QWidget* parent = nullptr);
    ~SyncView() override;

    void syncNow();
    void enroll();
    // Registers this computer from the county's registration file (a village with no network).
    void registerFromFile(const QString& path);
    // For a county's or the city's admin: the dialog that asks the server for a one-time
    // code for another computer of a unit in this computer's scope.
    EnrollmentCodeDialog* openEnrollmentCodeDialog();
    bool isBusy() const { return m_busy; }
    QString statusText() const;
    QString resultText() const;
    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* codeEdit() const { return m_code; }
    QCheckBox* autoSyncBox() const { return m_auto; }
    // Milliseconds until the next automatic sync: 15 minutes, doubled after each failure in a
    // row up to 4 hours, so an unreachable server is not asked again and again.
    int autoSyncInterval() const;
    ConflictTable* conflictTable() const { return m_conflicts; }
    SameIdNotices* sameIdNotices() const { return m_sameId; }

signals:
    void syncFinished(bool ok);

private:
    void onStarted(const QString& what);
    void onProgress(int done, int total, const QString& what);
    void onFinished(const SyncOutcome& outcome);
    void enrollmentFinished(const SyncOutcome& outcome);
    void refresh();
    void refreshConflicts();
    void exportBundle();
    void importAnswer();
    static QString bundleFilter();
    void setBusy(bool busy);

    LedgerSession& m_session;
    QThread* m_thread;
    SyncWorker* m_worker;
    QLineEdit* m_server;
    QLabel* m_httpWarning;
    QLineEdit* m_code;
    QLabel* m_status;
    QLabel* m_result;
    QProgressBar* m_progress;
    QPushButton* m_syncButton;
    QCheckBox* m_auto;
    QTimer* m_timer;
    ConflictTable* m_conflicts;
    SameIdNotices* m_sameId;
    QPushButton* m_makeCode;
    QPointer<EnrollmentCodeDialog> m_codeDialog;
    bool m_busy = false;
    bool m_enrolling = false; // the job running is an enrollment, not a sync
    int m_failures = 0;
};

} // namespace shouwang::ui
