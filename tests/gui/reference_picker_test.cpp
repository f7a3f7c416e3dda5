// The reference pickers: a county user finds any of its elders by typing, never with the whole
// table loaded; the picker shows ID numbers masked; and every id a record holds (a helped
// elder since deleted) stays when the record is saved, unless the user removes it.

#include "../support/people.h"
#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/forms/record_dialog.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_picker.h"

#include "domain/idcard.h"
#include "store/database.h"

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// Picks the popup's first record with the keyboard, as a person would.
void pickFirst(RecordSearchBox* box)
{
    QTRY_VERIFY(box->popup()->isVisible());
    QTest::keyClick(box->popup(), Qt::Key_Down);
    QTest::keyClick(box->popup(), Qt::Key_Return);
}

QStringList shown(RecordSearchBox* box)
{
    QStringList rows;
    const auto* model = box->popup()->model();
    for (int i = 0; i < model->rowCount(); ++i)
        rows << model->index(i, 0).data().toString();
    return rows;
}

Record savedElder(LedgerSession& session, const std::string& village, int n)
{
    Record elder;
    elder.entity = "elder";
    elder.villageCode = village;
    elder.set("name", test::distinctName(n));
    elder.set("id_number", test::distinctIdNumber(n));
    elder.set("living", "alone");
    elder.set("status", "active");
    if (!session.ledger().save(elder, "测试员").ok())
        qFatal("fixture elder refused");
    return elder;
}

} // namespace

class ReferencePickerTest final : public QObject {
    Q_OBJECT

private slots:
    void aCountyUserFindsAndPicksThe6000thElderByTyping()
    {
        test::GuiLedger ledger;
        ledger.session->setScope("500154");
        std::vector<Record> elders;
        {
            Transaction tx(ledger.session->database());
            for (int n = 0; n < 6100; ++n)
                elders.push_back(savedElder(*ledger.session, n % 2 ? "500154001202" : test::GuiLedger::kVillage, n));
            tx.commit();
        }
        const Record& target = elders[5999];

        Record supporter;
        supporter.entity = "supporter";
        supporter.villageCode = target.villageCode;
        RecordDialog dialog(*ledger.session, supporter);
        auto* box = dialog.findChild<RecordSearchBox*>(QStringLiteral("elder_id"));
        QVERIFY(box);
        QVERIFY(box->text().isEmpty());
        test::typeInto(box, QString::fromStdString(target.value("name")));
        QTRY_VERIFY(box->popup()->isVisible());
        const QStringList rows = shown(box);
        QCOMPARE(rows.size(), 1);
        // The ID number shows masked, as in the ledger's table.
        QVERIFY(rows[0].contains(QString::fromStdString(maskIdNumber(target.value("id_number")))));
        QVERIFY(!rows[0].contains(QString::fromStdString(target.value("id_number"))));

        QElapsedTimer clock;
        clock.start();
        box->searchNow();
        qInfo("one search over %zu elders: %lld ms", elders.size(), static_cast<long long>(clock.elapsed()));

        pickFirst(box);
        QTRY_COMPARE(dialog.form().value("elder_id"), target.id);
        QVERIFY(box->text().startsWith(QString::fromStdString(target.value("name"))));

        dialog.form().setValue("name", "陈建华");
        dialog.form().setValue("relation", "son");
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        QCOMPARE(ledger.session->get("supporter", dialog.record().id)->value("elder_id"), target.id);
    }

    void aSingleReferenceToADeletedElderStaysUntilCleared()
    {
        test::GuiLedger ledger;
        const std::string gone = ledger.addElder("李桂兰", "19460202", "alone");
        Record supporter = test::recordOf("supporter", {{"elder_id", gone}, {"name", "李强"}, {"relation", "son"}});
        QVERIFY(ledger.session->save(supporter).ok());
        QVERIFY(ledger.session->remove(*ledger.session->get("elder", gone)).ok());

        RecordDialog dialog(*ledger.session, *ledger.session->get("supporter", supporter.id));
        auto* box = dialog.findChild<RecordSearchBox*>(QStringLiteral("elder_id"));
        QVERIFY(box);
        QVERIFY(box->text().startsWith(QStringLiteral("李桂兰")));
        QVERIFY(box->text().endsWith(RecordSearchBox::tr("(deleted)")));
        dialog.form().setValue("name", "李志强");
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        QCOMPARE(ledger.session->get("supporter", supporter.id)->value("elder_id"), gone);

        // A search typed and left unfinished is not a value: the box shows the elder held again.
        test::typeInto(box, QStringLiteral("王"));
        QCOMPARE(dialog.form().value("elder_id"), gone);
        emit box->editingFinished();
        QVERIFY(box->text().startsWith(QStringLiteral("李桂兰")));
        // Emptied, it clears the reference.
        box->clear();
        emit box->editingFinished();
        QCOMPARE(dialog.form().value("elder_id"), std::string());
    }

