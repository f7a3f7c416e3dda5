#pragma once

#include <QWidget>

class QChart;
class QChartView;

namespace shouwang {
struct SupervisionReport;
}

namespace shouwang::ui {

// The pictures of the dashboard, where a person would rather look than read: the share of
// elders visited on schedule by township or village (bars, the county's weakest places
// stand out), and the elders by risk level (a pie). The numbers are the report's own.
class SupervisionCharts final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupervisionCharts)

public:
    explicit SupervisionCharts(QWidget* parent = nullptr);

    void showReport(const SupervisionReport& report);
    QChart* coverageChart() const;
    QChart* riskChart() const;

private:
    QChartView* m_coverage;
    QChartView* m_risk;
};

} // namespace shouwang::ui
