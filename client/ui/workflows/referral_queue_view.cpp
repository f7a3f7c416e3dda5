#include "referral_queue_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_table_model.h"

#include "domain/date.h"
#include "domain/referral_workflow.h"
#include "domain/schema_names.h"

namespace shouwang::ui {

namespace st = referral_status;

ReferralStepPanel::ReferralStepPanel(LedgerSession& session, QWidget* parent)
    : WorkflowStepPanel(session, referralWorkflow(), parent)
{
    addSteps();
}

QString ReferralStepPanel::stepTitle(const WorkflowStep& step) const
{
    if (step.status == st::kReviewed)
        return tr("Township review (乡镇审核)");
    if (step.status == st::kReferred)
        return tr("Refer to the department (转介)");
    if (step.status == st::kAccepted)
        return tr("Department accepted (受理)");
    if (step.status == st::kClosed)
        return tr("Closed (办结)");
    return tr("Ended unresolved (未解决)");
}

QString ReferralStepPanel::detail(const Record& record) const
{
    return tr("to %1: %2")
        .arg(enumLabel("referral_department", record.value(schema::referral::department)),
             qs(record.value(schema::referral::reason)));
}

ReferralQueueView::ReferralQueueView(LedgerSession& session, QWidget* parent)
    : WorkflowQueueView(
        session, referralWorkflow(),
        {RecordTableModel::kVillageColumn, schema::referral::elder_id, schema::referral::department,
         schema::referral::proposed_on, schema::referral::status, schema::referral::referred_on,
         schema::referral::accepted_on, schema::referral::closed_on},
        new ReferralStepPanel(session),
        {tr("<b>Referrals to departments</b>"), tr("Open referrals (not yet ended)"), tr("All referrals")}, parent)
{
    list().setEditor([&session](QWidget* p, const Record& record) { return editReferral(session, record, p); });
}

bool editReferral(LedgerSession& session, const Record& record, QWidget* parent)
{
    Record r = record;
    if (r.id.empty()) {
        r.set(schema::referral::status, std::string(st::kProposed));
        r.set(schema::referral::proposed_on, formatDate(today()));
        if (!r.has(schema::referral::proposed_by))
            r.set(schema::referral::proposed_by, session.operatorName());
    }
    // The steps and their dates are recorded in the township's queue, through the workflow.
    std::vector<std::string_view> hidden{schema::referral::status};
    for (const WorkflowStep& step : referralWorkflow().steps) {
        for (std::string_view field : {step.time, step.handler, step.note}) {
            if (!field.empty())
                hidden.push_back(field);
        }
    }
    if (r.has(schema::referral::elder_id) && record.id.empty() && !record.value(schema::referral::elder_id).empty())
        hidden.push_back(schema::referral::elder_id);
    RecordDialog dialog(session, r, hidden, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace shouwang::ui
