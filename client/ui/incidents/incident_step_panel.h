#pragma once

#include "domain/incident_workflow.h"
#include "domain/record.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace shouwang::ui {

class LedgerSession;

// The township's handling of one incident report: the next step (受理, 开始救助, 办结), when
// and by whom, and the assistance given or the outcome. The step goes through
// applyIncidentStep, so a step out of order, a missing handler or a time before the previous
// step is refused with the core's Chinese message, shown at the field it concerns.
class IncidentStepPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStepPanel)

public:
    enum class Part { Step, Time, Handler, Note };

    explicit IncidentStepPanel(LedgerSession& session, QWidget* parent = nullptr);

    // The incident to handle; nullopt clears the panel.
    void setIncident(std::optional<Record> incident);
    void setStep(IncidentStep step);
    QDateTimeEdit* timeEdit() const { return m_time; }
    QLineEdit* handlerEdit() const { return m_handler; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* applyButton() const { return m_apply; }
    // The message shown at a part of the form, "" if none.
    QString errorText(Part part) const;
    // Applies the chosen step and saves the record; false (with the message shown) if refused.
    bool apply();

signals:
    void applied(const QString& incidentId);

private:
    IncidentStep step() const;
    void stepChanged();
    void showError(Part part, const QString& text);
    void clearErrors();
    QLabel* errorLabel(Part part) const;

    LedgerSession& m_session;
    std::optional<Record> m_incident;
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
