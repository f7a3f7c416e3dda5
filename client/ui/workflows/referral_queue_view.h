#pragma once

#include "workflow_queue_view.h"
#include "workflow_step_panel.h"

namespace shouwang::ui {

// The handling of one 部门转介: 乡镇审核, 转介, the department's 受理, 办结 or 未解决.
class ReferralStepPanel final : public WorkflowStepPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralStepPanel)

public:
    explicit ReferralStepPanel(LedgerSession& session, QWidget* parent = nullptr);

protected:
    QString stepTitle(const WorkflowStep& step) const override;
    QString detail(const Record& record) const override;
};

// The township's referral queue (部门转介): the referrals its villages proposed, and its own,
// open ones first, with the panel that records the next step.
class ReferralQueueView final : public WorkflowQueueView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralQueueView)

public:
    explicit ReferralQueueView(LedgerSession& session, QWidget* parent = nullptr);

    ReferralStepPanel& steps() { return static_cast<ReferralStepPanel&>(stepPanel()); }
};

// The form that proposes a referral (or shows one): elder, department, reason, who and when.
// The steps are the township's (ReferralStepPanel); a new record starts 已提出 today.
bool editReferral(LedgerSession& session, const Record& record, QWidget* parent);

} // namespace shouwang::ui
