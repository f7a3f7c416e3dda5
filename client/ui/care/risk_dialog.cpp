#include "risk_dialog.h"

#include "elder_facts.h"
#include "ui/forms/form_saving.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_form.h"

#include "domain/date.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "ui/session/china_time.h"

#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace shouwang::ui {

RiskDialog::RiskDialog(LedgerSession& session, Record assessment, QWidget* parent)
    : FormDialog(session, std::move(assessment), "risk_assessment", parent)
    , m_factorBox(new QGroupBox(this))
    , m_factorLayout(new QVBoxLayout(m_factorBox))
{
    Record elder;
    if (auto stored = session.get(schema::elder::entity, m_record.value(schema::risk_assessment::elder_id)))
        elder = *stored;
    setWindowTitle(tr("Risk assessment: %1").arg(qs(elder.value(schema::elder::name))));

    std::set<std::string> present;
    if (m_record.id.empty()) {
        const ElderFacts facts = elderFacts(session, elder);
        present = suggestFactors(facts, deriveFlags(facts, today()));
    } else {
        present = decodeAnswers(m_record.value(schema::risk_assessment::answers));
    }
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(QStringLiteral("font-size: 14pt; font-weight: bold;"));
    m_message = messageLine(this);
    m_form = new RecordForm(session, *findEntity(schema::risk_assessment::entity),
                            {schema::risk_assessment::date, schema::risk_assessment::assessor,
                             schema::risk_assessment::intervention_plan, schema::risk_assessment::next_due},
                            {}, this);
    m_form->load(m_record);
    const QDate day = chinaToday();
    if (m_record.id.empty()) {
        m_form->setValue(schema::risk_assessment::date, ss(day.toString(Qt::ISODate)));
        m_form->setValue(schema::risk_assessment::assessor, session.operatorName());
    }
    useStandardOn(m_form->value(schema::risk_assessment::date), present);
    if (m_record.id.empty())
        m_form->setValue(schema::risk_assessment::next_due,
                         ss(day.addDays(m_standard.schedule.assessmentDays).toString(Qt::ISODate)));
    connect(m_form, &RecordForm::edited, this, [this](const QString& field) {
        if (field == u"date")
            useStandardOn(m_form->value(schema::risk_assessment::date), ticked());
    });
    auto* buttons = saveCancelButtons(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_factorBox);
    layout->addWidget(m_summary);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    updateScore();
}

void RiskDialog::useStandardOn(const std::string& date, const std::set<std::string>& present)
{
    const Date day = parseDate(date).value_or(today());
    auto inForce = m_session.ledger().derived().standardOn(day);
    if (!m_factors.empty() && inForce.ruleId == m_ruleId)
        return;
    m_ruleId = std::move(inForce.ruleId);
    m_standard = std::move(inForce.standard);
    for (QCheckBox* check : m_factors)
        delete check;
    m_factors.clear();
    m_factorBox->setTitle(tr("Factors (%1) — ticked ones are already known from the ledger; please confirm each")
                              .arg(qs(m_standard.name)));
    for (const auto& factor : m_standard.factors) {
        auto* check = new QCheckBox(tr("%1 (%2 points)").arg(qs(factor.label)).arg(factor.weight), m_factorBox);
        check->setObjectName(qs(factor.code));
        check->setChecked(present.count(factor.code) > 0);
        connect(check, &QCheckBox::toggled, this, [this] {
            m_modified = true;
            updateScore();
        });
        m_factorLayout->addWidget(check);
        m_factors.push_back(check);
    }
    if (m_summary)
        updateScore();
}

std::set<std::string> RiskDialog::ticked() const
{
    std::set<std::string> codes;
    for (auto* check : m_factors) {
        if (check->isChecked())
            codes.insert(ss(check->objectName()));
    }
    return codes;
}

void RiskDialog::setTicked(const std::string& code, bool on)
{
    for (auto* check : m_factors) {
        if (check->objectName() == qs(code))
            check->setChecked(on);
    }
}

int RiskDialog::score() const
{
    return riskScore(m_standard, ticked());
}

std::string RiskDialog::level() const
{
    return riskLevel(m_standard, score());
}

QString RiskDialog::summary() const
{
    return m_summary->text();
}

void RiskDialog::updateScore()
{
    const std::string lvl = level();
    m_summary->setText(tr("Score: %1    Level: %2").arg(score()).arg(enumLabel("risk_level", lvl)));
    const char* colour = lvl == "high" ? "#c00000" : lvl == "medium" ? "#b06000" : "#006000";
    m_summary->setStyleSheet(QStringLiteral("font-size: 14pt; font-weight: bold; color: %1;").arg(QLatin1String(colour)));
}

bool RiskDialog::save()
{
    m_record.set(schema::risk_assessment::answers, encodeAnswers(ticked()));
    m_record.set(schema::risk_assessment::score, std::to_string(score()));
    m_record.set(schema::risk_assessment::level, level());
    m_record.set(schema::risk_assessment::rule_id, m_ruleId); // the standard the score was computed by
    if (!saveFromForms(m_session, m_record, {m_form}, m_message))
        return false;
    m_modified = false;
    return true;
}

void RiskDialog::accept()
{
    // A high risk with no intervention is what supervision flags (高风险无干预措施): ask,
    // and go back to the plan unless the clerk means it.
    if (level() == "high" && m_form->value(schema::risk_assessment::intervention_plan).empty()) {
        QMessageBox box(QMessageBox::Question, windowTitle(),
                        tr("The level is high risk, but no intervention plan is filled in. Save without a plan?"),
                        QMessageBox::NoButton, this);
        QPushButton* back = box.addButton(tr("Fill in the plan"), QMessageBox::RejectRole);
        box.addButton(tr("Save without a plan"), QMessageBox::AcceptRole);
        box.setDefaultButton(back);
        box.exec();
        if (box.clickedButton() == back || !box.clickedButton()) {
            if (QWidget* plan = m_form->editorWidget(schema::risk_assessment::intervention_plan))
                plan->setFocus();
            return;
        }
    }
    FormDialog::accept();
}

bool RiskDialog::isModified() const
{
    return m_modified || m_form->isModified();
}

} // namespace shouwang::ui