    void aWideSearchIsBoundedAndSaysThereIsMore()
    {
        test::GuiLedger ledger;
        {
            Transaction tx(ledger.session->database());
            for (int n = 0; n < RecordSearchBox::kShown + 20; ++n)
                savedElder(*ledger.session, test::GuiLedger::kVillage, n * 10); // one family name
            tx.commit();
        }
        Record supporter;
        supporter.entity = "supporter";
        RecordDialog dialog(*ledger.session, supporter);
        auto* box = dialog.findChild<RecordSearchBox*>(QStringLiteral("elder_id"));
        QVERIFY(box);
        test::typeInto(box, QStringLiteral("赵"));
        QTest::keyClick(box, Qt::Key_Return); // searches at once, and is not the dialog's Save
        QVERIFY(box->popup()->isVisible());
        QVERIFY(dialog.message().isEmpty());
        QCOMPARE(box->popup()->model()->rowCount(), RecordSearchBox::kShown + 1);
        const QModelIndex hint = box->popup()->model()->index(RecordSearchBox::kShown, 0);
        QVERIFY(!(hint.flags() & Qt::ItemIsSelectable));
        QVERIFY(hint.data().toString().contains(RecordSearchBox::tr("More records match: type more of the name or number…")));
    }

    void aPairingKeepsItsDeletedMovedAndUnreceivedHelpedEldersWhenSaved()
    {
        test::GuiLedger ledger;
        const std::string kept = ledger.addElder("王秀英", "19450101", "alone");
        const std::string gone = ledger.addElder("李桂兰", "19460202", "alone");
        const std::string added = ledger.addElder("张德明", "19470303", "alone");
        // One since moved to another village, and one this laptop has not received.
        const std::string moved = savedElder(*ledger.session, "500154001202", 4).id;
        const std::string unseen = "0b9c7a52-0000-4000-8000-000000000001";
        Record volunteer;
        volunteer.entity = "volunteer";
        volunteer.set("name", "周红");
        volunteer.set("kind", "volunteer");
        QVERIFY(ledger.session->save(volunteer).ok());
        Record pairing;
        pairing.entity = "pairing";
        pairing.set("mode", "one_many");
        pairing.set("helpers", volunteer.id);
        pairing.set("helped", kept + "," + gone + "," + moved + "," + unseen);
        pairing.set("start_date", "2026-01-01");
        SaveResult result = ledger.session->save(pairing);
        QVERIFY2(result.ok(), result.message.c_str());
        QVERIFY(ledger.session->remove(*ledger.session->get("elder", gone)).ok());

        RecordDialog dialog(*ledger.session, *ledger.session->get("pairing", pairing.id));
        auto* helped = dialog.form().editorWidget("helped");
        auto* list = helped->findChild<QListWidget*>();
        QVERIFY(list);
        QCOMPARE(list->count(), 4);
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("李桂兰")));
        QVERIFY(list->item(1)->text().endsWith(RecordSearchBox::tr("(deleted)")));
        QVERIFY(list->item(2)->text().startsWith(QString::fromStdString(test::distinctName(4))));
        QVERIFY(list->item(2)->text().endsWith(RecordSearchBox::tr("(moved out of this area)")));
        QVERIFY(list->item(3)->text().endsWith(QStringLiteral("0b9c7a52")));

        // An edit elsewhere in the form: the deleted elder is saved back.
        test::typeInto(dialog.form().editorWidget("content"), QStringLiteral("每周上门"));
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        const std::string held = gone + "," + moved + "," + unseen;
        QCOMPARE(ledger.session->get("pairing", pairing.id)->value("helped"), kept + "," + held);

        // Adding one by search and removing one by hand change just those.
        auto* search = helped->findChild<RecordSearchBox*>();
        test::typeInto(search, QStringLiteral("张德"));
        pickFirst(search);
        QTRY_COMPARE(list->count(), 5);
        list->item(0)->setSelected(true);
        helped->findChild<QPushButton*>()->click();
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        QCOMPARE(ledger.session->get("pairing", pairing.id)->value("helped"), held + "," + added);
    }
};

QTEST_MAIN(ReferencePickerTest)
#include "reference_picker_test.moc"
