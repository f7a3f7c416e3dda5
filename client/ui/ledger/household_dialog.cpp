#include "household_dialog.h"

#include "elder_dialog.h"
#include "ui/forms/form_saving.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"

#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace shouwang::ui {

HouseholdDialog::HouseholdDialog(LedgerSession& session, Record household, QWidget* parent)
    : FormDialog(session, std::move(household), "household", parent)
    , m_readOnly(!session.mayWrite(*findEntity(schema::household::entity)))
{
    setWindowTitle(m_record.id.empty() ? tr("New household") : tr("Household: %1").arg(recordTitle(m_record)));
    m_form = new RecordForm(session, *findEntity(schema::household::entity), {}, {}, this);
    m_form->load(m_record);
    m_form->setReadOnly(m_readOnly);
    m_message = messageLine(this);

    m_elders = new RecordListPanel(session, *findEntity(schema::elder::entity),
                                   {schema::elder::name, schema::elder::id_number, schema::elder::phone,
                                    schema::elder::living, schema::elder::status},
                                   this);
    // An elder joins a household from the elder's own record, where the household is chosen.
    m_elders->setReadOnly(true);
    m_elders->setFixedValues({{schema::elder::household_id, m_record.id.empty() ? std::string("-") : m_record.id}});
    m_elders->setEditor([&session](QWidget* p, const Record& elder) {
        openElder(session, elder.id, p);
        return true;
    });

    auto* buttons = saveCancelButtons(this, !m_readOnly);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_form);
    layout->addWidget(new QLabel(tr("<b>Elders of this household</b> (double-click to open the record)"), this));
    layout->addWidget(m_elders, 1);
    layout->addWidget(buttons);
    resize(760, 720);
}

bool HouseholdDialog::save()
{
    return !m_readOnly && saveFromForms(m_session, m_record, {m_form}, m_message);
}

bool HouseholdDialog::isModified() const
{
    return !m_readOnly && m_form->isModified();
}

} // namespace shouwang::ui
