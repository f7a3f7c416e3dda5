#include "incident_queue_view.h"

#include "domain/schema_names.h"
#include "incident_dialog.h"
#include "ui/forms/record_table_model.h"

namespace shouwang::ui {

IncidentQueueView::IncidentQueueView(LedgerSession& session, QWidget* parent)
    : WorkflowQueueView(
        session, incidentWorkflow(),
        {RecordTableModel::kVillageColumn, schema::incident::elder_id, schema::incident::type,
         schema::incident::reported_at, schema::incident::status, schema::incident::accepted_at,
         schema::incident::accepted_by, schema::incident::closed_at},
        new IncidentStepPanel(session),
        {tr("<b>Incident reports of the villages</b>"), tr("Open reports (not yet closed)"), tr("All reports")}, parent)
{
    list().setReadOnly(true); // villages report; the township handles what they report
    list().setEditor([&session](QWidget* p, const Record& record) {
        IncidentDialog dialog(session, record, p);
        return dialog.exec() == QDialog::Accepted;
    });
}

} // namespace shouwang::ui
