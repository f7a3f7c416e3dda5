#include "form_dialog.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace shouwang::ui {

namespace {

// Escape meant for an open drop-down (a list, a picker's matches, a calendar) closes that
// and returns true. FormDialog::reject() asks this first: with a pinyin input method
// the key reaches the form's box rather than the list, and must not close or discard the
// whole record.
bool closeOpenPopup()
{
    QWidget* popup = QApplication::activePopupWidget();
    if (!popup)
        return false;
    popup->close();
    return true;
}

// "You have unsaved changes" — true when the user chooses to throw them away.
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

} // namespace

FormDialog::FormDialog(LedgerSession& session, Record record, std::string_view entity, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_record(std::move(record))
{
    if (!entity.empty())
        m_record.entity = std::string(entity);
}

QDialogButtonBox* FormDialog::saveCancelButtons(QDialog* dialog, bool writable, const QString& saveText)
{
    auto* buttons = new QDialogButtonBox(dialog);
    if (writable) {
        buttons->addButton(saveText.isEmpty() ? tr("Save") : saveText, QDialogButtonBox::AcceptRole)->setDefault(true);
        buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    } else {
        buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    }
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

QLabel* FormDialog::messageLine(QWidget* parent)
{
    auto* message = new QLabel(parent);
    message->setWordWrap(true);
    message->hide();
    return message;
}

void FormDialog::accept()
{
    if (save())
        QDialog::accept();
}

void FormDialog::reject()
{
    if (closeOpenPopup())
        return;
    if (isModified() && !confirmDiscard(this))
        return;
    QDialog::reject();
}

} // namespace shouwang::ui
