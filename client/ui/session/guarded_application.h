#pragma once

#include <QApplication>
#include <QPointer>
#include <QString>

class QMessageBox;

namespace shouwang::ui {

// The client's QApplication. Every event the window handles (a click, a key, a timer, a
// queued signal) passes through notify(); a store read that throws there — the ledger file
// moved away, locked by another program, damaged — would otherwise end the program with
// everything the user had open. Here it becomes one clear message, and the program keeps
// running: the next action tries the file again. Slow work has its own guard (LedgerTask).
class GuardedApplication final : public QApplication {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedApplication)

public:
    GuardedApplication(int& argc, char** argv);
    ~GuardedApplication() override;

    bool notify(QObject* receiver, QEvent* event) override;

    // What the last failure said ("" if none yet), and how many there were.
    QString lastFailure() const { return m_lastFailure; }
    int failureCount() const { return m_failures; }

private:
    void showFailure(const QString& message);

    QString m_lastFailure;
    int m_failures = 0;
    QPointer<QMessageBox> m_box;
};

// The message shown for a failure of the ledger file, in the user's words.
QString storageFailureMessage(const std::exception& error);

} // namespace shouwang::ui
