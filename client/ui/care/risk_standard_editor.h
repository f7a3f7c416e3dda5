#pragma once

#include "domain/record.h"

#include <QWidget>

#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace shouwang {
struct RiskStandard;
}

namespace shouwang::ui {

class LedgerSession;

// The county's risk-level standard (风险等级标准) and visit schedule as a form: the factors
// with their weights as an editable table, the two thresholds, and the visit and assessment
// intervals. Saving checks the whole with riskRuleProblem and publishes it as a risk_rule
// record, which reaches every village at its next sync. A new effective date makes a new
// version (past periods keep the standard they were measured by); otherwise the current one
// is corrected.
class RiskStandardEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskStandardEditor)

public:
    explicit RiskStandardEditor(LedgerSession& session, QWidget* parent = nullptr);

    QTableWidget* factorTable() const { return m_factors; }
    QSpinBox* mediumThreshold() const { return m_medium; }
    QSpinBox* highThreshold() const { return m_high; }
    QSpinBox* visitDays(int which) const { return m_visitDays[which]; } // 0 high risk, 1 key, 2 others
    // The supervision limits: 0 hours to acknowledge, 1 days to close, 2 days of silence,
    // 3 days to close a referral, 4 days between urgings of a key target's supporters.
    QSpinBox* limit(int which) const { return m_limits[which]; }
    // How many hours a volunteer may redeem beyond those credited (issue 18).
    QSpinBox* overdraftHours() const { return m_overdraft; }
    QDateEdit* effectiveFrom() const { return m_effective; }
    QString errorText() const;
    // Publishes the standard; false with the reason shown when it is refused.
    bool save();
    void reload();

private:
    void showStandard(const RiskStandard& standard);
    Record recordFromForm() const;
    void addFactor();
    void removeFactor();

    LedgerSession& m_session;
    std::optional<Record> m_current;
    QLineEdit* m_name;
    QDateEdit* m_effective;
    QTableWidget* m_factors;
    QSpinBox* m_medium;
    QSpinBox* m_high;
    QSpinBox* m_visitDays[3];
    QSpinBox* m_assessmentDays;
    QSpinBox* m_limits[5]; // ack_hours, close_days, silent_days, referral_days, notice_days
    QSpinBox* m_overdraft;
    QLabel* m_error;
    QPushButton* m_save;
};

} // namespace shouwang::ui
