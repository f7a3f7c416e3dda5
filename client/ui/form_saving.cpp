#include "form_saving.h"

#include "labels.h"
#include "ledger_session.h"
#include "record_form.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

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
    SaveResult result;
    if (!unmatched.empty())
        result.errors = std::move(unmatched);
    else
        result = alongside ? session.saveTogether(*alongside, edited) : session.save(edited);
    if (result.ok()) {
        for (RecordForm* form : forms) {
            form->clearErrors();
            form->setModified(false);
        }
        if (message)
            message->hide();
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

bool closeOpenPopup()
{
    QWidget* popup = QApplication::activePopupWidget();
    if (!popup)
        return false;
    popup->close();
    return true;
}

bool confirmDiscard(QWidget* parent)
{
    QMessageBox box(QMessageBox::Question,
                    QCoreApplication::translate("shouwang::ui::RecordForm", "Unsaved changes"),
                    QCoreApplication::translate("shouwang::ui::RecordForm",
                                                "What you typed has not been saved. Close and throw it away?"),
                    QMessageBox::NoButton, parent);
    QPushButton* discard = box.addButton(QCoreApplication::translate("shouwang::ui::RecordForm", "Discard"),
                                         QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(QCoreApplication::translate("shouwang::ui::RecordForm", "Keep editing"),
                                      QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == discard;
}

} // namespace shouwang::ui
