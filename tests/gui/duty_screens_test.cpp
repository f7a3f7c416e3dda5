// Issue 18 on the screens: the township's referral queue through the real widgets, the home
// page's list of supporters to urge, the ledger's programme filter, and the printed
// 督促通知书 read back from its PDF.

#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/ledger/duty_notice_print.h"
#include "ui/supervision/home_view.h"
#include "ui/session/labels.h"
#include "ui/ledger/ledger_view.h"
#include "ui/ledger/elder_table_model.h"
#include "ui/ledger/printing.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/workflows/referral_queue_view.h"

#include "domain/referral_workflow.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;
using Part = WorkflowStepPanel::Part;

namespace {

constexpr const char* kTownship = "500154001";

std::string save(test::GuiLedger& ledger, Record r)
{
    const SaveResult result = ledger.session->save(r);
    if (!result.ok())
        qFatal("fixture record refused: %s %s", result.message.c_str(),
               result.errors.empty() ? "" : result.errors[0].message.c_str());
    return r.id;
}

std::string supporter(test::GuiLedger& ledger, const std::string& elderId, const std::string& name)
{
    Record s;
    s.entity = "supporter";
    s.set("elder_id", elderId);
    s.set("name", name);
    s.set("relation", "son");
    return save(ledger, s);
}

int rowOf(WorkflowQueueView& view, const std::string& id)
{
    for (int row = 0; row < view.list().model().rowCount(); ++row) {
        if (view.list().model().recordAt(row)->id == id)
            return row;
    }
    return -1;
}

void fillStep(WorkflowStepPanel& panel, std::string_view status, const QString& on, const QString& handler,
              const QString& note)
{
    panel.setStepStatus(status);
    panel.timeEdit()->setDate(QDate::fromString(on, Qt::ISODate));
    panel.handlerEdit()->setText(handler);
    panel.noteEdit()->setPlainText(note);
}

} // namespace

class DutyScreensTest final : public QObject {
    Q_OBJECT

private slots:
    void theTownshipReviewsRefersAndClosesAReferral_outOfOrderRefusedWithTheCoresMessage()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("王转介", "19400101", "alone");
        const std::string id = save(ledger,
                                    test::recordOf("referral",
                                                   {{"elder_id", elder},
                                                    {"department", "justice"},
                                                    {"reason", "子女不履行赡养义务"},
                                                    {"proposed_on", "2024-05-01"},
                                                    {"proposed_by", "村委会"},
                                                    {"status", "proposed"}}));
        ledger.session->setScope(kTownship);

        ReferralQueueView view(*ledger.session);
        QVERIFY(rowOf(view, id) >= 0);
        view.select(rowOf(view, id));
        WorkflowStepPanel& panel = view.steps();
        QCOMPARE(panel.stepStatus(), std::string("reviewed")); // the next step is offered

        fillStep(panel, referral_status::kAccepted, QStringLiteral("2024-05-03"), QStringLiteral("司法所"), {});
        QVERIFY(!panel.apply());
        QCOMPARE(panel.errorText(Part::Step), QStringLiteral("该部门转介尚未审核，请先审核再受理。"));
        fillStep(panel, referral_status::kReviewed, QStringLiteral("2024-04-30"), QStringLiteral("李干事"), QStringLiteral("同意"));
        QVERIFY(!panel.apply());
        QVERIFY2(panel.errorText(Part::Time).contains(QStringLiteral("不能早于")), qPrintable(panel.errorText(Part::Time)));

        for (auto [status, on, who, note] :
             {std::tuple{referral_status::kReviewed, "2024-05-02", "李干事", "情况属实"},
              {referral_status::kReferred, "2024-05-02", "李干事", ""},
              {referral_status::kAccepted, "2024-05-06", "司法所赵律师", ""},
              {referral_status::kClosed, "2024-05-20", "", "达成赡养协议"}}) {
            view.select(rowOf(view, id));
            fillStep(panel, status, QString::fromUtf8(on), QString::fromUtf8(who), QString::fromUtf8(note));
            QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
            QCOMPARE(qs(ledger.session->get("referral", id)->value("status")), qs(status));
        }
        const auto stored = ledger.session->get("referral", id);
        QCOMPARE(qs(stored->value("closed_on")), QStringLiteral("2024-05-20"));
        QCOMPARE(qs(stored->value("outcome")), QStringLiteral("达成赡养协议"));
        QCOMPARE(qs(stored->value("accepted_by")), QStringLiteral("司法所赵律师"));
        QCOMPARE(rowOf(view, id), -1); // an ended referral leaves the open queue
        view.showCombo()->setCurrentIndex(1);
        QVERIFY(rowOf(view, id) >= 0);

