#include "publish_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_list_panel.h"
#include "ui/care/risk_standard_editor.h"

#include "domain/schema.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace shouwang::ui {

PublishView::PublishView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_services(new RecordListPanel(session, *findEntity("service_item"),
                                     {"name", "category", "provider", "eligibility", "period"}, this))
    , m_campaigns(new RecordListPanel(session, *findEntity("campaign"),
                                      {"name", "kind", "start_date", "end_date", "target", "notes"}, this))
    , m_standard(new RiskStandardEditor(session, this))
    , m_townshipPhones(new RecordListPanel(session, *findEntity("township_contact"), {"township_code", "phone", "notes"},
                                           this))
{
    for (RecordListPanel* panel : {m_services, m_campaigns, m_townshipPhones}) {
        panel->setFixedValues({});
        connect(&session, &LedgerSession::changed, panel, &RecordListPanel::reload);
    }
    m_tabs->addTab(m_services, label(*findEntity("service_item")));
    m_tabs->addTab(m_campaigns, label(*findEntity("campaign")));
    m_tabs->addTab(m_standard, tr("Risk standard and visit schedule"));
    // Shown to a village while an incident report waits to be sent (incident_delivery.h).
    m_tabs->addTab(m_townshipPhones, label(*findEntity("township_contact")));
    auto* intro = new QLabel(tr("What is published here reaches every village of the county at its next sync, "
                                "where it is read-only."),
                             this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
}

} // namespace shouwang::ui
