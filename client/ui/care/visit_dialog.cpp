#include "visit_dialog.h"

#include "elder_facts.h"
#include "ui/forms/form_saving.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_form.h"

#include "domain/schema.h"
#include "domain/schema_names.h"
#include "ui/session/china_time.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QVBoxLayout>

namespace shouwang::ui {

VisitDialog::VisitDialog(LedgerSession& session, Record visit, QWidget* parent)
    : FormDialog(session, std::move(visit), "visit", parent)
{
    if (auto elder = session.get(schema::elder::entity, m_record.value(schema::visit::elder_id)))
        m_elder = *elder;
    m_intervalDays = visitIntervalDays(elderFlags(session, m_elder), elderFacts(session, m_elder).riskLevel,
                                       riskStandard(session).schedule);
    setWindowTitle(tr("Visit: %1").arg(qs(m_elder.value(schema::elder::name))));

    auto* heading
        = new QLabel(tr("<b>%1</b> — visit every %n day(s) under the county schedule", nullptr, m_intervalDays)
                         .arg(qs(m_elder.value(schema::elder::name)).toHtmlEscaped()),
                     this);
    m_form = new RecordForm(session, *findEntity(schema::visit::entity), {}, {schema::visit::elder_id}, this);
    m_form->load(m_record);
    if (m_record.id.empty())
        fillDefaults();
    m_message = messageLine(this);

    auto* buttons = saveCancelButtons(this, true, tr("Save (Ctrl+Enter)"));
    for (const auto& keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &VisitDialog::accept);
    connect(m_form, &RecordForm::edited, this, [this](const QString& field) {
        if (field == QLatin1String("date"))
            updateNextDue();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    if (QWidget* first = m_form->editorWidget(schema::visit::finding))
        first->setFocus();
}

void VisitDialog::fillDefaults()
{
    m_form->setValue(schema::visit::date, ss(chinaToday().toString(Qt::ISODate)));
    m_form->setValue(schema::visit::mode, "home");
    m_form->setValue(schema::visit::finding, "normal");
    m_form->setValue(schema::visit::visitor, m_session.operatorName());
    m_form->setValue(schema::visit::visitor_role, "cadre");
    updateNextDue();
    m_form->setModified(false);
}

void VisitDialog::updateNextDue()
{
    const QDate date = QDate::fromString(qs(m_form->value(schema::visit::date)), Qt::ISODate);
    if (date.isValid())
        m_form->setValue(schema::visit::next_due, ss(date.addDays(m_intervalDays).toString(Qt::ISODate)));
}

bool VisitDialog::save()
{
    return saveFromForms(m_session, m_record, {m_form}, m_message);
}

bool VisitDialog::isModified() const
{
    return m_form->isModified();
}

bool recordVisit(LedgerSession& session, const std::string& elderId, QWidget* parent)
{
    Record visit;
    visit.entity = schema::visit::entity;
    visit.set(schema::visit::elder_id, elderId);
    VisitDialog dialog(session, visit, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace shouwang::ui
