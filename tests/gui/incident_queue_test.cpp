// The township's incident work queue: each step through the real widgets, recorded on the
// incident with its time and handler; a step out of order refused with the core's message.

#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/session/labels.h"

#include "ui/workflows/incident_queue_view.h"
#include "ui/workflows/incident_step_panel.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"

#include "domain/incident_workflow.h"

#include <QDateTimeEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;
using Part = IncidentStepPanel::Part;

namespace {

constexpr const char* kTownship = "500154001"; // 汉丰街道, the fixture village's township

// A report as the village sends it, then the same ledger file opened as the township's.
std::string reportIncident(test::GuiLedger& ledger, const std::string& reportedAt)
{
    const std::string elder = ledger.addElder("王报告", "19400101", "alone");
    Record incident = test::recordOf("incident",
                                     {{"elder_id", elder},
                                      {"type", "critical_illness"},
                                      {"discovered_at", reportedAt},
                                      {"reported_at", reportedAt},
                                      {"reporter", "村委会张文书"},
                                      {"description", "老人在家中摔倒，无法起身"},
                                      {"escalated_to", "township"},
                                      {"status", "reported"}});
    const SaveResult result = ledger.session->save(incident);
    if (!result.ok())
        qFatal("fixture incident refused: %s", result.message.c_str());
    ledger.session->setScope(kTownship);
    return incident.id;
}

int rowOf(IncidentQueueView& view, const std::string& id)
{
    for (int row = 0; row < view.list().model().rowCount(); ++row) {
        if (view.list().model().recordAt(row)->id == id)
            return row;
    }
    return -1;
}

void fillStep(IncidentStepPanel& panel, IncidentStep step, const QString& at, const QString& handler, const QString& note)
{
    panel.setStep(step);
    panel.timeEdit()->setDateTime(QDateTime::fromString(at, Qt::ISODate));
    panel.handlerEdit()->setText(handler);
    panel.noteEdit()->setPlainText(note);
}

} // namespace

class IncidentQueueTest final : public QObject {
    Q_OBJECT

private slots:
    // The session keeps its scope in the text Scope::parse reads and asks Scope what it may
    // write: the same rules the server enforces.
    void theSessionsScopeIsTheSyncScope_andACodeOfNoLevelIsRefused()
    {
        test::GuiLedger ledger;
        LedgerSession& session = *ledger.session;
        QCOMPARE(session.ledger().meta().value(meta::kScope), std::string("village:") + test::GuiLedger::kVillage);
        QVERIFY(session.setScope(kTownship));
        const std::optional<Scope> scope = Scope::parse(session.ledger().meta().value(meta::kScope));
        QVERIFY(scope && scope->kind == Scope::Kind::Township && scope->code == kTownship);
        QVERIFY(session.scopeKind() == Scope::Kind::Township);
        QCOMPARE(session.scopeCode(), std::string(kTownship));
        QCOMPARE(session.countyCode(), std::string("500154"));
        QVERIFY(session.villageCode().empty());
        for (const EntityDef& entity : entities())
            QCOMPARE(session.mayWrite(entity), scope->mayWrite(entity));
        QVERIFY(session.mayWrite(*findEntity("incident")));
        QVERIFY(!session.mayWrite(*findEntity("elder")));

        QVERIFY(!session.setScope("5001540"));
        QCOMPARE(session.scopeCode(), std::string(kTownship)); // unchanged
    }

    void theTownshipAcknowledgesAndClosesAReport_andTheRecordHoldsEachStepWithTimeAndHandler()
    {
        test::GuiLedger ledger;
        const std::string id = reportIncident(ledger, "2024-05-10T08:00:00");
        IncidentQueueView view(*ledger.session);
        const int row = rowOf(view, id);
        QVERIFY(row >= 0);
        view.select(row);
        const std::size_t pendingBefore = ledger.session->ledger().changeLog().pendingCount();

        IncidentStepPanel& panel = view.steps();
        fillStep(panel, IncidentStep::Accept, QStringLiteral("2024-05-10T09:30:00"), QStringLiteral("王干事"), {});
        QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
        auto stored = ledger.session->get("incident", id);
        QVERIFY(stored);
        QCOMPARE(qs(stored->value("status")), QStringLiteral("accepted"));
        QCOMPARE(qs(stored->value("accepted_at")), QStringLiteral("2024-05-10T09:30:00"));
        QCOMPARE(qs(stored->value("accepted_by")), QStringLiteral("王干事"));

        view.select(rowOf(view, id));
        fillStep(panel, IncidentStep::Close, QStringLiteral("2024-05-11T16:00:00"), QStringLiteral("李站长"),
                 QStringLiteral("已送医治疗，子女返乡照料"));
        QTest::mouseClick(panel.applyButton(), Qt::LeftButton);
        stored = ledger.session->get("incident", id);
        QCOMPARE(qs(stored->value("status")), QStringLiteral("closed"));
        QCOMPARE(qs(stored->value("closed_at")), QStringLiteral("2024-05-11T16:00:00"));
        QCOMPARE(qs(stored->value("closed_by")), QStringLiteral("李站长"));
        QCOMPARE(qs(stored->value("outcome")), QStringLiteral("已送医治疗，子女返乡照料"));
        QCOMPARE(incidentTimeline(*stored).size(), std::size_t(3));
        // Each step is a change waiting to go to the county and on to the village.
        QCOMPARE(ledger.session->ledger().changeLog().pendingCount(), pendingBefore + 2);
        // A closed report leaves the queue of open ones.
        QCOMPARE(rowOf(view, id), -1);
    }

    void aStepOutOfOrderIsRefusedWithItsMessage_andTheReportIsUntouched()
    {
        test::GuiLedger ledger;
        const std::string id = reportIncident(ledger, "2024-05-10T08:00:00");
        IncidentQueueView view(*ledger.session);
        view.select(rowOf(view, id));
        IncidentStepPanel& panel = view.steps();

        fillStep(panel, IncidentStep::Assist, QStringLiteral("2024-05-10T09:00:00"), QStringLiteral("王干事"),
                 QStringLiteral("联系医院"));
        QVERIFY(!panel.apply());
        QCOMPARE(panel.errorText(Part::Step), QStringLiteral("该情况报告尚未受理，请先受理再开始救助。"));
        QCOMPARE(qs(ledger.session->get("incident", id)->value("status")), QStringLiteral("reported"));

        // Acknowledged before it was reported: refused at the time field.
        fillStep(panel, IncidentStep::Accept, QStringLiteral("2024-05-10T07:00:00"), QStringLiteral("王干事"), {});
        QVERIFY(!panel.apply());
        QVERIFY2(panel.errorText(Part::Time).contains(QStringLiteral("不能早于")), qPrintable(panel.errorText(Part::Time)));
        QVERIFY(panel.errorText(Part::Step).isEmpty());

        // No handler: refused at the handler field.
        fillStep(panel, IncidentStep::Accept, QStringLiteral("2024-05-10T09:00:00"), QString(), {});
        QVERIFY(!panel.apply());
        QCOMPARE(panel.errorText(Part::Handler), QStringLiteral("请填写受理人。"));
        QCOMPARE(qs(ledger.session->get("incident", id)->value("status")), QStringLiteral("reported"));
    }
};

QTEST_MAIN(IncidentQueueTest)
#include "incident_queue_test.moc"
