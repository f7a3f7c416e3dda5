#include "form_saving.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "record_form.h"

#include <QLabel>

namespace shouwang::ui {

bool saveFromForms(LedgerSession& session, Record& record, std::initializer_list<RecordForm*> forms, QLabel* message,
                   Record* alongside)
{
    Record edited = record;
    std::vector<FieldError> unmatched;
    for (RecordForm* form : forms) {
        form->store(edited);
        for (FieldError& error : form->unmatchedErrors())
            unmatched.push_back(std::move(error));
    }
    // A sync may have merged another device's edits while the form was open: only what the
    // user changed is saved over them, each field based on what the form had loaded.
    const bool known = !record.id.empty();
    const auto current = known ? session.get(record.entity, record.id) : std::nullopt;
    const bool changedUnder = current && encodeClocks(current->clocks) != encodeClocks(record.clocks);
    SaveResult result;
    if (!unmatched.empty())
        result.errors = std::move(unmatched);
    else if (alongside)
        result = session.saveTogether(*alongside, edited);
    else
        result = session.save(edited, known ? &record : nullptr);
    if (result.ok()) {
        for (RecordForm* form : forms) {
            form->clearErrors();
            form->setModified(false);
            if (changedUnder)
                form->load(edited); // what now stands, the merged edits included
        }
        if (message) {
            message->setVisible(changedUnder);
            message->setProperty("changedUnderForm", changedUnder);
            if (changedUnder) {
                message->setText(RecordForm::tr("Saved. This record was also changed by a sync while it was open: "
                                                "the other changes are kept, shown here."));
                message->setStyleSheet(QStringLiteral("color: #805000; font-weight: bold;"));
            }
        }
        record = edited;
        return true;
    }
    int shown = 0;
    for (RecordForm* form : forms)
        shown += form->showErrors(result.errors);
    QString text = qs(result.message);
    if (text.isEmpty())
        text = RecordForm::tr("Not saved: please correct the %n field(s) marked in red.", nullptr, std::max(shown, 1));
    if (message) {
        message->setText(text);
        message->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        message->show();
    }
    return false;
}

} // namespace shouwang::ui
