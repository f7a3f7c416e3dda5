// What is printed holds everything: the PDF report every row of every table, its header
// repeated on each page; the elder's record every record that concerns the elder.

#include "gui_fixture.h"

#include "ui/session/labels.h"
#include "ui/ledger/printing.h"
#include "ui/supervision/report_export.h"

#include "domain/schema.h"
#include "report/supervision.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// A report whose data table has one row per village of a large county.
SupervisionReport reportWithVillages(int villages)
{
    SupervisionReport report;
    report.request.area = "500154";
    report.request.from = *parseDate("2026-01-01");
    report.request.to = *parseDate("2026-01-31");
    report.asOf = "2026-01-31T23:59:59";
    for (int i = 0; i < villages; ++i) {
        DataFigures::Village v;
        v.code = "500154" + std::to_string(100000 + i);
        v.name = "村" + std::to_string(i);
        report.data.villages.push_back(v);
    }
    return report;
}

Record make(std::string entity, std::initializer_list<std::pair<const char*, std::string>> values)
{
    Record r;
    r.entity = std::move(entity);
    for (const auto& [field, value] : values)
        r.set(field, value);
    return r;
}

} // namespace

class PrintingTest final : public QObject {
    Q_OBJECT

private slots:
    void thePdfReportHoldsEveryRow_withTheHeaderRepeatedOnEachPage()
    {
        const SupervisionReport report = reportWithVillages(450);
        const QString html = reportHtml(report);
        for (int i : {0, 199, 200, 449})
            QVERIFY2(html.contains(QStringLiteral(">500154%1<").arg(100000 + i)), qPrintable(QString::number(i)));

        QTextDocument document;
        document.setHtml(html);
        bool found = false;
        for (QTextFrame* frame : document.rootFrame()->childFrames()) {
            auto* table = qobject_cast<QTextTable*>(frame);
            if (!table || table->cellAt(0, 0).firstCursorPosition().block().text() != QStringLiteral("村代码"))
                continue;
            found = true;
            QCOMPARE(table->rows(), 451);
            QCOMPARE(table->format().headerRowCount(), 1); // what QTextDocument repeats per page
        }
        QVERIFY(found);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writePdf(html, path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QString bytes = QString::fromLatin1(pdf.readAll());
        const auto pages = bytes.count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]")));
        QVERIFY2(pages > 5, qPrintable(QString::number(pages)));
    }

    void thePrintedElderRecordHoldsTheirPairingsAndEveryRecordAboutThem()
    {
        test::GuiLedger ledger;
        const std::string elderId = ledger.addElder("王奶奶", "19450101", "alone");
        const std::string otherId = ledger.addElder("李爷爷", "19460202", "spouse");
        ledger.addVisit(elderId, 3);
        Record volunteer = make("volunteer", {{"name", "张志愿"}, {"kind", "volunteer"}});
        QVERIFY(ledger.session->save(volunteer).ok());
        Record pairing = make("pairing", {{"mode", "one_many"},
                                          {"helpers", volunteer.id},
                                          {"helped", otherId + "," + elderId},
                                          {"start_date", "2026-01-01"},
                                          {"content", "每周上门帮扶"}});
        QVERIFY(ledger.session->save(pairing).ok());
        Record activity = make("pairing_activity", {{"pairing_id", pairing.id}, {"date", "2026-02-01"}, {"content", "送米送油"}});
        QVERIFY(ledger.session->save(activity).ok());

        const QString html = elderRecordHtml(*ledger.session, *ledger.session->get("elder", elderId));
        QVERIFY(html.contains(label(*findEntity("pairing"))));
        QVERIFY(html.contains(QStringLiteral("每周上门帮扶")));
        QVERIFY(html.contains(QStringLiteral("送米送油")));
        QVERIFY(html.contains(QStringLiteral("张志愿")));
        QVERIFY(html.contains(label(*findEntity("visit"))));
    }
};

QTEST_MAIN(PrintingTest)
#include "printing_test.moc"
