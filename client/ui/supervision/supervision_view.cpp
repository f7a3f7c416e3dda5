#include "supervision_view.h"

#ifdef SHOUWANG_WITH_CHARTS
#include "ui/charts/supervision_charts.h"
#endif

#include "report_export.h"
#include "report_table_model.h"
#include "ui/forms/area_picker.h"
#include "ui/forms/row_list.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"

#include "report/local_device.h"
#include "ui/session/china_time.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <iterator>
#include <tuple>

namespace shouwang::ui {
namespace {

constexpr ReportSection kSections[] = {ReportSection::Base,      ReportSection::Visits,   ReportSection::Risk,
                                       ReportSection::Incidents, ReportSection::Services, ReportSection::Data,
                                       ReportSection::Association, ReportSection::Volunteers, ReportSection::Referrals,
                                       ReportSection::Family, ReportSection::Health, ReportSection::Facilities};
constexpr int kSectionCount = static_cast<int>(std::size(kSections));

QTableView* tableView(ReportTableModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    makeRowList(view);
    view->setAlternatingRowColors(true);
    return view;
}

// Rows that should catch the eye: a village not heard from, a report handled late.
ReportTableModel::Highlight highlightFor(const Table& table)
{
    for (const char* header : {"超期未同步", "受理超时", "超期"}) {
        const int column = ReportTableModel::columnOf(table, header);
        const int second = ReportTableModel::columnOf(table, "办结超时");
        if (column >= 0)
            return [column, second](const std::vector<std::string>& row) {
                auto yes = [&row](int c) { return c >= 0 && static_cast<std::size_t>(c) < row.size() && row[static_cast<std::size_t>(c)] == "是"; };
                return yes(column) || yes(second);
            };
    }
    return {};
}

} // namespace

SupervisionView::SupervisionView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_summary(new ReportTableModel(this))
    , m_units(new ReportTableModel(this))
{
    auto* overview = new QSplitter(Qt::Vertical, m_tabs);
    auto* top = new QSplitter(Qt::Horizontal, overview);
    auto* summaryView = tableView(m_summary, top);
    summaryView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    summaryView->horizontalHeader()->setStretchLastSection(false);
    top->addWidget(summaryView);
#ifdef SHOUWANG_WITH_CHARTS
    m_charts = new SupervisionCharts(top);
    top->addWidget(m_charts);
    top->setSizes({380, 900});
#endif
    overview->addWidget(top);
    overview->addWidget(tableView(m_units, overview));
    m_tabs->addTab(overview, tr("Overview"));
    const QString names[] = {tr("Base figures (底数)"), tr("Visits (探访)"), tr("Risk (风险)"),
                             tr("Incident reports (情况报告)"), tr("Services (服务)"), tr("Data (数据)"),
                             tr("Association activities (老年协会活动)"), tr("Volunteer hours (志愿服务时长)"),
                             tr("Referrals (部门转介)"), tr("Urging families (督促赡养)"),
                             tr("Health and poverty (健康与困难)"), tr("Facilities (服务设施)")};
    static_assert(std::size(names) == std::size(kSections));
    m_sectionModels.resize(1);
    for (int i = 0; i < kSectionCount; ++i)
        m_tabs->addTab(sectionPage(kSections[i]), names[i]);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
}

SupervisionView::~SupervisionView() = default;

QWidget* SupervisionView::buildControls()
{
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_area = new AreaPicker(m_session.scopeCode(), box);
    const QDate today = chinaToday();
    m_from = new QDateEdit(QDate(today.year(), today.month(), 1), box);
    m_to = new QDateEdit(today, box);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_computeButton = new QPushButton(tr("Compute"), box);
    m_computeButton->setDefault(true);
    connect(m_computeButton, &QPushButton::clicked, this, &SupervisionView::compute);
    row->addWidget(new QLabel(tr("Area"), box));
    row->addWidget(m_area);
    row->addWidget(new QLabel(tr("From"), box));
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("to"), box));
    row->addWidget(m_to);
    row->addWidget(m_computeButton);
    row->addStretch();
    const std::tuple<QString, QString, QString, QString (SupervisionView::*)(const QString&)> exports[] = {
        {tr("Export Excel..."), tr("Excel workbooks (*.xlsx)"), QStringLiteral(".xlsx"), &SupervisionView::exportXlsx},
        {tr("Export CSV..."), tr("CSV files (*.csv)"), QStringLiteral(".csv"), &SupervisionView::exportCsv},
        {tr("PDF report..."), tr("PDF files (*.pdf)"), QStringLiteral(".pdf"), &SupervisionView::exportPdf}};
    for (const auto& [text, filter, suffix, write] : exports) {
        auto* button = new QPushButton(text, box);
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, filter, suffix, write] { askAndExport(filter, suffix, write); });
        row->addWidget(button);
        m_exportButtons.push_back(button);
    }
    return box;
}

