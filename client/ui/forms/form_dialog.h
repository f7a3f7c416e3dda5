#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace shouwang::ui {

// What every record dialog does with Save, Cancel, Close and Escape, in one place: Save
// closes the dialog only once the record is stored; Cancel and Escape first close an open
// drop-down (closeOpenPopup), then ask before anything typed is thrown away.
class FormDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    // Stores what the forms hold; false, with the reason shown, when the core refuses.
    virtual bool save() = 0;
    // Something typed or ticked that is not saved yet.
    virtual bool isModified() const = 0;

    // Save (the default button, `saveText` when given) and Cancel; Close alone for a record
    // this computer may not change. Wired to the dialog's accept() and reject().
    static QDialogButtonBox* saveCancelButtons(QDialog* dialog, bool writable = true, const QString& saveText = {});
    // The line above a form that says why a save was refused: hidden until then.
    static QLabel* messageLine(QWidget* parent);

public slots:
    void accept() override;
    void reject() override;

protected:
    explicit FormDialog(QWidget* parent);
};

} // namespace shouwang::ui
