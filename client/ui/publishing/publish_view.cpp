#include "publish_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_list_panel.h"
#include "ui/care/risk_standard_editor.h"

#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace shouwang::ui {

PublishView::PublishView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_services(new RecordListPanel(session, *findEntity(schema::service_item::entity),
                                     {schema::service_item::name, schema::service_item::category,
                                      schema::service_item::provider, schema::service_item::eligibility,
                                      schema::service_item::period},
                                     this))
    , m_campaigns(new RecordListPanel(session, *findEntity(schema::campaign::entity),
                                      {schema::campaign::name, schema::campaign::kind, schema::campaign::start_date,
                                       schema::campaign::end_date, schema::campaign::target, schema::campaign::notes},
                                      this))
    , m_standard(new RiskStandardEditor(session, this))
    , m_townshipPhones(new RecordListPanel(
          session, *findEntity(schema::township_contact::entity),
          {schema::township_contact::township_code, schema::township_contact::phone, schema::township_contact::notes},
          this))
{
    for (RecordListPanel* panel : {m_services, m_campaigns, m_townshipPhones}) {
        panel->setFixedValues({});
        connect(&session, &LedgerSession::changed, panel, &RecordListPanel::reload);
    }
    m_tabs->addTab(m_services, label(*findEntity(schema::service_item::entity)));
    m_tabs->addTab(m_campaigns, label(*findEntity(schema::campaign::entity)));
    m_tabs->addTab(m_standard, tr("Risk standard and visit schedule"));
    // Shown to a village while an incident report waits to be sent (incident_delivery.h).
    m_tabs->addTab(m_townshipPhones, label(*findEntity(schema::township_contact::entity)));
    auto* intro = new QLabel(tr("What is published here reaches every village of the county at its next sync, "
                                "where it is read-only."),
                             this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
}

} // namespace shouwang::ui
