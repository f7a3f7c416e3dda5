#pragma once

#include <QObject>

class QTimer;

namespace shouwang::ui {

class LedgerSession;

// The ledger's derived columns (visit and assessment due dates, flags, risk levels) follow
// the calendar: a county standard or visit schedule dated today takes effect today. At
// start-up, and whenever the date has moved on while the window is open, every elder's
// columns are computed again (DerivedColumns::refreshForToday) on a worker with its own
// connection, and the views refresh.
class DayWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayWatch)

public:
    // Checks once the event loop runs, then every minute.
    explicit DayWatch(LedgerSession& session, QObject* parent = nullptr);
    ~DayWatch() override;

    // Starts a refresh unless the columns are of today already or one is under way.
    void check();
    bool isRefreshing() const { return m_refreshing; }

signals:
    // A refresh ended; when it failed (the file locked, say), the next check tries again.
    void refreshed(bool ok);

private:
    LedgerSession& m_session;
    QTimer* m_timer;
    bool m_refreshing = false;
};

} // namespace shouwang::ui
