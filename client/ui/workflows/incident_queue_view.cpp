#include "incident_queue_view.h"

#include "incident_dialog.h"
#include "ui/forms/record_table_model.h"

namespace shouwang::ui {

IncidentQueueView::IncidentQueueView(LedgerSession& session, QWidget* parent)
    : WorkflowQueueView(session, incidentWorkflow(),
                        {RecordTableModel::kVillageColumn, "elder_id", "type", "reported_at", "status", "accepted_at",
                         "accepted_by", "closed_at"},
                        new IncidentStepPanel(session),
                        {tr("<b>Incident reports of the villages</b>"), tr("Open reports (not yet closed)"), tr("All reports")},
                        parent)
{
    list().setReadOnly(true); // villages report; the township handles what they report
    list().setEditor([&session](QWidget* p, const Record& record) {
        IncidentDialog dialog(session, record, p);
        return dialog.exec() == QDialog::Accepted;
    });
}

} // namespace shouwang::ui
