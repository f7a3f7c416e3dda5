#include "incident_step_panel.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/date.h"
#include "domain/divisions.h"
#include "domain/schema.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

constexpr const char* kTimeFormat = "yyyy-MM-ddTHH:mm:ss";

// Which part of the form the core's refusal is about: the core checks the step, then the
// time, the handler and the note, so probing with each filled in tells them apart.
IncidentStepPanel::Part partOf(const Record& incident, const IncidentStepInput& input)
{
    if (!canMoveIncident(incident.value("status"), statusAfter(input.step)))
        return IncidentStepPanel::Part::Step;
    IncidentStepInput probe = input;
    probe.handler = probe.note = "-";
    if (!incidentStepProblem(incident, probe).empty())
        return IncidentStepPanel::Part::Time;
    probe.handler = input.handler;
    return incidentStepProblem(incident, probe).empty() ? IncidentStepPanel::Part::Note
                                                        : IncidentStepPanel::Part::Handler;
}

} // namespace

IncidentStepPanel::IncidentStepPanel(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_heading(new QLabel(this))
    , m_step(new QComboBox(this))
    , m_time(new QDateTimeEdit(this))
    , m_handler(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_noteLabel(new QLabel(this))
    , m_apply(new QPushButton(tr("Record this step"), this))
{
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_step->addItem(tr("Acknowledge (受理)"), static_cast<int>(IncidentStep::Accept));
    m_step->addItem(tr("Start assistance (救助)"), static_cast<int>(IncidentStep::Assist));
    m_step->addItem(tr("Close (办结)"), static_cast<int>(IncidentStep::Close));
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_time->setCalendarPopup(true);
    m_note->setMaximumHeight(90);
    for (QLabel*& error : m_errors) {
        error = new QLabel(this);
        error->setStyleSheet(QStringLiteral("color: #c00000;"));
        error->setWordWrap(true);
        error->hide();
    }
    auto* form = new QFormLayout;
    auto addRow = [&](const QString& title, QWidget* editor, Part part) {
        auto* cell = new QVBoxLayout;
        cell->addWidget(editor);
        cell->addWidget(errorLabel(part));
        form->addRow(title, cell);
    };
    addRow(tr("Step"), m_step, Part::Step);
    addRow(tr("Time"), m_time, Part::Time);
    addRow(tr("Handled by"), m_handler, Part::Handler);
    auto* noteCell = new QVBoxLayout;
    noteCell->addWidget(m_note);
    noteCell->addWidget(errorLabel(Part::Note));
    form->addRow(m_noteLabel, noteCell);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(m_apply, 0, Qt::AlignRight);
    connect(m_step, &QComboBox::currentIndexChanged, this, &IncidentStepPanel::stepChanged);
    connect(m_apply, &QPushButton::clicked, this, &IncidentStepPanel::apply);
    setIncident(std::nullopt);
}

QLabel* IncidentStepPanel::errorLabel(Part part) const
{
    return m_errors[static_cast<int>(part)];
}

IncidentStep IncidentStepPanel::step() const
{
    return static_cast<IncidentStep>(m_step->currentData().toInt());
}

void IncidentStepPanel::setStep(IncidentStep step)
{
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(step)));
}

void IncidentStepPanel::stepChanged()
{
    const IncidentStep s = step();
    m_noteLabel->setText(s == IncidentStep::Assist ? tr("Assistance given") : s == IncidentStep::Close ? tr("Outcome") : tr("Note"));
    m_note->setEnabled(s != IncidentStep::Accept);
    clearErrors();
}

void IncidentStepPanel::setIncident(std::optional<Record> incident)
{
    m_incident = std::move(incident);
    setEnabled(m_incident.has_value() && m_incident->value("status") != "closed"
               && m_session.mayWrite(*findEntity("incident")));
    clearErrors();
    if (!m_incident) {
        m_heading->setText(tr("Choose a report in the list to handle it."));
        return;
    }
    const Record& r = *m_incident;
    QStringList steps;
    for (const IncidentEvent& event : incidentTimeline(r))
        steps << tr("%1 %2 %3").arg(enumLabel("incident_status", event.status),
                                    qs(event.at).replace(u'T', u' ').left(16), qs(event.who));
    const Division* village = findDivision(r.villageCode);
    m_heading->setText(tr("<b>%1</b> (%2) — %3, now <b>%4</b><br/>%5")
                           .arg(m_session.title("elder", r.value("elder_id")),
                                village ? qs(shortVillageName(village->name)) : qs(r.villageCode),
                                enumLabel("incident_type", r.value("type")), enumLabel("incident_status", r.value("status")),
                                steps.join(QStringLiteral(" → "))));
    const std::string& status = r.value("status");
    setStep(status == "accepted" ? IncidentStep::Assist
            : status == "assisting" || status == "closed" ? IncidentStep::Close
                                                          : IncidentStep::Accept);
    // The core keeps China time (domain/date.h), whatever the computer's time zone.
    m_time->setDateTime(QDateTime::fromString(qs(nowDateTime()), Qt::ISODate));
    if (m_handler->text().isEmpty())
        m_handler->setText(qs(m_session.operatorName()));
    m_note->clear();
}

bool IncidentStepPanel::apply()
{
    clearErrors();
    if (!m_incident)
        return false;
    IncidentStepInput input;
    input.step = step();
    input.at = ss(m_time->dateTime().toString(QLatin1String(kTimeFormat)));
    input.handler = ss(m_handler->text().trimmed());
    input.note = input.step == IncidentStep::Accept ? std::string() : ss(m_note->toPlainText().trimmed());
    Record updated = *m_incident;
    if (const std::string problem = applyIncidentStep(updated, input); !problem.empty()) {
        showError(partOf(*m_incident, input), qs(problem));
        return false;
    }
    SaveResult result = m_session.save(updated);
    if (!result.ok()) {
        QStringList messages;
        for (const auto& error : result.errors)
            messages << qs(error.message);
        messages << qs(result.message);
        showError(Part::Step, messages.join(u'\n').trimmed());
        return false;
    }
    const QString id = qs(updated.id);
    setIncident(updated);
    emit applied(id);
    return true;
}

void IncidentStepPanel::showError(Part part, const QString& text)
{
    errorLabel(part)->setText(text);
    errorLabel(part)->show();
}

void IncidentStepPanel::clearErrors()
{
    for (QLabel* error : m_errors)
        error->hide();
}

QString IncidentStepPanel::errorText(Part part) const
{
    return errorLabel(part)->isHidden() ? QString() : errorLabel(part)->text();
}

} // namespace shouwang::ui
