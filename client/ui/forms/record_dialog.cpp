#include "record_dialog.h"

#include "form_saving.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "record_form.h"

#include "domain/schema.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace shouwang::ui {

RecordDialog::RecordDialog(LedgerSession& session, Record record, std::vector<std::string_view> hidden, QWidget* parent)
    : FormDialog(session, std::move(record), {}, parent)
{
    const EntityDef* entity = findEntity(m_record.entity);
    Q_ASSERT(entity);
    m_readOnly = !session.mayWrite(*entity);
    setWindowTitle((m_record.id.empty() ? tr("New: %1") : tr("Edit: %1")).arg(label(*entity)));
    m_form = new RecordForm(session, *entity, {}, std::move(hidden), this);
    m_form->load(m_record);
    m_form->setReadOnly(m_readOnly);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    m_message = messageLine(this);
    auto* buttons = saveCancelButtons(this, !m_readOnly);
    if (m_readOnly) {
        m_message->setText(entity->scope == EntityScope::County
                               ? tr("Published by the county: read-only in the village.")
                               : tr("Kept by the village: read-only on this computer."));
        m_message->show();
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(scroll);
    layout->addWidget(buttons);
    resize(640, 560);
}

bool RecordDialog::save()
{
    return !m_readOnly && saveFromForms(m_session, m_record, {m_form}, m_message);
}

QString RecordDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool RecordDialog::isModified() const
{
    return !m_readOnly && m_form->isModified();
}

} // namespace shouwang::ui
