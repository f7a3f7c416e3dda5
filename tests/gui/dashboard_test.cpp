// The supervision dashboard shows what the core computed: on a small generated county, every
// cell of its tables equals computeSupervision's, the charts carry the same numbers, and the
// Excel export holds the tables (read back from the file).

#include "gui_fixture.h"

#include "ui/session/labels.h"

#include "ui/forms/area_picker.h"
#include "ui/supervision/report_table_model.h"
#ifdef SHOUWANG_WITH_CHARTS
#include "ui/charts/supervision_charts.h"
#endif
#include "ui/supervision/supervision_view.h"

#include "demo/demo_generator.h"
#include "exchange/xlsx_reader.h"
#include "report/report_tables.h"

#ifdef SHOUWANG_WITH_CHARTS
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QPieSeries>
#endif
#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include <set>

#include <algorithm>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

bool sameTable(const ReportTableModel& model, const Table& table)
{
    if (model.rowCount() != static_cast<int>(table.rows.size()) || model.columnCount() != static_cast<int>(table.headers.size()))
        return false;
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() != qs(table.headers[std::size_t(c)]))
            return false;
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            if (model.data(model.index(r, c), Qt::DisplayRole).toString() != qs(table.rows[std::size_t(r)][std::size_t(c)])) {
                qWarning() << "differs at" << r << c << model.data(model.index(r, c), Qt::DisplayRole).toString();
                return false;
            }
        }
    }
    return true;
}

// The workbook as the ledger import reads it (minizip and expat, no outside unzip program, so
// the test runs the same under wine).
xlsx::Sheet readWorkbook(const QString& path, const std::string& sheet)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        xlsx::Sheet missing;
        missing.error = "cannot open " + path.toStdString();
        return missing;
    }
    const QByteArray bytes = file.readAll();
    return xlsx::readSheet(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), sheet);
}

bool anyCellContains(const xlsx::Sheet& sheet, const std::string& text)
{
    for (const csv::Row& row : sheet.rows) {
        for (const std::string& cell : row.fields) {
            if (cell.find(text) != std::string::npos)
                return true;
        }
    }
    return false;
}

bool waitForReport(SupervisionView& view)
{
    QSignalSpy ready(&view, &SupervisionView::reportReady);
    view.compute();
    return ready.wait(120000) && ready.first().first().toBool();
}

} // namespace

class DashboardTest final : public QObject {
    Q_OBJECT

private:
    test::GuiLedger m_ledger;

private slots:
    void initTestCase()
    {
        m_ledger.session->setScope("500154");
        DemoOptions options;
        options.scopeCode = "500154";
        options.villages = 3;
        options.elders = 90;
        options.visitsPerElder = 6;
        options.seed = 11;
        generateDemo(m_ledger.session->ledger(), options);
        m_ledger.session->ledger().derived().refreshAll();
    }

    void theDashboardShowsExactlyTheFiguresTheCoreComputes()
    {
        SupervisionView view(*m_ledger.session);
        QCOMPARE(view.areaPicker()->areaCode(), std::string("500154"));
        QVERIFY(waitForReport(view));
        const SupervisionReport expected = computeSupervision(m_ledger.session->database(), view.report()->request);
        QVERIFY(expected.base.active > 0);
        QVERIFY(sameTable(*view.summaryModel(), summaryTable(expected)));
        QVERIFY(sameTable(*view.unitModel(), unitTable(expected)));
        const std::vector<Table> data = reportTables(expected, ReportSection::Data);
        QVERIFY(sameTable(*view.tableModel(6, QStringLiteral("数据同步")), data.back()));
        const std::vector<Table> visits = reportTables(expected, ReportSection::Visits);
        QVERIFY(sameTable(*view.tableModel(2, QStringLiteral("逾期未探访")), visits[1]));

#ifdef SHOUWANG_WITH_CHARTS
        // The charts: one bar per township with elders on the ledger, at its on-schedule share;
        // the pie's slices the risk counts.
        auto* bars = qobject_cast<QBarSeries*>(view.charts()->coverageChart()->series().value(0));
        QVERIFY(bars);
        std::vector<double> shares;
        for (const UnitFigures& unit : expected.units) {
            if (unit.active > 0)
                shares.push_back(100.0 * double(unit.onSchedule.part) / double(unit.onSchedule.whole));
        }
        QCOMPARE(bars->barSets().first()->count(), static_cast<int>(shares.size()));
        for (std::size_t i = 0; i < shares.size(); ++i)
            QCOMPARE(bars->barSets().first()->at(static_cast<int>(i)), shares[i]);
        auto* pie = qobject_cast<QPieSeries*>(view.charts()->riskChart()->series().value(0));
        QVERIFY(pie);
        QCOMPARE(pie->sum(), static_cast<double>(expected.risk.high + expected.risk.medium + expected.risk.low
                                                 + expected.risk.never));
#else
        QVERIFY(!view.charts()); // built without Qt Charts: the tables above carry the figures
#endif
        // A village never heard from stands out in the data table.
        ReportTableModel* sync = view.tableModel(6, QStringLiteral("数据同步"));
        QVERIFY(sync->rowCount() > 0);
        QCOMPARE(sync->isHighlighted(0), data.back().rows[0][6] == "是");
    }

