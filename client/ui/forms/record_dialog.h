#pragma once

#include "form_dialog.h"

#include "domain/record.h"

#include <string_view>
#include <vector>

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// Any record in a form built from its schema: the dialog for the lists that need nothing
// more (supporters, agreements, volunteers, facilities...). County reference data opens
// read-only in a village.
class RecordDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordDialog)

public:
    // `record` carries the entity and whatever the caller fixes (e.g. elder_id); fields in
    // `hidden` are kept but not shown.
    RecordDialog(LedgerSession& session, Record record, std::vector<std::string_view> hidden = {},
                 QWidget* parent = nullptr);

    RecordForm& form() { return *m_form; }
    bool save() override;
    bool isModified() const override;
    QString message() const;

private:
    RecordForm* m_form;
    QLabel* m_message;
    bool m_readOnly = false;
};

} // namespace shouwang::ui
