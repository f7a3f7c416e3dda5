#include "incident_dialog.h"

#include "ui/forms/form_saving.h"
#include "ui/session/incident_delivery.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_form.h"

#include "domain/date.h"
#include "domain/enums.h"
#include "domain/incident_workflow.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace shouwang::ui {

IncidentDialog::IncidentDialog(LedgerSession& session, Record incident, QWidget* parent)
    : FormDialog(session, std::move(incident), "incident", parent)
{
    const EntityDef& entity = *findEntity(schema::incident::entity);
    setWindowTitle(tr("Incident report: %1").arg(session.title("elder", m_record.value(schema::incident::elder_id))));
    if (m_record.id.empty()) {
        const std::string now = nowDateTime();
        m_record.set(schema::incident::discovered_at, now);
        m_record.set(schema::incident::reported_at, now);
        m_record.set(schema::incident::status, "reported");
        m_record.set(schema::incident::reporter, session.operatorName());
        m_record.set(schema::incident::escalated_to, "township");
    }
    m_form = new RecordForm(session, entity,
                            {schema::incident::elder_id, schema::incident::type, schema::incident::discovered_at,
                             schema::incident::reporter, schema::incident::description,
                             schema::incident::emergency_action, schema::incident::escalated_to},
                            {}, this);
    m_form->load(m_record);
    m_form->setReadOnly(false);
    if (m_record.has(schema::incident::elder_id) && m_form->editorWidget(schema::incident::elder_id))
        m_form->editorWidget(schema::incident::elder_id)->setEnabled(false);

    auto* handlingBox = new QGroupBox(tr("Handling by the township"), this);
    auto* handlingLayout = new QVBoxLayout(handlingBox);
    m_timeline = new QLabel(handlingBox);
    m_timeline->setTextFormat(Qt::RichText);
    m_state = new QLabel(handlingBox);
    m_state->setTextFormat(Qt::RichText);
    m_state->setWordWrap(true);
    m_handling
        = new RecordForm(session, entity,
                         {schema::incident::status, schema::incident::reported_at, schema::incident::accepted_at,
                          schema::incident::accepted_by, schema::incident::assisting_at, schema::incident::assistance,
                          schema::incident::closed_at, schema::incident::closed_by, schema::incident::outcome},
                         {}, handlingBox);
    m_handling->load(m_record);
    // A village reports; the township handles. Read-only boxes would still look white and take
    // the cursor, so the handling fields are disabled: they look as unavailable as they are.
    const bool villageDevice = !session.villageCode().empty();
    m_handling->setReadOnly(villageDevice);
    m_handling->setEnabled(!villageDevice);
    handlingLayout->addWidget(m_state);
    handlingLayout->addWidget(m_timeline);
    handlingLayout->addWidget(m_handling);

    m_message = messageLine(this);
    auto* buttons = saveCancelButtons(this, true, m_record.id.empty() ? tr("Report") : QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_form);
    layout->addWidget(handlingBox);
    layout->addWidget(buttons);
    updateTimeline();
    resize(720, 760);
}

QString IncidentDialog::timelineText() const
{
    return m_timeline->text();
}

QString IncidentDialog::stateText() const
{
    return m_state->text();
}

void IncidentDialog::updateTimeline()
{
    // Saved is not sent: until the outbox has delivered it, the township knows nothing.
    const bool saved = !m_record.id.empty();
    const bool awaiting = saved && incidentsAwaitingUpload(m_session).contains(m_record.id);
    const bool refused = saved && !awaiting && incidentsRefused(m_session).contains(m_record.id);
    QStringList parts;
    for (const IncidentStatusTime& step : kIncidentStatusTimes) {
        const std::string& at = m_record.value(step.timeField);
        const bool first = step.status == kIncidentStatusTimes[0].status;
        const QString name = !first || !saved ? enumLabel("incident_status", step.status)
            : refused                         ? incidentStateLabel(m_record, false, true)
                      : deliveryLabel(awaiting && m_record.value(schema::incident::status) == "reported");
        parts << (at.empty() || (first && !saved)
                      ? QStringLiteral("<span style='color:#888'>○ %1</span>").arg(name)
                      : QStringLiteral("<b>● %1</b> %2").arg(name, qs(at).replace(u'T', u' ').left(16)));
    }
    m_timeline->setText(parts.join(QStringLiteral(" → ")));
    if (!saved) {
        m_state->setText(tr("Not saved yet. Once reported, it reaches the township at the next successful sync. %1")
                             .arg(emergencyCallAdvice(m_session).toHtmlEscaped()));
        m_state->setStyleSheet({});
    } else if (awaiting) {
        m_state->setText(tr("<b>State: %1.</b> The report is on this computer only; it reaches the township at the "
                            "next successful sync. %2")
                             .arg(incidentStateLabel(m_record, true), emergencyCallAdvice(m_session).toHtmlEscaped()));
        m_state->setStyleSheet(QStringLiteral("color: #a04000;"));
    } else if (refused) {
        m_state->setText(tr("<b>State: %1.</b> %2")
                             .arg(incidentStateLabel(m_record, false, true), emergencyCallAdvice(m_session).toHtmlEscaped()));
        m_state->setStyleSheet(QStringLiteral("color: #c00000;"));
    } else {
        m_state->setText(tr("<b>State: %1.</b>").arg(incidentStateLabel(m_record, false)));
        m_state->setStyleSheet({});
    }
}

bool IncidentDialog::save()
{
    if (!saveFromForms(m_session, m_record, {m_form, m_handling}, m_message))
        return false;
    updateTimeline();
    return true;
}

bool IncidentDialog::isModified() const
{
    return m_form->isModified() || m_handling->isModified();
}

} // namespace shouwang::ui
