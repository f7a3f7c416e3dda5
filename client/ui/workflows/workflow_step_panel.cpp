#include "workflow_step_panel.h"

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

WorkflowStepPanel::WorkflowStepPanel(LedgerSession& session, const Workflow& flow, QWidget* parent)
    : QWidget(parent)
    , m_flow(flow)
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
    m_time->setDisplayFormat(flow.datesOnly ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm"));
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
    addRow(flow.datesOnly ? tr("Date") : tr("Time"), m_time, Part::Time);
    addRow(tr("Handled by"), m_handler, Part::Handler);
    auto* noteCell = new QVBoxLayout;
    noteCell->addWidget(m_note);
    noteCell->addWidget(errorLabel(Part::Note));
    form->addRow(m_noteLabel, noteCell);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(m_apply, 0, Qt::AlignRight);
    connect(m_step, &QComboBox::currentIndexChanged, this, &WorkflowStepPanel::stepChanged);
    connect(m_apply, &QPushButton::clicked, this, &WorkflowStepPanel::apply);
}

void WorkflowStepPanel::addSteps()
{
    for (const WorkflowStep& step : m_flow.steps)
        m_step->addItem(stepTitle(step), qs(step.status));
    setRecord(std::nullopt);
}

QString WorkflowStepPanel::noteTitle(const WorkflowStep& step) const
{
    return step.note.empty() ? tr("Note") : qs(step.noteZh);
}

bool WorkflowStepPanel::takesHandler(const WorkflowStep& step) const
{
    return !step.handler.empty();
}

std::string WorkflowStepPanel::noteSuffix(const WorkflowStep&, const std::string&) const
{
    return {};
}

// Which part of the form the core's refusal is about: the core checks the step, then the
// time, the handler and the note, so probing with each filled in tells them apart.
WorkflowStepPanel::Part WorkflowStepPanel::partOf(const Record& record, const StepInput& input) const
{
    if (!canMove(m_flow, record.value("status"), input.status))
        return Part::Step;
    StepInput probe = input;
    probe.handler = probe.note = "-";
    if (!stepProblem(m_flow, record, probe).empty())
        return Part::Time;
    probe.handler = input.handler;
    return stepProblem(m_flow, record, probe).empty() ? Part::Note : Part::Handler;
}

QLabel* WorkflowStepPanel::errorLabel(Part part) const
{
    return m_errors[static_cast<int>(part)];
}

const WorkflowStep* WorkflowStepPanel::currentStep() const
{
    return m_flow.step(ss(m_step->currentData().toString()));
}

std::string WorkflowStepPanel::stepStatus() const
{
    return ss(m_step->currentData().toString());
}

void WorkflowStepPanel::setStepStatus(std::string_view status)
{
    m_step->setCurrentIndex(m_step->findData(qs(status)));
}

void WorkflowStepPanel::stepChanged()
{
    if (const WorkflowStep* s = currentStep()) {
        m_noteLabel->setText(noteTitle(*s));
        m_note->setEnabled(!s->note.empty());
        m_handler->setEnabled(takesHandler(*s));
    }
    clearErrors();
}

void WorkflowStepPanel::setRecord(std::optional<Record> record)
{
    m_record = std::move(record);
    setEnabled(m_record.has_value() && m_flow.rank(m_record->value("status")) < m_flow.lastRank()
               && m_session.mayWrite(*findEntity(m_flow.entity)));
    clearErrors();
    if (!m_record) {
        m_heading->setText(tr("Choose a record in the list to handle it."));
        return;
    }
    const Record& r = *m_record;
    QStringList steps;
    for (const WorkflowEvent& event : workflowTimeline(m_flow, r))
        steps << tr("%1 %2 %3").arg(enumLabel(m_flow.statusEnum, event.status),
                                    qs(event.at).replace(u'T', u' ').left(16), qs(event.who));
    const Division* village = findDivision(r.villageCode);
    m_heading->setText(tr("<b>%1</b> (%2) — %3, now <b>%4</b><br/>%5")
                           .arg(m_session.title("elder", r.value("elder_id")),
                                village ? qs(shortVillageName(village->name)) : qs(r.villageCode), detail(r),
                                enumLabel(m_flow.statusEnum, r.value("status")), steps.join(QStringLiteral(" → "))));
    // The first step the record may take next; the last one once it has ended.
    const std::string& status = r.value("status");
    std::string_view next = m_flow.steps.back().status;
    for (const WorkflowStep& step : m_flow.steps) {
        if (canMove(m_flow, status, step.status)) {
            next = step.status;
            break;
        }
    }
    setStepStatus(next);
    stepChanged();
    // The core keeps China time (domain/date.h), whatever the computer's time zone.
    m_time->setDateTime(QDateTime::fromString(qs(nowDateTime()), Qt::ISODate));
    if (m_handler->text().isEmpty())
        m_handler->setText(qs(m_session.operatorName()));
    m_note->clear();
}

bool WorkflowStepPanel::apply()
{
    clearErrors();
    const WorkflowStep* step = currentStep();
    if (!m_record || !step)
        return false;
    StepInput input;
    input.status = step->status;
    input.at = ss(m_time->dateTime().toString(m_flow.datesOnly ? QStringLiteral("yyyy-MM-dd")
                                                                : QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    input.handler = takesHandler(*step) ? ss(m_handler->text().trimmed()) : std::string();
    input.note = step->note.empty() ? std::string() : ss(m_note->toPlainText().trimmed());
    Record updated = *m_record;
    if (const std::string problem = applyStep(m_flow, updated, input, noteSuffix(*step, input.handler)); !problem.empty()) {
        showError(partOf(*m_record, input), qs(problem));
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
    setRecord(updated);
    emit applied(id);
    return true;
}

void WorkflowStepPanel::showError(Part part, const QString& text)
{
    errorLabel(part)->setText(text);
    errorLabel(part)->show();
}

void WorkflowStepPanel::clearErrors()
{
    for (QLabel* error : m_errors)
        error->hide();
}

QString WorkflowStepPanel::errorText(Part part) const
{
    return errorLabel(part)->isHidden() ? QString() : errorLabel(part)->text();
}

} // namespace shouwang::ui