    void aTownshipChosenInTheAreaPickerIsBrokenDownByVillage()
    {
        SupervisionView view(*m_ledger.session);
        QComboBox* townships = view.areaPicker()->townshipCombo();
        townships->setCurrentIndex(1);
        const std::string township = view.areaPicker()->areaCode();
        QCOMPARE(township.size(), std::size_t(9));
        QVERIFY(waitForReport(view));
        QCOMPARE(view.report()->request.area, township);
        const SupervisionReport expected = computeSupervision(m_ledger.session->database(), view.report()->request);
        QVERIFY(sameTable(*view.unitModel(), unitTable(expected)));
    }

    // The city's computer (city:50) looks at the whole city, one line per county, or picks
    // one county and its townships.
    void theCityDashboardBreaksTheCityDownByCounty_andPicksOneCounty()
    {
        test::GuiLedger city;
        QVERIFY(city.session->setScope("50"));
        for (const char* county : {"500154", "500155"}) {
            DemoOptions options;
            options.scopeCode = county;
            options.villages = 2;
            options.elders = 20;
            options.seed = 5;
            generateDemo(city.session->ledger(), options);
        }
        city.session->ledger().derived().refreshAll();
        SupervisionView view(*city.session);
        QCOMPARE(view.areaPicker()->areaCode(), std::string("50"));
        QVERIFY(waitForReport(view));
        const SupervisionReport expected = computeSupervision(city.session->database(), view.report()->request);
        QCOMPARE(expected.base.active, view.report()->base.active);
        QVERIFY(sameTable(*view.unitModel(), unitTable(expected)));
        std::set<std::string> withElders;
        for (const UnitFigures& unit : expected.units) {
            if (unit.active > 0)
                withElders.insert(unit.name);
        }
        QCOMPARE(withElders, (std::set<std::string>{"开州区", "梁平区"}));

        QComboBox* counties = view.areaPicker()->countyCombo();
        QVERIFY(counties->isEnabled());
        counties->setCurrentIndex(counties->findData(QStringLiteral("500155")));
        QCOMPARE(view.areaPicker()->areaCode(), std::string("500155"));
        QVERIFY(view.areaPicker()->townshipCombo()->isEnabled());
        QVERIFY(waitForReport(view));
        QCOMPARE(view.report()->request.area, std::string("500155"));
    }

    void theExcelExportHoldsEveryTableAndTheLedger()
    {
        SupervisionView view(*m_ledger.session);
        QVERIFY(waitForReport(view));
        const QString path = m_ledger.dir.filePath(QStringLiteral("督查.xlsx"));
        QCOMPARE(view.exportXlsx(path), QString());
        const xlsx::Sheet summary = readWorkbook(path, "汇总");
        QVERIFY2(summary.error.empty(), summary.error.c_str());
        for (const char* sheet : {"汇总", "分单位", "逾期未探访", "情况报告", "数据同步", "留守老年人台账"})
            QVERIFY2(std::find(summary.sheetNames.begin(), summary.sheetNames.end(), sheet) != summary.sheetNames.end(),
                     sheet);
        QVERIFY(anyCellContains(summary, "按期探访率"));
        const QString csv = m_ledger.dir.filePath(QStringLiteral("督查.csv"));
        QCOMPARE(view.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("分单位")));
        const QString pdf = m_ledger.dir.filePath(QStringLiteral("督查.pdf"));
        QCOMPARE(view.exportPdf(pdf), QString());
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }
};

QTEST_MAIN(DashboardTest)
#include "dashboard_test.moc"
