#include "village_lists_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_list_panel.h"
#include "volunteer_hours_view.h"

#include "domain/schema.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace shouwang::ui {

VillageListsView::VillageListsView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    const std::pair<std::string_view, std::vector<std::string>> lists[] = {
        {"volunteer", {"name", "phone", "kind", "skills", "active"}},
        {"liaison", {"volunteer_id", "elder_id", "start_date", "end_date", "notes"}},
        {"pairing", {"mode", "helpers", "helped", "start_date", "end_date"}},
        {"pairing_activity", {"pairing_id", "date", "content"}},
        {"association_activity", {"date", "title", "kind", "organiser", "place", "attendees", "others_count"}},
        {"facility", {"name", "type", "operator_name", "capacity", "contact", "phone"}},
        {"service_record", {"elder_id", "item_id", "date", "provider", "content"}},
        {"service_item", {"name", "category", "provider", "eligibility", "period"}},
        {"campaign", {"name", "kind", "start_date", "end_date", "target"}},
        {"risk_rule", {"name", "effective_from", "medium_threshold", "high_threshold", "visit_days_high"}},
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
