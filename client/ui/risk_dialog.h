#pragma once

#include "domain/record.h"
#include "domain/risk_rule.h"

#include <QDialog>

#include <set>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// A risk assessment (风险评估) against the county's standard: its factor checklist, with the
// factors the ledger already knows pre-ticked, and the score and level computed as boxes
// are ticked.
class RiskDialog final : public QDialog {
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
    bool save();

public slots:
    void accept() override;
    void reject() override;

private:
    void updateScore();

    LedgerSession& m_session;
    Record m_record;
    RiskStandard m_standard;
    std::vector<QCheckBox*> m_factors;
    QLabel* m_summary;
    QLabel* m_message;
    RecordForm* m_form;
    bool m_modified = false;
};

} // namespace shouwang::ui
