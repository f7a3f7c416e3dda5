#include "village_coverage_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "report_table_model.h"

#include "report/supervision.h"
#include "store/elder_query.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

// One row per village of the area: the report's unit figures and, from the ledger's own
// index, how many key targets are overdue today.
Table coverageTable(Database& db, const std::string& area)
{
    const Date day = today();
    ReportRequest request;
    request.area = area;
    request.from = day - std::chrono::days(30);
    request.to = day;
    const SupervisionReport report = computeSupervision(db, request);
    Table table{"各村探访情况", {"村", "在册老年人", "重点帮扶对象", "按期探访率", "逾期未探访", "其中重点帮扶对象", "未办结报告"}, {}};
    for (const UnitFigures& unit : report.units) {
        ElderFilter key;
        key.villagePrefix = unit.code;
        key.status = "active";
        key.overdue = true;
        key.flags = ElderFilter::KeyTarget;
        table.rows.push_back({unit.name, std::to_string(unit.active), std::to_string(unit.keyTargets),
                              unit.onSchedule.percent(), std::to_string(unit.overdue),
                              std::to_string(countElders(db, key, day)), std::to_string(unit.openIncidents)});
    }
    return table;
}

} // namespace

VillageCoverageView::VillageCoverageView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ReportTableModel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    auto* view = new QTableView(this);
    view->setModel(m_model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Visits village by village</b> (the last 30 days; overdue as of today)"), this));
    top->addStretch();
    top->addWidget(m_status);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view, 1);
    connect(m_refresh, &QPushButton::clicked, this, &VillageCoverageView::refresh);
    refresh();
}

void VillageCoverageView::refresh()
{
    if (m_busy)
        return;
    m_busy = true;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Computing..."));
    auto table = std::make_shared<Table>();
    const std::string area = m_session.scopeCode();
    LedgerTask* task = LedgerTask::start(m_session.path(), [table, area](LedgerSession& own, LedgerTask&) {
        *table = coverageTable(own.database(), area);
        return QString();
    });
    connect(task, &LedgerTask::finished, this, [this, table](bool ok, const QString& message) {
        m_busy = false;
        m_refresh->setEnabled(true);
        m_status->setText(ok ? QString() : message);
        if (ok)
            m_model->setTable(std::move(*table), [](const std::vector<std::string>& row) { return row[5] != "0"; });
        emit refreshed(ok);
    });
}

} // namespace shouwang::ui
