#pragma once

#include "domain/record.h"

#include <QDialog>

#include <string_view>

class QDialogButtonBox;
class QLabel;

namespace shouwang::ui {

class LedgerSession;

// What every record dialog does with Save, Cancel, Close and Escape, in one place: Save
// closes the dialog only once the record is stored; Cancel and Escape first close an open
// drop-down (closeOpenPopup), then ask before anything typed is thrown away. It holds the
// record the dialog edits and the session it is saved through.
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

    // The record as the dialog holds it: once saved, as stored (with its id).
    const Record& record() const { return m_record; }

protected:
    // Edits `record` (a new one holds only what the caller filled in), given `entity` unless
    // that is empty.
    FormDialog(LedgerSession& session, Record record, std::string_view entity, QWidget* parent);

    LedgerSession& m_session;
    Record m_record;
};

} // namespace shouwang::ui
