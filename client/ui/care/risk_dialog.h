#pragma once

#include "ui/forms/form_dialog.h"

#include "domain/record.h"
#include "domain/risk_rule.h"

#include <set>
#include <string>
#include <vector>

class QCheckBox;
class QGroupBox;
class QLabel;
class QVBoxLayout;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// A risk assessment (风险评估) against the county's standard: its factor checklist, with the
// factors the ledger already knows pre-ticked, and the score and level computed as boxes
// are ticked. The standard is the one in force on the assessment's date, and the one the
// saved record names (rule_id): a standard published for a later date is not used before it.
class RiskDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskDialog)

public:
    RiskDialog(LedgerSession& session, Record assessment, QWidget* parent = nullptr);

    std::set<std::string> ticked() const;
    void setTicked(const std::string& code, bool on);
    int score() const;
    std::string level() const;
    QString summary() const;
    RecordForm& form() { return *m_form; }
    // The risk_rule the score is computed by ("" for the built-in default).
    const std::string& ruleId() const { return m_ruleId; }
    bool save() override;
    bool isModified() const override;

public slots:
    void accept() override;

private:
    // Takes the standard in force on `date` (YYYY-MM-DD; today if empty or malformed),
    // keeping the ticks of the factors it shares with the one shown before.
    void useStandardOn(const std::string& date, const std::set<std::string>& present);
    void updateScore();

    RiskStandard m_standard;
    std::string m_ruleId;
    QGroupBox* m_factorBox;
    QVBoxLayout* m_factorLayout;
    std::vector<QCheckBox*> m_factors;
    QLabel* m_summary = nullptr;
    QLabel* m_message;
    RecordForm* m_form;
    bool m_modified = false;
};

} // namespace shouwang::ui
