#pragma once

#include "domain/record.h"

#include <QDialog>

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// "新建家庭户" from inside the elder's form: the household's own fields, checked but not
// saved here — the elder's Save stores the household and the elder together, so a clerk
// adds an elder with a new household in one form, and nothing typed is lost.
class NewHouseholdDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewHouseholdDialog)

public:
    // `headName`: what was typed into 所属家庭, as the head of household's name.
    NewHouseholdDialog(LedgerSession& session, const QString& headName, QWidget* parent = nullptr);

    RecordForm& form() { return *m_form; }
    // The household to save (with its id already made), once accepted.
    const Record& household() const { return m_record; }

public slots:
    void accept() override;

private:
    Record m_record;
    RecordForm* m_form;
    QLabel* m_message;
};

} // namespace shouwang::ui
