#pragma once

#include "report/report_tables.h"

#include <QWidget>

#include <memory>
#include <vector>

class QDateEdit;
class QLabel;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace shouwang::ui {

class AreaPicker;
class LedgerSession;
class ReportTableModel;
class SupervisionCharts;

// The supervision dashboard (督促检查): for an area (county, township or village) and a
// period, the figures of shared/report — an overview with the unit breakdown and charts,
// then one tab per section (底数, 探访, 风险, 情况报告, 服务, 数据) with its tables. Silent
// villages and late reports stand out in colour. Computing and every export run on a worker
// thread; the window stays usable meanwhile.
class SupervisionView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupervisionView)

public:
    explicit SupervisionView(LedgerSession& session, QWidget* parent = nullptr);
    ~SupervisionView() override;

    AreaPicker* areaPicker() const { return m_area; }
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QTabWidget* tabs() const { return m_tabs; }
    // The charts; null in a build without Qt Charts (SHOUWANG_CHARTS off).
    SupervisionCharts* charts() const { return m_charts; }
    // The overview's headline figures and unit breakdown.
    ReportTableModel* summaryModel() const { return m_summary; }
    ReportTableModel* unitModel() const { return m_units; }
    // Every table shown, by its name in the section tab (e.g. "数据同步").
    ReportTableModel* tableModel(int sectionTab, const QString& tableName) const;
    std::shared_ptr<const SupervisionReport> report() const { return m_report; }
    bool isComputing() const { return m_computing; }

    // Starts computing for the chosen area and period; reportReady() tells when it is done.
    void compute();
    // The exports, to a given file (the buttons ask for it). "" or the reason.
    QString exportXlsx(const QString& path);
    QString exportCsv(const QString& path);
    QString exportPdf(const QString& path);

signals:
    void reportReady(bool ok);

private:
    QWidget* buildControls();
    QWidget* sectionPage(ReportSection section);
    void showReport(std::shared_ptr<const SupervisionReport> report);
    void fillSection(int tab, ReportSection section);
    void askAndExport(const QString& filter, const QString& suffix, QString (SupervisionView::*write)(const QString&));

    LedgerSession& m_session;
    std::shared_ptr<const SupervisionReport> m_report;
    AreaPicker* m_area = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_computeButton = nullptr;
    std::vector<QPushButton*> m_exportButtons;
    QLabel* m_status;
    QTabWidget* m_tabs;
    SupervisionCharts* m_charts = nullptr;
    ReportTableModel* m_summary;
    ReportTableModel* m_units;
    // Per section tab (index 1..6): its models, in the order reportTables gives them.
    std::vector<std::vector<ReportTableModel*>> m_sectionModels;
    bool m_computing = false;
};

} // namespace shouwang::ui
