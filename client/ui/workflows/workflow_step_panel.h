#pragma once

#include "domain/record.h"
#include "domain/workflow.h"

#include <QWidget>

#include <optional>
#include <string>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace shouwang::ui {

class LedgerSession;

// The handling of one record that moves through a workflow (domain/workflow.h: 情况报告,
// 部门转介): the next step, when and by whom, and its note. The step goes through the
// core's applyStep, so a step out of order, a missing handler or a time before the previous
// step is refused with the core's Chinese message, shown at the field it concerns. What
// differs per workflow (the steps' titles, what the heading says) is given by subclasses.
class WorkflowStepPanel : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowStepPanel)

public:
    enum class Part { Step, Time, Handler, Note };

    WorkflowStepPanel(LedgerSession& session, const Workflow& flow, QWidget* parent = nullptr);

    // The record to handle; nullopt clears the panel.
    void setRecord(std::optional<Record> record);
    const std::optional<Record>& record() const { return m_record; }
    // Chooses the step leading to `status`.
    void setStepStatus(std::string_view status);
    std::string stepStatus() const;
    QComboBox* stepCombo() const { return m_step; }
    QDateTimeEdit* timeEdit() const { return m_time; }
    QLineEdit* handlerEdit() const { return m_handler; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* applyButton() const { return m_apply; }
    // The message shown at a part of the form, "" if none.
    QString errorText(Part part) const;
    // Applies the chosen step and saves the record; false (with the message shown) if refused.
    bool apply();

signals:
    void applied(const QString& recordId);

protected:
    // Fills the step list; call from the subclass's constructor.
    void addSteps();
    virtual QString stepTitle(const WorkflowStep& step) const = 0;
    virtual QString noteTitle(const WorkflowStep& step) const;
    // What the heading says after the elder and village: the incident's type, the department.
    virtual QString detail(const Record& record) const = 0;
    // Whether the step takes a handler: its own field, or (an incident's assistance) kept
    // with the note by noteSuffix.
    virtual bool takesHandler(const WorkflowStep& step) const;
    virtual std::string noteSuffix(const WorkflowStep& step, const std::string& handler) const;

    const Workflow& m_flow;

private:
    const WorkflowStep* currentStep() const;
    void stepChanged();
    void showError(Part part, const QString& text);
    void clearErrors();
    QLabel* errorLabel(Part part) const;
    Part partOf(const Record& record, const StepInput& input) const;

    LedgerSession& m_session;
    std::optional<Record> m_record;
    QLabel* m_heading;
    QComboBox* m_step;
    QDateTimeEdit* m_time;
    QLineEdit* m_handler;
    QPlainTextEdit* m_note;
    QLabel* m_noteLabel;
    QLabel* m_errors[4];
    QPushButton* m_apply;
};

} // namespace shouwang::ui
