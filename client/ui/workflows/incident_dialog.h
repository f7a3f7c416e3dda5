#pragma once

#include "ui/forms/form_dialog.h"

#include "domain/record.h"

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// An incident report (情况报告): what happened, the emergency action taken and whom it is
// reported to; below, the status timeline (上报→受理→救助中→办结) as the township handles
// it. The handling fields are the township's: read-only on a village device.
class IncidentDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentDialog)

public:
    IncidentDialog(LedgerSession& session, Record incident, QWidget* parent = nullptr);

    RecordForm& form() { return *m_form; }
    QString timelineText() const;
    // Whether the report has reached the township (incident_delivery.h), in words.
    QString stateText() const;
    bool save() override;
    bool isModified() const override;

private:
    void updateTimeline();

    RecordForm* m_form;
    RecordForm* m_handling;
    QLabel* m_timeline;
    QLabel* m_state;
    QLabel* m_message;
};

} // namespace shouwang::ui
