#pragma once

#include "ui/forms/form_dialog.h"

#include "domain/record.h"

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// Recording a visit (探访), made for speed: everything defaults to the usual answer (today,
// 上门探访, 正常, the operator as visitor), the next planned visit follows the county's
// schedule for this elder, and Ctrl+Enter saves.
class VisitDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VisitDialog)

public:
    // `visit` holds elder_id (and, when editing, the stored visit).
    VisitDialog(LedgerSession& session, Record visit, QWidget* parent = nullptr);

    bool save() override;
    bool isModified() const override;
    RecordForm& form() { return *m_form; }

private:
    void fillDefaults();
    void updateNextDue();

    Record m_elder;
    int m_intervalDays = 30;
    RecordForm* m_form;
    QLabel* m_message;
};

// Opens the dialog for a new visit to one elder; true when saved.
bool recordVisit(LedgerSession& session, const std::string& elderId, QWidget* parent);

} // namespace shouwang::ui