QWidget* SupervisionView::sectionPage(ReportSection section)
{
    auto* scroll = new QScrollArea(m_tabs);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    std::vector<ReportTableModel*> models;
    // The tables of a section never change in number: build one box per table now.
    const SupervisionReport empty;
    for (const Table& table : reportTables(empty, section)) {
        auto* model = new ReportTableModel(this);
        auto* group = new QGroupBox(qs(table.name), page);
        auto* groupLayout = new QVBoxLayout(group);
        auto* view = tableView(model, group);
        view->setMinimumHeight(table.name == "汇总" ? 160 : 240);
        groupLayout->addWidget(view);
        layout->addWidget(group);
        models.push_back(model);
    }
    m_sectionModels.push_back(std::move(models));
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    return scroll;
}

ReportTableModel* SupervisionView::tableModel(int sectionTab, const QString& tableName) const
{
    if (sectionTab == 0)
        return tableName == QStringLiteral("分单位") ? m_units : m_summary;
    if (sectionTab < 0 || static_cast<std::size_t>(sectionTab) >= m_sectionModels.size())
        return nullptr;
    for (ReportTableModel* model : m_sectionModels[static_cast<std::size_t>(sectionTab)]) {
        if (qs(model->table().name) == tableName)
            return model;
    }
    return nullptr;
}

void SupervisionView::compute()
{
    if (m_computing)
        return;
    ReportRequest request;
    request.area = m_area->areaCode();
    request.from = *parseDate(ss(m_from->date().toString(Qt::ISODate)));
    request.to = *parseDate(ss(m_to->date().toString(Qt::ISODate)));
    if (const std::string problem = reportRequestProblem(request); !problem.empty()) {
        m_status->setText(qs(problem));
        emit reportReady(false);
        return;
    }
    m_computing = true;
    m_computeButton->setEnabled(false);
    m_status->setText(tr("Computing the figures..."));
    auto result = std::make_shared<SupervisionReport>();
    LedgerTask* task = LedgerTask::start(m_session.path(), [request, result](LedgerSession& own, LedgerTask&) {
        ReportRequest asked = request;
        asked.devices.push_back(localDeviceContact(own.ledger(), own.scopeCode())); // 数据同步: this device's last sync
        *result = computeSupervision(own.database(), asked);
        return QString();
    });
    connect(task, &LedgerTask::finished, this, [this, result](bool ok, const QString& message) {
        m_computing = false;
        m_computeButton->setEnabled(true);
        if (ok)
            showReport(result);
        else
            m_status->setText(message);
        emit reportReady(ok);
    });
}

void SupervisionView::showReport(std::shared_ptr<const SupervisionReport> report)
{
    m_report = std::move(report);
    const SupervisionReport& r = *m_report;
    m_status->setText(tr("<b>%1</b>    period %2 to %3    figures as at %4")
                          .arg(qs(r.areaName), qs(formatDate(r.request.from)), qs(formatDate(r.request.to)),
                               qs(r.asOf).replace(u'T', u' ')));
    m_summary->setTable(summaryTable(r));
    m_units->setTable(unitTable(r));
#ifdef SHOUWANG_WITH_CHARTS
    m_charts->showReport(r);
#endif
    for (int i = 0; i < kSectionCount; ++i)
        fillSection(i + 1, kSections[i]);
    for (QPushButton* button : m_exportButtons)
        button->setEnabled(true);
}

void SupervisionView::fillSection(int tab, ReportSection section)
{
    std::vector<Table> tables = reportTables(*m_report, section);
    auto& models = m_sectionModels[static_cast<std::size_t>(tab)];
    for (std::size_t i = 0; i < tables.size() && i < models.size(); ++i) {
        ReportTableModel::Highlight highlight = highlightFor(tables[i]);
        models[i]->setTable(std::move(tables[i]), std::move(highlight));
    }
}

void SupervisionView::askAndExport(const QString& filter, const QString& suffix,
                                   QString (SupervisionView::*write)(const QString&))
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("supervision-%1-%2").arg(qs(m_report->request.area), qs(formatDate(m_report->request.to)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), dir + u'/' + name + suffix, filter);
    if (path.isEmpty())
        return;
    const QString error = (this->*write)(path);
    if (error.isEmpty())
        QMessageBox::information(this, tr("Export"), tr("Saved to %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Export"), error);
}

QString SupervisionView::exportXlsx(const QString& path)
{
    return m_report ? exportReportXlsx(m_session, m_report, path, this) : tr("Compute the figures first.");
}

QString SupervisionView::exportCsv(const QString& path)
{
    return m_report ? exportReportCsv(m_session, m_report, path, this) : tr("Compute the figures first.");
}

QString SupervisionView::exportPdf(const QString& path)
{
    return m_report ? exportReportPdf(m_session, m_report, path, this) : tr("Compute the figures first.");
}

} // namespace shouwang::ui