        // The township proposes one itself: it belongs to the elder's village.
        const std::string ownId = save(ledger,
                                       test::recordOf("referral",
                                                      {{"elder_id", elder},
                                                       {"department", "health"},
                                                       {"reason", "未纳入健康管理"},
                                                       {"proposed_on", "2024-06-01"},
                                                       {"proposed_by", "乡镇民政办"},
                                                       {"status", "proposed"}}));
        QCOMPARE(qs(ledger.session->get("referral", ownId)->villageCode), QString::fromLatin1(test::GuiLedger::kVillage));
    }

    void theHomePageListsKeyTargetsWhoseSupportersAreDueToBeUrged()
    {
        test::GuiLedger ledger;
        const std::string never = ledger.addElder("从未督促", "19400101", "alone");
        const std::string recent = ledger.addElder("近期督促", "19400101", "alone");
        supporter(ledger, never, "张一");
        const std::string son = supporter(ledger, recent, "张二");
        Record notice;
        notice.entity = "duty_notice";
        notice.set("elder_id", recent);
        notice.set("supporter_id", son);
        notice.set("date", formatDate(today()));
        notice.set("method", "wechat");
        notice.set("content", "请常回家看看");
        notice.set("answer", "agreed");
        save(ledger, notice);

        HomeView home(*ledger.session);
        QTRY_VERIFY(!home.isRefreshing()); // read on a worker thread
        QTableWidget* table = home.urgingTable();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("从未督促"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("从未督促"));
    }

    void theLedgerFiltersBy65PlusHealthManagementAndPovertyProgrammes()
    {
        test::GuiLedger ledger;
        const std::string managed = ledger.addElder("纳入管理", "19400101", "alone");
        ledger.addElder("未纳入", "19400101", "alone");
        ledger.addElder("未满六五", "19700101", "alone");
        auto elder = ledger.session->get("elder", managed);
        elder->set("health_mgmt_65", "1");
        save(ledger, *elder);

        LedgerView view(*ledger.session);
        auto choose = [&](const char* code) {
            QComboBox* combo = view.programmeCombo();
            combo->setCurrentIndex(combo->findData(QString::fromLatin1(code)));
            return view.model().totalCount();
        };
        QCOMPARE(choose("health_65"), std::size_t(1));
        QCOMPARE(choose("health_65_missing"), std::size_t(1)); // 未纳入; 未满六五 is under 65
        QCOMPARE(choose("dibao"), std::size_t(0));
    }

    void thePrintedUrgingNoticeReadsBackFromThePdf()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils, tools/install-deps.sh) is not installed");
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("李秀英", "19400101", "alone");
        Record notice;
        notice.entity = "duty_notice";
        notice.set("elder_id", elder);
        notice.set("supporter_id", supporter(ledger, elder, "王建国"));
        notice.set("date", "2024-05-01");
        notice.set("method", "letter");
        notice.set("content", "请每周给老人打电话，每月给付赡养费300元");
        notice.set("follow_up_date", "2024-06-01");
        const auto stored = ledger.session->get("duty_notice", save(ledger, notice));

        const QString path = ledger.dir.filePath(QStringLiteral("督促通知书.pdf"));
        QVERIFY(writePdf(dutyNoticeHtml(*ledger.session, *stored), path));
        QProcess process;
        process.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        // The embedded font maps some characters to their radical look-alikes (⾏ for 行,
        // ⺠ for 民), which is how pdftotext reads them back: NFKC folds the Kangxi radicals,
        // and the one supplement radical the letter uses is folded by hand.
        const QString text = QString::fromUtf8(process.readAllStandardOutput())
                                 .normalized(QString::NormalizationForm_KC)
                                 .replace(QChar(0x2EA0), QChar(0x6C11))
                                 .remove(u' ')
                                 .remove(u'\n');
        for (const char* expected : {"督促履行赡养义务通知书", "王建国（儿子）：", "李秀英", "请每周给老人打电话，每月给付赡养费300元",
                                     "老年人权益保障法", "2024年6月1日", "书面", "川心村村民委员会", "2024年5月1日"}) {
            const QString want = QString::fromUtf8(expected).normalized(QString::NormalizationForm_KC); // （ → (
            QVERIFY2(text.contains(want), qPrintable(want + QStringLiteral(" not in: ") + text));
        }
    }
};

QTEST_MAIN(DutyScreensTest)
#include "duty_screens_test.moc"
