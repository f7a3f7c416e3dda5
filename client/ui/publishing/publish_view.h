#pragma once

#include <QWidget>

class QTabWidget;

namespace shouwang::ui {

class LedgerSession;
class RecordListPanel;
class RiskStandardEditor;

// What the county publishes to every village (发布): the service catalogue (关爱服务清单),
// the visit campaigns (春节, 重阳节, 防火, 极端天气 — period and target group), the
// risk-level standard with the visit schedule, and each township's emergency phone. Each is
// a county record (village code = the county's 6 digits) that reaches every village by sync
// and is read-only there.
class PublishView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishView)

public:
    explicit PublishView(LedgerSession& session, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    RecordListPanel& services() { return *m_services; }
    RecordListPanel& campaigns() { return *m_campaigns; }
    RiskStandardEditor& standard() { return *m_standard; }
    RecordListPanel& townshipPhones() { return *m_townshipPhones; }

private:
    QTabWidget* m_tabs;
    RecordListPanel* m_services;
    RecordListPanel* m_campaigns;
    RiskStandardEditor* m_standard;
    RecordListPanel* m_townshipPhones;
};

} // namespace shouwang::ui
