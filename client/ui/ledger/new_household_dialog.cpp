#include "new_household_dialog.h"

#include "ui/session/labels.h"
#include "ui/forms/record_form.h"
#include "ui/forms/form_dialog.h"

#include "domain/ids.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "domain/validation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace shouwang::ui {

NewHouseholdDialog::NewHouseholdDialog(LedgerSession& session, const QString& headName, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New household"));
    m_record.entity = schema::household::entity;
    m_record.set(schema::household::head_name, ss(headName.trimmed()));
    m_form = new RecordForm(session, *findEntity(schema::household::entity), {}, {}, this);
    m_form->load(m_record);
    m_message = new QLabel(tr("The household is saved together with the elder when you click Save in the elder's "
                              "form."),
                           this);
    m_message->setWordWrap(true);
    auto* buttons = FormDialog::saveCancelButtons(this, true, tr("Create household"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    // The address is what is missing when a name was typed: start there.
    if (QWidget* address = m_form->editorWidget(m_record.has(schema::household::head_name) ? "address" : "head_name"))
        address->setFocus();
    resize(560, 360);
}

void NewHouseholdDialog::accept()
{
    Record household = m_record;
    m_form->store(household);
    const auto errors = validateRecord(*findEntity(schema::household::entity), household);
    if (!errors.empty()) {
        m_form->showErrors(errors);
        m_message->setText(tr("Fill in the fields marked in red."));
        m_message->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        return;
    }
    if (household.id.empty())
        household.id = newUuid();
    m_record = std::move(household);
    QDialog::accept();
}

} // namespace shouwang::ui
