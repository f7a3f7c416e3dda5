#include "village_lists_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_list_panel.h"
#include "volunteer_hours_view.h"

#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace shouwang::ui {

VillageListsView::VillageListsView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    const std::pair<std::string_view, std::vector<std::string>> lists[] = {
        {"volunteer",
         {schema::volunteer::name, schema::volunteer::phone, schema::volunteer::kind, schema::volunteer::skills,
          schema::volunteer::active}},
        {"liaison",
         {schema::liaison::volunteer_id, schema::liaison::elder_id, schema::liaison::start_date,
          schema::liaison::end_date, schema::liaison::notes}},
        {"pairing",
         {schema::pairing::mode, schema::pairing::helpers, schema::pairing::helped, schema::pairing::start_date,
          schema::pairing::end_date}},
        {"pairing_activity",
         {schema::pairing_activity::pairing_id, schema::pairing_activity::date, schema::pairing_activity::content}},
        {"association_activity",
         {schema::association_activity::date, schema::association_activity::title, schema::association_activity::kind,
          schema::association_activity::organiser, schema::association_activity::place,
          schema::association_activity::attendees, schema::association_activity::others_count}},
        {"facility",
         {schema::facility::name, schema::facility::type, schema::facility::operator_name, schema::facility::capacity,
          schema::facility::contact, schema::facility::phone}},
        {"service_record",
         {schema::service_record::elder_id, schema::service_record::item_id, schema::service_record::date,
          schema::service_record::provider, schema::service_record::content}},
        {"service_item",
         {schema::service_item::name, schema::service_item::category, schema::service_item::provider,
          schema::service_item::eligibility, schema::service_item::period}},
        {"campaign",
         {schema::campaign::name, schema::campaign::kind, schema::campaign::start_date, schema::campaign::end_date,
          schema::campaign::target}},
        {"risk_rule",
         {schema::risk_rule::name, schema::risk_rule::effective_from, schema::risk_rule::medium_threshold,
          schema::risk_rule::high_threshold, schema::risk_rule::visit_days_high}},
    };
    for (const auto& [entityName, columns] : lists) {
        const EntityDef& entity = *findEntity(entityName);
        auto* panel = new RecordListPanel(session, entity, columns, m_tabs);
        panel->setFixedValues({});
        // Above a village, the village's own lists are for reading.
        if (entity.scope != EntityScope::County && session.scopeKind() != Scope::Kind::Village)
            panel->setReadOnly(true);
        m_tabs->addTab(panel, label(entity));
        connect(&session, &LedgerSession::changed, panel, &RecordListPanel::reload);
    }
    // The volunteer hours cycle: the accounts above the entries they are derived from.
    m_tabs->addTab(new VolunteerHoursView(session, m_tabs), tr("Volunteer hours"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

} // namespace shouwang::ui
