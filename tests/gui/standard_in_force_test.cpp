// The county's standard takes effect on its date and not before: an assessment is scored by,
// and records, the standard in force on its date; the ledger's due dates follow a standard
// dated today once the window opens, and when the date changes while it is open.

#include "gui_fixture.h"

#include "ui/session/day_watch.h"
#include "ui/window/main_window.h"
#include "ui/forms/record_form.h"
#include "ui/care/risk_dialog.h"

#include "domain/date.h"
#include "domain/risk_rule.h"
#include "store/elder_query.h"
#include "store/meta.h"

#include <QSignalSpy>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

std::string dayOffset(int days)
{
    return formatDate(today() + std::chrono::days(days));
}

// A standard effective from `from` in which living alone weighs `aloneWeight` and key
// targets are visited every `keyDays` days.
std::string publish(test::GuiLedger& ledger, const std::string& from, int aloneWeight, int keyDays)
{
    RiskStandard standard = defaultRiskStandard();
    standard.name = "标准" + from;
    for (RiskFactor& factor : standard.factors) {
        if (factor.code == riskfactor::kAlone)
            factor.weight = aloneWeight;
    }
    standard.schedule.keyTargetDays = keyDays;
    Record rule = riskRuleRecord(standard);
    rule.villageCode = "500154";
    rule.set("effective_from", from);
    Record saved = rule;
    if (!ledger.session->ledger().save(saved, "县民政局").ok())
        qFatal("standard refused");
    return saved.id;
}

std::string visitDue(test::GuiLedger& ledger, const std::string& elderId)
{
    for (const ElderRow& row : findElders(ledger.session->database(), {}, today())) {
        if (row.id == elderId)
            return row.visitDue;
    }
    return "?";
}

// What a day turning does to a ledger: the standard published for today (dated tomorrow
// when it was saved) is now in force, and the columns were last computed yesterday.
void turnTheDay(test::GuiLedger& ledger, const std::string& ruleId)
{
    ledger.session->database().exec("UPDATE risk_rules SET effective_from = '" + dayOffset(0)
                                    + "' WHERE id = key_of_id('" + ruleId + "')");
    ledger.session->ledger().meta().set(meta::kDerivedDay, dayOffset(-1));
}

} // namespace

class StandardInForceTest final : public QObject {
    Q_OBJECT

private slots:
    void anAssessmentRecordsTheStandardInForceOnItsDate_notALaterOne()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("独居老人", "19500101", "alone");
        const std::string current = publish(ledger, "2020-01-01", 3, 15);
        const std::string future = publish(ledger, dayOffset(30), 9, 15);

        Record assessment;
        assessment.entity = "risk_assessment";
        assessment.set("elder_id", elder);
        RiskDialog dialog(*ledger.session, assessment);
        QCOMPARE(dialog.ruleId(), current);
        QVERIFY(dialog.ticked().count(std::string(riskfactor::kAlone)));
        QCOMPARE(dialog.score(), 3); // living alone by today's standard
        QVERIFY(dialog.save());
        const auto saved = ledger.session->list("risk_assessment");
        QCOMPARE(saved.size(), std::size_t(1));
        QCOMPARE(saved.front().value("rule_id"), current);
        QCOMPARE(saved.front().value("score"), std::string("3"));

        // Dated on the later standard's day, the same assessment is that standard's.
        RiskDialog later(*ledger.session, assessment);
        later.form().setValue("date", dayOffset(31));
        emit later.form().edited(QStringLiteral("date"));
        QCOMPARE(later.ruleId(), future);
        QVERIFY(later.ticked().count(std::string(riskfactor::kAlone)));
        QCOMPARE(later.score(), 9);
    }

    void aStandardDatedTodayTakesEffectWhenTheWindowOpens()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("独居老人", "19500101", "alone"); // a key target
        ledger.addVisit(elder, 10);
        publish(ledger, "2020-01-01", 3, 15);
        const std::string tomorrow = publish(ledger, dayOffset(1), 3, 3);
        QCOMPARE(visitDue(ledger, elder), dayOffset(5));
        turnTheDay(ledger, tomorrow);

        MainWindow window(*ledger.session);
        QSignalSpy refreshed(window.dayWatch(), &DayWatch::refreshed);
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QCOMPARE(visitDue(ledger, elder), dayOffset(-7));
        QCOMPARE(ledger.session->ledger().derived().standard().schedule.keyTargetDays, 3);
    }

    void theDayTurningWhileTheWindowIsOpenAppliesTheDaysStandard()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("独居老人", "19500101", "alone");
        ledger.addVisit(elder, 10);
        publish(ledger, "2020-01-01", 3, 15);
        MainWindow window(*ledger.session);
        QSignalSpy refreshed(window.dayWatch(), &DayWatch::refreshed);
        QVERIFY(refreshed.wait(30000)); // the start-up check
        refreshed.clear();

        const std::string tomorrow = publish(ledger, dayOffset(1), 3, 3);
        QCOMPARE(visitDue(ledger, elder), dayOffset(5));
        QSignalSpy changed(ledger.session.get(), &LedgerSession::changed);
        turnTheDay(ledger, tomorrow);
        window.dayWatch()->check(); // what its minute timer does
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(visitDue(ledger, elder), dayOffset(-7));
        QVERIFY(changed.count() > 0); // the views refresh
        window.dayWatch()->check();   // once a day: nothing more to do
        QVERIFY(!window.dayWatch()->isRefreshing());
    }
};

QTEST_MAIN(StandardInForceTest)
#include "standard_in_force_test.moc"
