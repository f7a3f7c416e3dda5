#pragma once

#include "ui/forms/form_dialog.h"

#include "domain/record.h"

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;
class RecordListPanel;

// A household (家庭户): its own fields, and below them the elders who belong to it; double-
// clicking one opens the elder's record.
class HouseholdDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HouseholdDialog)

public:
    HouseholdDialog(LedgerSession& session, Record household, QWidget* parent = nullptr);

    RecordForm& form() { return *m_form; }
    RecordListPanel& elders() { return *m_elders; }
    bool save() override;
    bool isModified() const override;

private:
    RecordForm* m_form;
    RecordListPanel* m_elders;
    QLabel* m_message;
    bool m_readOnly;
};

} // namespace shouwang::ui
