// The elder's record dialog, driven like a user would: typing into the real editors.

#include "gui_fixture.h"

#include "ui/ledger/elder_dialog.h"
#include "ui/ledger/elder_table_model.h"
#include "ui/forms/record_form.h"

#include "domain/schema.h"
#include "domain/validation.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTabWidget>
#include <QtTest>

#include <set>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

QLineEdit* lineEdit(ElderDialog& dialog, const char* field)
{
    return qobject_cast<QLineEdit*>(dialog.formFor(field)->editorWidget(field));
}

void choose(ElderDialog& dialog, const char* field, const char* code)
{
    auto* combo = qobject_cast<QComboBox*>(dialog.formFor(field)->editorWidget(field));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(QString::fromLatin1(code)));
}

} // namespace

class ElderDialogTest final : public QObject {
    Q_OBJECT

private slots:
    void anElderCreatedInTheDialogIsFoundInTheLedger()
    {
        test::GuiLedger ledger;
        const std::string id = test::validIdNumber("19400315");
        {
            ElderDialog dialog(*ledger.session, {});
            test::typeInto(lineEdit(dialog, "name"), QStringLiteral("王秀英"));
            test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(id));
            test::typeInto(lineEdit(dialog, "phone"), QStringLiteral("13812345678"));
            choose(dialog, "living", "alone");
            QVERIFY2(dialog.save(), qPrintable(dialog.message()));
            QVERIFY(!dialog.record().id.empty());
        }
        ElderTableModel model(*ledger.session);
        ElderFilter filter = model.filter();
        filter.text = "王秀英";
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ElderTableModel::Name).data().toString(), QStringLiteral("王秀英"));
        QCOMPARE(model.index(0, ElderTableModel::Sex).data().toString(), QStringLiteral("男"));
        // The list masks the ID number and the phone (DESIGN §5).
        QVERIFY(!model.index(0, ElderTableModel::IdNumber).data().toString().contains(QStringLiteral("19400315")));
        QCOMPARE(model.index(0, ElderTableModel::Phone).data().toString(), QStringLiteral("138****5678"));
    }

    void typingTheIdNumberFillsBirthDateSexAndAgeAtOnce()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(test::validIdNumber("19400315")));
        QVERIFY2(dialog.derivedText().contains(QStringLiteral("1940-03-15")), qPrintable(dialog.derivedText()));
        QVERIFY(dialog.derivedText().contains(QStringLiteral("男")));
    }

    void anInvalidIdNumberIsRefusedAtItsFieldAndTheRestIsKept()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        std::string bad = test::validIdNumber("19400315");
        bad.back() = bad.back() == '1' ? '2' : '1'; // wrong check digit
        test::typeInto(lineEdit(dialog, "name"), QStringLiteral("李大山"));
        test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(bad));
        test::typeInto(lineEdit(dialog, "phone"), QStringLiteral("13812345678"));
        choose(dialog, "living", "spouse");
        QVERIFY(!dialog.save());

        const QString shown = dialog.formFor("id_number")->errorText("id_number");
        const std::string expected = validateValue(*findEntity("elder")->field("id_number"), bad);
        QVERIFY(!expected.empty());
        QCOMPARE(shown, QString::fromStdString(expected));
        QVERIFY(dialog.formFor("name")->errorText("name").isEmpty());
        QCOMPARE(lineEdit(dialog, "name")->text(), QStringLiteral("李大山"));
        QCOMPARE(lineEdit(dialog, "id_number")->text(), QString::fromStdString(bad));
        QCOMPARE(lineEdit(dialog, "phone")->text(), QStringLiteral("13812345678"));
        QCOMPARE(dialog.formFor("living")->value("living"), std::string("spouse"));
        QVERIFY(dialog.isModified());
        QCOMPARE(ledger.session->ledger().count("elder"), std::size_t(0));
    }

    void everyElderFieldOfTheSchemaHasAPlaceInTheDialog()
    {
        std::set<std::string_view> placed;
        for (const auto& group : ElderDialog::fieldGroups())
            placed.insert(group.begin(), group.end());
        for (const auto& field : findEntity("elder")->fields)
            QVERIFY2(placed.count(field.name), field.name.data());
    }

    void savingAnElderOpensTheTabsOfItsRecords()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        const int before = dialog.tabs()->count();
        test::typeInto(lineEdit(dialog, "name"), QStringLiteral("赵四"));
        test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(test::validIdNumber("19500101")));
        choose(dialog, "living", "alone");
        QVERIFY(dialog.save());
        QCOMPARE(dialog.tabs()->count(), before + 8); // visits ... referrals, change history
    }
};

QTEST_MAIN(ElderDialogTest)
#include "elder_dialog_test.moc"
