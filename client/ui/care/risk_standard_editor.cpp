#include "risk_standard_editor.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"

#include "domain/risk_rule.h"
#include "domain/schema_names.h"
#include "ui/session/china_time.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

QSpinBox* spinBox(int max, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(0, max);
    return box;
}

} // namespace

RiskStandardEditor::RiskStandardEditor(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_effective(new QDateEdit(this))
    , m_factors(new QTableWidget(0, 3, this))
    , m_medium(spinBox(1000, this))
    , m_high(spinBox(1000, this))
    , m_assessmentDays(spinBox(3650, this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(tr("Publish the standard"), this))
{
    for (QSpinBox*& box : m_visitDays)
        box = spinBox(365, this);
    m_limits[0] = spinBox(720, this);
    m_limits[1] = spinBox(366, this);
    m_limits[2] = spinBox(366, this);
    m_overdraft = spinBox(1000, this);
    m_limits[3] = spinBox(366, this);
    m_limits[4] = spinBox(366, this);
    m_effective->setCalendarPopup(true);
    m_effective->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_factors->setHorizontalHeaderLabels({tr("Code"), tr("Weight (0-100)"), tr("Factor")});
    m_factors->horizontalHeader()->setStretchLastSection(true);
    m_factors->verticalHeader()->hide();
    auto* add = new QPushButton(tr("Add factor"), this);
    auto* remove = new QPushButton(tr("Remove factor"), this);
    connect(add, &QPushButton::clicked, this, &RiskStandardEditor::addFactor);
    connect(remove, &QPushButton::clicked, this, &RiskStandardEditor::removeFactor);
    connect(m_save, &QPushButton::clicked, this, &RiskStandardEditor::save);
    m_error->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Effective from"), m_effective);
    form->addRow(tr("Medium risk from score"), m_medium);
    form->addRow(tr("High risk from score"), m_high);
    form->addRow(tr("Visit every … days: high risk"), m_visitDays[0]);
    form->addRow(tr("Visit every … days: key targets and medium risk"), m_visitDays[1]);
    form->addRow(tr("Visit every … days: others"), m_visitDays[2]);
    form->addRow(tr("Assess again after … days"), m_assessmentDays);
    // Supervision (docs/supervision.md): the dashboards and `shouwang-server report` judge by these.
    form->addRow(tr("Acknowledge an incident report within … hours"), m_limits[0]);
    form->addRow(tr("Close an incident report within … days"), m_limits[1]);
    form->addRow(tr("A village not heard from for more than … days stands out"), m_limits[2]);
    form->addRow(tr("A volunteer may redeem … hours beyond the balance"), m_overdraft);
    form->addRow(tr("Close a referral to a department within … days"), m_limits[3]);
    form->addRow(tr("Urge the supporters of a key target at least every … days"), m_limits[4]);
    auto* factorButtons = new QHBoxLayout;
    factorButtons->addWidget(add);
    factorButtons->addWidget(remove);
    factorButtons->addStretch();
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<b>Risk factors and weights</b> (a score is the sum of the factors present)"), this));
    left->addWidget(m_factors, 1);
    left->addLayout(factorButtons);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch();
    right->addWidget(m_error);
    right->addWidget(m_save, 0, Qt::AlignRight);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    reload();
}

void RiskStandardEditor::reload()
{
    ListFilter filter;
    filter.villagePrefix = m_session.countyCode();
    filter.orderBy = schema::risk_rule::effective_from;
    filter.descending = true;
    filter.limit = 1;
    const auto rules = m_session.list(schema::risk_rule::entity, filter);
    m_current = rules.empty() ? std::nullopt : std::optional<Record>(rules.front());
    const std::optional<RiskStandard> stored = m_current ? riskStandardFrom(*m_current) : std::nullopt;
    showStandard(stored ? *stored : defaultRiskStandard());
    const QDate from = m_current
        ? QDate::fromString(qs(m_current->value(schema::risk_rule::effective_from)), Qt::ISODate)
        : chinaToday();
    m_effective->setDate(from);
    m_error->hide();
}

void RiskStandardEditor::showStandard(const RiskStandard& standard)
{
    m_name->setText(qs(standard.name));
    m_factors->setRowCount(static_cast<int>(standard.factors.size()));
    int row = 0;
    for (const RiskFactor& factor : standard.factors) {
        m_factors->setItem(row, 0, new QTableWidgetItem(qs(factor.code)));
        m_factors->setItem(row, 1, new QTableWidgetItem(QString::number(factor.weight)));
        m_factors->setItem(row, 2, new QTableWidgetItem(qs(factor.label)));
        ++row;
    }
    m_medium->setValue(standard.mediumThreshold);
    m_high->setValue(standard.highThreshold);
    m_visitDays[0]->setValue(standard.schedule.highRiskDays);
    m_visitDays[1]->setValue(standard.schedule.keyTargetDays);
    m_visitDays[2]->setValue(standard.schedule.otherDays);
    m_assessmentDays->setValue(standard.schedule.assessmentDays);
    m_limits[0]->setValue(standard.limits.acknowledgeHours);
    m_limits[1]->setValue(standard.limits.closeDays);
    m_limits[2]->setValue(standard.limits.silentDays);
    m_overdraft->setValue(standard.limits.overdraftHours);
    m_limits[3]->setValue(standard.limits.referralDays);
    m_limits[4]->setValue(standard.limits.noticeDays);
}

void RiskStandardEditor::addFactor()
{
    const int row = m_factors->rowCount();
    m_factors->insertRow(row);
    m_factors->setItem(row, 0, new QTableWidgetItem);
    m_factors->setItem(row, 1, new QTableWidgetItem(QStringLiteral("10")));
    m_factors->setItem(row, 2, new QTableWidgetItem);
    m_factors->setCurrentCell(row, 0);
}

void RiskStandardEditor::removeFactor()
{
    if (m_factors->currentRow() >= 0)
        m_factors->removeRow(m_factors->currentRow());
}

Record RiskStandardEditor::recordFromForm() const
{
    // The factors go through the stored text form unchecked, so riskRuleProblem sees (and
    // names) a bad weight or code exactly as the village would.
    QStringList entries;
    for (int row = 0; row < m_factors->rowCount(); ++row) {
        auto cell = [this, row](int column) {
            const QTableWidgetItem* item = m_factors->item(row, column);
            return item ? item->text().trimmed().replace(u';', QStringLiteral("；")) : QString();
        };
        entries << cell(0) + u':' + cell(1) + u':' + cell(2);
    }
    Record record;
    record.entity = schema::risk_rule::entity;
    record.set(schema::risk_rule::name, ss(m_name->text().trimmed()));
    record.set(schema::risk_rule::effective_from, ss(m_effective->date().toString(Qt::ISODate)));
    record.set(schema::risk_rule::factors, ss(entries.join(u';')));
    record.set(schema::risk_rule::medium_threshold, std::to_string(m_medium->value()));
    record.set(schema::risk_rule::high_threshold, std::to_string(m_high->value()));
    record.set(schema::risk_rule::visit_days_high, std::to_string(m_visitDays[0]->value()));
    record.set(schema::risk_rule::visit_days_key, std::to_string(m_visitDays[1]->value()));
    record.set(schema::risk_rule::visit_days_other, std::to_string(m_visitDays[2]->value()));
    record.set(schema::risk_rule::assessment_days, std::to_string(m_assessmentDays->value()));
    record.set(schema::risk_rule::ack_hours, std::to_string(m_limits[0]->value()));
    record.set(schema::risk_rule::close_days, std::to_string(m_limits[1]->value()));
    record.set(schema::risk_rule::silent_days, std::to_string(m_limits[2]->value()));
    record.set(schema::risk_rule::overdraft_hours, std::to_string(m_overdraft->value()));
    record.set(schema::risk_rule::referral_days, std::to_string(m_limits[3]->value()));
    record.set(schema::risk_rule::notice_days, std::to_string(m_limits[4]->value()));
    return record;
}

bool RiskStandardEditor::save()
{
    Record record = recordFromForm();
    if (const std::string problem = riskRuleProblem(record); !problem.empty()) {
        m_error->setText(qs(problem));
        m_error->show();
        return false;
    }
    if (m_current
        && m_current->value(schema::risk_rule::effective_from) == record.value(schema::risk_rule::effective_from))
        record.id = m_current->id; // a correction of the standard in force, not a new version
    const SaveResult result = m_session.save(record);
    if (!result.ok()) {
        QStringList messages;
        for (const auto& error : result.errors)
            messages << qs(error.message);
        messages << qs(result.message);
        m_error->setText(messages.join(u'\n').trimmed());
        m_error->show();
        return false;
    }
    // Due dates follow the new schedule: recompute the ledger's derived columns off the window.
    runWithProgress(m_session.path(), tr("Applying the new standard to the ledger..."),
                    [](LedgerSession& own, LedgerTask&) {
                        own.ledger().derived().refreshAll();
                        return QString();
                    },
                    this);
    m_session.ledger().derived().forgetStandard();
    m_session.notifyChanged();
    reload();
    return true;
}

QString RiskStandardEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace shouwang::ui
