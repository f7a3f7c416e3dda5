#pragma once

#include <QWidget>

class QTabWidget;

namespace shouwang::ui {

class LedgerSession;

// The village's other lists, one tab each: volunteers and liaison assignments, mutual-aid
// pairings and their activities, 老年协会 activities, facilities, service records, and the
// county's service catalogue, campaigns and risk standard (read-only in a village); last,
// the volunteer hours accounts with their entries (VolunteerHoursView).
class VillageListsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VillageListsView)

public:
    explicit VillageListsView(LedgerSession& session, QWidget* parent = nullptr);
    QTabWidget* tabs() const { return m_tabs; }

private:
    QTabWidget* m_tabs;
};

} // namespace shouwang::ui
