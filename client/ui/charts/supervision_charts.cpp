#include "supervision_charts.h"

#include "ui/session/labels.h"

#include "report/supervision.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

namespace shouwang::ui {
namespace {

double percentOf(const Ratio& ratio)
{
    return ratio.whole == 0 ? 0.0 : 100.0 * static_cast<double>(ratio.part) / static_cast<double>(ratio.whole);
}

QChartView* chartView(QWidget* parent)
{
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

// The view takes the new chart but leaves the old one to its caller.
void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

SupervisionCharts::SupervisionCharts(QWidget* parent)
    : QWidget(parent)
    , m_coverage(chartView(this))
    , m_risk(chartView(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_coverage, 1);
    layout->addWidget(m_risk, 1);
}

QChart* SupervisionCharts::coverageChart() const
{
    return m_coverage->chart();
}

QChart* SupervisionCharts::riskChart() const
{
    return m_risk->chart();
}

void SupervisionCharts::showReport(const SupervisionReport& report)
{
    auto* coverage = new QChart;
    coverage->setTitle(tr("Elders visited on schedule (%)"));
    auto* onSchedule = new QBarSet(tr("Visited on schedule"));
    auto* assessed = new QBarSet(tr("Risk assessment current"));
    QStringList names;
    for (const UnitFigures& unit : report.units) {
        if (unit.active == 0)
            continue; // a township with no one on the ledger has nothing to draw
        names << qs(unit.name);
        *onSchedule << percentOf(unit.onSchedule);
        *assessed << percentOf(unit.assessed);
    }
    auto* bars = new QBarSeries;
    bars->append(onSchedule);
    bars->append(assessed);
    coverage->addSeries(bars);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(names);
    axisX->setLabelsAngle(names.size() > 6 ? -60 : 0);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d%%"));
    coverage->addAxis(axisX, Qt::AlignBottom);
    coverage->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisX);
    bars->attachAxis(axisY);
    coverage->legend()->setAlignment(Qt::AlignBottom);
    replaceChart(m_coverage, coverage);

    auto* risk = new QChart;
    risk->setTitle(tr("Active elders by risk level"));
    auto* pie = new QPieSeries;
    const std::pair<QString, std::size_t> levels[] = {{tr("High"), report.risk.high},
                                                      {tr("Medium"), report.risk.medium},
                                                      {tr("Low"), report.risk.low},
                                                      {tr("Not assessed"), report.risk.never}};
    const QColor colours[]
        = {QColor(0xd6, 0x27, 0x28), QColor(0xff, 0x9f, 0x1c), QColor(0x2c, 0xa0, 0x2c), QColor(0x99, 0x99, 0x99)};
    for (int i = 0; i < 4; ++i) {
        QPieSlice* slice = pie->append(QStringLiteral("%1 %2").arg(levels[i].first).arg(levels[i].second),
                                       static_cast<double>(levels[i].second));
        slice->setColor(colours[i]);
    }
    risk->addSeries(pie);
    // Four entries side by side under a half-width chart were cut to "高风险…": one per line
    // on the right has room for each whole label.
    risk->legend()->setAlignment(Qt::AlignRight);
    replaceChart(m_risk, risk);
}

} // namespace shouwang::ui
