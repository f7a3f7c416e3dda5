// A village clerk's day without traps (issue 15): each trap met by a clerk with a mouse and a
// pinyin keyboard and no server, driven through the real widgets.

#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/session/app_translations.h"
#include "ui/forms/area_picker.h"
#include "ui/ledger/elder_dialog.h"
#include "ui/sync/first_run_dialog.h"
#include "ui/supervision/home_view.h"
#include "ui/workflows/incident_dialog.h"
#include "ui/window/main_window.h"
#include "ui/ledger/new_household_dialog.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/care/risk_dialog.h"
#ifdef SHOUWANG_WITH_CHARTS
#include "ui/charts/supervision_charts.h"
#endif
#include "ui/supervision/supervision_view.h"
#include "ui/sync/sync_view.h"
#include "ui/ledger/household_dialog.h"
#include "ui/forms/record_dialog.h"
#include "ui/care/visit_dialog.h"

#include "domain/schema.h"
#include "report/report_tables.h"
#include "store/meta.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#ifdef SHOUWANG_WITH_CHARTS
#include <QChart>
#include <QLegend>
#endif
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>
#include <memory>
#include <vector>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

QLineEdit* lineEdit(ElderDialog& dialog, const char* field)
{
    return qobject_cast<QLineEdit*>(dialog.formFor(field)->editorWidget(field));
}

// The search box of a reference field (所属家庭 and the like).
QLineEdit* refBox(RecordForm& form, const char* field)
{
    return qobject_cast<QLineEdit*>(form.editorWidget(field));
}

QComboBox* combo(RecordForm& form, const char* field)
{
    return qobject_cast<QComboBox*>(form.editorWidget(field));
}

void fillElder(ElderDialog& dialog, const QString& name, const std::string& birth)
{
    test::typeInto(lineEdit(dialog, "name"), name);
    test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(test::validIdNumber(birth)));
    auto* living = combo(*dialog.formFor("living"), "living");
    living->setCurrentIndex(living->findData(QStringLiteral("alone")));
}

// Calls `handle` with the next modal window that opens (a question, a sub-dialog) while the
// code under test waits in its exec(); `seen` tells whether one opened at all.
QPointer<QTimer> onNextModal(std::function<void(QWidget*)> handle, bool* seen = nullptr)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, handle, seen] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        if (seen)
            *seen = true;
        handle(modal);
    });
    timer->start();
    return timer; // delete it when no window is expected after all
}

Record incidentFor(const std::string& elderId)
{
    return test::recordOf("incident", {{"elder_id", elderId}});
}

void reportIncident(test::GuiLedger& ledger, const std::string& elderId)
{
    IncidentDialog dialog(*ledger.session, incidentFor(elderId));
    auto* type = qobject_cast<QComboBox*>(dialog.form().editorWidget("type"));
    type->setCurrentIndex(1);
    test::typeInto(dialog.form().editorWidget("description"), QStringLiteral("夜里摔倒，送镇卫生院"));
    QVERIFY(dialog.save());
}

QString statusCell(RecordListPanel& panel, int row)
{
    RecordTableModel& model = panel.model();
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == QStringLiteral("办理状态"))
            return model.index(row, c).data().toString();
    }
    return {};
}

} // namespace

class ClerkDayTest final : public QObject {
    Q_OBJECT

private slots:
    // 1. Saved is not sent: the incident, the home page and a banner on every page say so.
    void anIncidentInTheOutboxReadsWaitingToUpload_andEveryPageSaysToPhoneTheTownship()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("摔倒老人", "19400315", "alone");
        MainWindow window(*ledger.session);
        QVERIFY(window.bannerText().isEmpty());

        IncidentDialog dialog(*ledger.session, incidentFor(elder));
        auto* type = qobject_cast<QComboBox*>(dialog.form().editorWidget("type"));
        type->setCurrentIndex(1);
        test::typeInto(dialog.form().editorWidget("description"), QStringLiteral("夜里摔倒，送镇卫生院"));
        QVERIFY(dialog.save());
        QVERIFY2(dialog.stateText().contains(QStringLiteral("Waiting to upload")), qPrintable(dialog.stateText()));
        QVERIFY2(!dialog.timelineText().contains(QStringLiteral("已上报")), qPrintable(dialog.timelineText()));

        // The home page's list of open reports says the same.
        auto* homeIncidents = window.home()->findChild<RecordListPanel*>();
        QVERIFY(homeIncidents);
        QCOMPARE(statusCell(*homeIncidents, 0), QStringLiteral("Waiting to upload"));

        // Above every page: the warning and what to do in an emergency.
        QVERIFY2(window.bannerText().contains(QStringLiteral("not reached the township")), qPrintable(window.bannerText()));
        QVERIFY(window.bannerText().contains(QStringLiteral("phone the township")));
        for (MainWindow::Page page : {MainWindow::LedgerPage, MainWindow::SyncPage, MainWindow::HomePage}) {
            window.showPage(page);
            QVERIFY(!window.bannerText().isEmpty());
        }

        // Once the county publishes the township's emergency phone, the banner gives it.
        Record contact;
        contact.entity = "township_contact";
        contact.villageCode = std::string(test::GuiLedger::kVillage).substr(0, 6);
        contact.set("township_code", std::string(test::GuiLedger::kVillage).substr(0, 9));
        contact.set("phone", "023-52231234");
        QVERIFY(ledger.session->save(contact).ok());
        QVERIFY2(window.bannerText().contains(QStringLiteral("023-52231234")), qPrintable(window.bannerText()));
    }

    // 1. A report the server refused never reached the township, and says so.
    void aRefusedIncidentDoesNotReadDelivered()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("退回老人", "19400315", "alone");
        Record incident = test::recordOf("incident",
                                         {{"elder_id", elder},
                                          {"type", "other"},
                                          {"discovered_at", "2026-12-01T08:00:00"},
                                          {"reporter", "测试员"},
                                          {"description", "情况"},
                                          {"escalated_to", "township"},
                                          {"status", "reported"}});
        const SaveResult saved = ledger.session->save(incident);
        QVERIFY(saved.ok() && saved.change);
        ledger.session->ledger().changeLog().markRefused(saved.change->changeId, 7, "变更被拒绝");
        HomeView home(*ledger.session);
        auto* list = home.findChild<RecordListPanel*>();
        QVERIFY2(statusCell(*list, 0).startsWith(QStringLiteral("Refused")), qPrintable(statusCell(*list, 0)));
        IncidentDialog dialog(*ledger.session, *ledger.session->get("incident", incident.id));
        QVERIFY2(!dialog.stateText().contains(QStringLiteral("Delivered")), qPrintable(dialog.stateText()));
        QVERIFY(!dialog.timelineText().contains(QStringLiteral("Delivered")));
    }

    // 1. The home page tells when the last sync succeeded and that the latest one failed.
    void theHomePageShowsTheLastSuccessfulSyncAndTheLatestFailure()
    {
        test::GuiLedger ledger;
        HomeView home(*ledger.session);
        QVERIFY(home.syncText().contains(QStringLiteral("never")));
        ledger.session->ledger().meta().set(meta::kLastSync, "2026-12-02T13:25:39");
        ledger.session->ledger().meta().set(meta::kLastSyncError, "同步未完成：服务器暂时无法连接（Connection refused）");
        ledger.session->notifyChanged();
        QVERIFY2(home.syncText().contains(QStringLiteral("2026-12-02 13:25")), qPrintable(home.syncText()));
        QVERIFY(!home.syncText().contains(QStringLiteral("13:25:39")));
        QVERIFY(home.syncText().contains(QStringLiteral("The latest sync failed")));
        QVERIFY(home.syncText().contains(QStringLiteral("服务器暂时无法连接")));
        QVERIFY(!home.syncText().contains(QStringLiteral("Connection refused")));
    }

    // 2. A household typed into a new elder's form is created in place, in the same save.
    void aTypedHouseholdIsCreatedInPlaceAndSavedWithTheElder()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        fillElder(dialog, QStringLiteral("王秀英"), "19400315");
        auto* household = refBox(*dialog.formFor("household_id"), "household_id");
        test::typeInto(household, QStringLiteral("王大山"));

        bool asked = false;
        onNextModal(
            [](QWidget* modal) {
                auto* create = qobject_cast<NewHouseholdDialog*>(modal);
                QVERIFY(create);
                QCOMPARE(create->form().value("head_name"), std::string("王大山"));
                test::typeInto(create->form().editorWidget("address"), QStringLiteral("石龙村3组15号"));
                create->accept();
            },
            &asked);
        // The elder is refused (a wrong ID number): the household is not stored alone.
        const QString goodId = lineEdit(dialog, "id_number")->text();
        lineEdit(dialog, "id_number")->setText(goodId.left(17) + (goodId.endsWith(u'1') ? u'2' : u'1'));
        QVERIFY(!dialog.save());
        QVERIFY(asked);
        QCOMPARE(ledger.session->ledger().count("household"), std::size_t(0));
        QCOMPARE(ledger.session->ledger().count("elder"), std::size_t(0));
        // Corrected, one Save stores both (no second question: the new household is kept).
        lineEdit(dialog, "id_number")->setText(goodId);
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        const auto households = ledger.session->list("household");
        QCOMPARE(households.size(), std::size_t(1));
        QCOMPARE(households[0].value("head_name"), std::string("王大山"));
        QCOMPARE(households[0].value("address"), std::string("石龙村3组15号"));
        QCOMPARE(ledger.session->get("elder", dialog.record().id)->value("household_id"), households[0].id);
    }

    // 2. ... and when the clerk does not create it, nothing is saved and the form says why.
    void aTypedHouseholdIsNeverDroppedSilently()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        fillElder(dialog, QStringLiteral("李大山"), "19410316");
        auto* household = refBox(*dialog.formFor("household_id"), "household_id");
        test::typeInto(household, QStringLiteral("李家"));
        onNextModal([](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); });
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.message().contains(QStringLiteral("李家")), qPrintable(dialog.message()));
        QVERIFY(!dialog.formFor("household_id")->errorText("household_id").isEmpty());
        QCOMPARE(ledger.session->ledger().count("elder"), std::size_t(0));
        QCOMPARE(household->text(), QStringLiteral("李家"));
    }

    // 3. Registration: fields checked before sending, the scheme added, one sentence with the
    // cause and the next step; 自动同步 not ticked before the laptop is registered.
    void registrationChecksFieldsFirst_addsTheScheme_andSaysWhatFailed()
    {
        test::GuiLedger ledger;
        SyncView view(*ledger.session);
        QVERIFY(!view.autoSyncBox()->isChecked());
        QVERIFY(!view.autoSyncBox()->isEnabled());

        view.serverEdit()->clear();
        view.codeEdit()->clear();
        view.enroll();
        QVERIFY(!view.isBusy()); // nothing sent
        QVERIFY2(view.resultText().contains(QStringLiteral("server address")), qPrintable(view.resultText()));

        view.serverEdit()->setText(QStringLiteral("127.0.0.1:1")); // nothing listens on port 1
        view.enroll();
        QVERIFY(!view.isBusy());
        QVERIFY2(view.resultText().contains(QStringLiteral("enrollment code")), qPrintable(view.resultText()));
        QCOMPARE(view.serverEdit()->text(), QStringLiteral("http://127.0.0.1:1"));

        view.codeEdit()->setText(QStringLiteral("ABCD-1234"));
        QSignalSpy finished(&view, &SyncView::syncFinished);
        view.enroll();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        const QString said = view.resultText();
        QVERIFY2(said.startsWith(QStringLiteral("Enrollment failed")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("Sync")) && !said.contains(QStringLiteral("同步")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("refused")) && !said.contains(QStringLiteral("must start")), qPrintable(said));
        QVERIFY(!view.autoSyncBox()->isChecked());
    }

    // 5. A red error speaks of the value in the box: correcting it clears it.
    void redErrorsFollowTheCurrentValue()
    {
        test::GuiLedger ledger;
        ElderDialog dialog(*ledger.session, {});
        std::string bad = test::validIdNumber("19400315");
        bad.back() = bad.back() == '1' ? '2' : '1';
        test::typeInto(lineEdit(dialog, "name"), QStringLiteral("张三"));
        test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(bad));
        test::typeInto(lineEdit(dialog, "phone"), QStringLiteral("1381234"));
        QVERIFY(!dialog.save());
        QVERIFY(!dialog.formFor("id_number")->errorText("id_number").isEmpty());
        // 7. A 7-digit mobile number is refused, with what a mobile number is.
        QVERIFY2(dialog.formFor("phone")->errorText("phone").contains(QStringLiteral("11位")),
                 qPrintable(dialog.formFor("phone")->errorText("phone")));

        lineEdit(dialog, "id_number")->clear();
        test::typeInto(lineEdit(dialog, "id_number"), QString::fromStdString(test::validIdNumber("19400315")));
        QVERIFY2(dialog.formFor("id_number")->errorText("id_number").isEmpty(),
                 qPrintable(dialog.formFor("id_number")->errorText("id_number")));
        test::typeInto(lineEdit(dialog, "phone"), QStringLiteral("5678"));
        QVERIFY(dialog.formFor("phone")->errorText("phone").isEmpty());
    }

    // 6. A ledger without an operator asks for one; the status bar keeps operator and file.
    void aLedgerWithoutOperatorAsksForOne_andTheStatusBarKeepsIt()
    {
        test::GuiLedger ledger;
        ledger.session->setOperatorName("");
        MainWindow window(*ledger.session);
        bool asked = false;
        onNextModal(
            [](QWidget* modal) {
                auto* input = qobject_cast<QInputDialog*>(modal);
                QVERIFY(input);
                input->setTextValue(QStringLiteral("刘文书"));
                input->accept();
            },
            &asked);
        window.askOperatorNameIfMissing();
        QVERIFY(asked);
        QCOMPARE(ledger.session->operatorName(), std::string("刘文书"));
        QVERIFY2(window.statusInfoText().contains(QStringLiteral("刘文书")), qPrintable(window.statusInfoText()));
        window.statusBar()->showMessage(QStringLiteral("a passing hint"));
        window.statusBar()->clearMessage();
        QVERIFY(window.statusInfoText().contains(QStringLiteral("刘文书")));
        QVERIFY(window.statusInfoText().contains(QStringLiteral("ledger.db")));
        bool askedAgain = false;
        QPointer<QTimer> watch = onNextModal([](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); }, &askedAgain);
        window.askOperatorNameIfMissing();
        QTest::qWait(100);
        QVERIFY(!askedAgain);
        delete watch;
        QApplication::closeAllWindows();
    }

    // 7. The township's part of a village's incident form is disabled, and looks it.
    void theTownshipSectionOfAVillageIncidentIsDisabled()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("老人", "19400315", "alone");
        IncidentDialog dialog(*ledger.session, incidentFor(elder));
        auto* handling = dialog.findChildren<RecordForm*>().last();
        QVERIFY(handling->hasField("accepted_by"));
        QVERIFY(!handling->editorWidget("accepted_by")->isEnabled());
        QVERIFY(!handling->editorWidget("accepted_at")->isEnabled());
        QVERIFY(dialog.form().editorWidget("description")->isEnabled());
    }

    // 7. A high-risk assessment without an intervention plan asks before saving.
    void aHighRiskWithoutPlanAsksBeforeSaving()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("高危老人", "19300315", "alone");
        RiskDialog dialog(*ledger.session, test::recordOf("risk_assessment", {{"elder_id", elder}}));
        for (auto* check : dialog.findChildren<QCheckBox*>())
            check->setChecked(true);
        QCOMPARE(dialog.level(), std::string("high"));
        QString question;
        onNextModal([&question](QWidget* modal) {
            auto* box = qobject_cast<QMessageBox*>(modal);
            QVERIFY(box);
            question = box->text();
            box->defaultButton()->click(); // the default: go back to the plan
        });
        dialog.accept();
        QVERIFY2(question.contains(QStringLiteral("intervention plan")), qPrintable(question));
        QCOMPARE(ledger.session->ledger().count("risk_assessment"), std::size_t(0));

        onNextModal([](QWidget* modal) {
            auto* box = qobject_cast<QMessageBox*>(modal);
            for (QAbstractButton* button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::AcceptRole)
                    button->click();
            }
        });
        dialog.accept();
        QCOMPARE(ledger.session->ledger().count("risk_assessment"), std::size_t(1));
    }

    // 7. Escape in an open drop-down closes the drop-down, not the record.
    void escapeInAnOpenDropDownClosesOnlyTheDropDown()
    {
        test::GuiLedger ledger;
        Record h;
        h.entity = "household";
        h.set("head_name", "王大山");
        h.set("address", "石龙村1组");
        QVERIFY(ledger.session->save(h).ok());
        ElderDialog dialog(*ledger.session, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::typeInto(lineEdit(dialog, "name"), QStringLiteral("王秀英")); // something to lose
        auto escapeIn = [&](QWidget* popupOwner, const char* what) {
            bool asked = false;
            QPointer<QTimer> watch = onNextModal([](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); }, &asked);
            QVERIFY2(QApplication::activePopupWidget(), what);
            // With a pinyin input method the key reaches the focused box of the form, not
            // the list: the form must close the list and keep the record open.
            QTest::keyClick(popupOwner, Qt::Key_Escape);
            QTest::qWait(150);
            delete watch;
            QVERIFY2(!asked, what);
            QVERIFY2(dialog.isVisible(), what);
            QVERIFY2(!QApplication::activePopupWidget(), what);
        };
        // A plain drop-down (居住情况).
        QComboBox* living = combo(*dialog.formFor("living"), "living");
        living->setFocus();
        living->showPopup();
        QTRY_VERIFY(QApplication::activePopupWidget());
        escapeIn(living, "living");
        // A picker's list of matches, opened by typing part of a name (所属家庭).
        dialog.tabs()->setCurrentIndex(1);
        QLineEdit* household = refBox(*dialog.formFor("household_id"), "household_id");
        household->setFocus();
        test::typeInto(household, QStringLiteral("王"));
        QTRY_VERIFY(QApplication::activePopupWidget());
        escapeIn(household, "household_id search");
        // A date's calendar (留守起始日期).
        dialog.tabs()->setCurrentIndex(0);
        auto* date = dialog.formFor("left_behind_since")->editorWidget("left_behind_since")->findChild<QDateTimeEdit*>();
        QVERIFY(date);
        date->setFocus();
        QTest::mouseClick(date, Qt::LeftButton, {}, QPoint(date->width() - 6, date->height() / 2)); // the arrow
        QTRY_VERIFY(QApplication::activePopupWidget());
        escapeIn(date, "calendar");
    }

    // 7. County and township pickers of the first start are searched by typing.
    void countyAndTownshipPickersAreSearchable()
    {
        FirstRunDialog dialog;
        const auto combos = dialog.findChildren<QComboBox*>();
        QComboBox* county = nullptr;
        for (QComboBox* c : combos) {
            if (c->findText(QStringLiteral("开州区")) >= 0)
                county = c;
        }
        QVERIFY(county);
        QVERIFY(county->isEditable());
        QCOMPARE(county->completer()->filterMode(), Qt::MatchContains);
        QCOMPARE(county->insertPolicy(), QComboBox::NoInsert);
        for (QComboBox* c : combos) {
            if (c != county && c->count() > 3) // township and village lists
                QVERIFY(c->isEditable());
        }
        // Text that names no place is not taken for the village still selected.
        county->lineEdit()->setText(QStringLiteral("不存在的区"));
        QMessageBox* refusal = nullptr;
        onNextModal([&refusal](QWidget* modal) {
            refusal = qobject_cast<QMessageBox*>(modal);
            if (refusal)
                refusal->accept();
        });
        const auto edits = dialog.findChildren<QLineEdit*>();
        for (QLineEdit* edit : edits) {
            if (edit->placeholderText().contains(QStringLiteral("张文书")))
                edit->setText(QStringLiteral("刘文书"));
        }
        dialog.accept();
        QVERIFY(refusal);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // The area of the supervision figures, on a county's computer: 38 townships.
        AreaPicker area("500154");
        for (QComboBox* c : area.findChildren<QComboBox*>()) {
            if (c->isEnabled())
                QVERIFY(c->isEditable());
        }
    }

    // 7. The home page of a new ledger says what to do next.
    void aNewLedgerSaysTheNextStep()
    {
        test::GuiLedger ledger;
        HomeView home(*ledger.session);
        QTRY_VERIFY(!home.isRefreshing()); // read on a worker thread
        QVERIFY2(home.nextStepText().contains(QStringLiteral("New elder")), qPrintable(home.nextStepText()));
        QVERIFY(home.nextStepText().contains(QStringLiteral("Sync")));
        ledger.addElder("第一位", "19400315", "alone");
        QTRY_VERIFY(!home.isRefreshing());
        QVERIFY(home.nextStepText().isEmpty());
    }

    // 7. Help leads to the user manual.
    void helpOpensTheUserManual()
    {
        test::GuiLedger ledger;
        MainWindow window(*ledger.session);
        QAction* manual = nullptr;
        for (QAction* menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction* action : menu->menu()->actions()) {
                if (action->text() == QStringLiteral("User manual"))
                    manual = action;
            }
        }
        QVERIFY(manual);
        manual->trigger();
        auto* browser = window.findChild<QTextBrowser*>(QStringLiteral("userManual"));
        QVERIFY(browser);
        QVERIFY(browser->toPlainText().contains(QStringLiteral("守望")));
        QApplication::closeAllWindows();
    }

    // 7. The risk pie's legend has room for whole labels ("高风险 12", not "高风险…").
    void thePieLegendIsNotCut()
    {
#ifndef SHOUWANG_WITH_CHARTS
        QSKIP("built without Qt Charts");
#else
        SupervisionCharts charts;
        SupervisionReport report;
        report.risk.high = 12;
        report.risk.medium = 30;
        report.risk.low = 200;
        report.risk.never = 5;
        charts.showReport(report);
        QCOMPARE(charts.riskChart()->legend()->alignment(), Qt::AlignRight);
#endif
    }

    // 7. Both conflict screens call the two values by the same names.
    void bothConflictScreensNameTheValuesAlike()
    {
        QFile file(QStringLiteral(SHOUWANG_SOURCE_DIR "/client/app/translations/shouwang_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context, source;
        QMap<QString, QString> sync, conflicts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"translation" && source.startsWith(QStringLiteral("Value "))) {
                const QString text = xml.readElementText();
                if (context == u"shouwang::ui::SyncView")
                    sync[source] = text;
                else if (context == u"shouwang::ui::ConflictView")
                    conflicts[source] = text;
            }
        }
        for (const QString& key : sync.keys())
            QCOMPARE(sync[key], conflicts.value(key));
        QVERIFY(conflicts.value(QStringLiteral("Value A (earlier)")).startsWith(conflicts.value(QStringLiteral("Value A"))));
    }

    // 7. Qt's own dialogs speak Chinese: its translation is built into the program.
    void qtDialogsSpeakChinese()
    {
        // Built in, so a Windows install without Qt's translations folder has it too.
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/qtbase_zh_CN.qm")));
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
        const QString cancel = box.button(QDialogButtonBox::Cancel)->text();
        QVERIFY2(cancel.contains(QStringLiteral("取消")), qPrintable(cancel));
        QVERIFY(QCoreApplication::translate("QFileDialog", "File &name:").contains(QStringLiteral("文件名")));
    }

    // 7. Every record form closes alike (FormDialog): Cancel with nothing typed just closes;
    // with something typed it asks, "Keep editing" keeps the form and the typing, "Discard"
    // closes and stores nothing.
    void everyRecordFormAsksBeforeThrowingAwayWhatWasTyped()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("表单老人", "19400315", "alone");
        auto forElder = [&elder](const char* entity) {
            Record record;
            record.entity = entity;
            record.set("elder_id", elder);
            return record;
        };
        Record household;
        household.entity = "household";
        struct Case {
            const char* entity;
            std::function<FormDialog*()> open;
            const char* field;
        };
        const std::vector<Case> cases = {
            {"elder", [&] { return new ElderDialog(*ledger.session, std::string()); }, "name"},
            {"household", [&] { return new HouseholdDialog(*ledger.session, household); }, "head_name"},
            {"supporter", [&] { return new RecordDialog(*ledger.session, forElder("supporter"), {"elder_id"}); }, "name"},
            {"visit", [&] { return new VisitDialog(*ledger.session, forElder("visit")); }, "visitor"},
            {"incident", [&] { return new IncidentDialog(*ledger.session, forElder("incident")); }, "description"},
            {"risk_assessment", [&] { return new RiskDialog(*ledger.session, forElder("risk_assessment")); }, "assessor"},
        };
        auto clickRole = [](QMessageBox::ButtonRole role) {
            return [role](QWidget* modal) {
                auto* box = qobject_cast<QMessageBox*>(modal);
                QVERIFY(box);
                for (QAbstractButton* button : box->buttons()) {
                    if (box->buttonRole(button) == role)
                        button->click();
                }
            };
        };
        for (const Case& c : cases) {
            const std::size_t stored = ledger.session->ledger().count(c.entity);
            std::unique_ptr<FormDialog> untouched(c.open());
            untouched->show();
            QVERIFY(QTest::qWaitForWindowExposed(untouched.get()));
            bool asked = false;
            QPointer<QTimer> watch = onNextModal([](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); }, &asked);
            untouched->reject();
            QTest::qWait(100);
            delete watch;
            QVERIFY2(!asked, c.entity);
            QVERIFY2(!untouched->isVisible(), c.entity);

            std::unique_ptr<FormDialog> dialog(c.open());
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            RecordForm* form = nullptr;
            for (RecordForm* candidate : dialog->findChildren<RecordForm*>()) {
                if (candidate->hasField(c.field))
                    form = candidate;
            }
            QVERIFY2(form, c.field);
            test::typeInto(form->editorWidget(c.field), QStringLiteral("要留住的字"));
            asked = false;
            onNextModal(clickRole(QMessageBox::RejectRole), &asked); // 继续编辑
            dialog->reject();
            QVERIFY2(asked, c.entity);
            QVERIFY2(dialog->isVisible(), c.entity);
            QVERIFY2(QString::fromStdString(form->value(c.field)).contains(QStringLiteral("要留住的字")), c.entity);
            asked = false;
            onNextModal(clickRole(QMessageBox::DestructiveRole), &asked); // 放弃
            dialog->reject();
            QVERIFY2(asked, c.entity);
            QVERIFY2(!dialog->isVisible(), c.entity);
            QCOMPARE(dialog->result(), int(QDialog::Rejected));
            QCOMPARE(ledger.session->ledger().count(c.entity), stored);
        }
    }

    // 7. The workbook shows no record ids nor ISO times, and its 数据同步 sheet the same last
    // sync as the home page.
    void theWorkbookHasNoIdsNorIsoTimes_andItsSyncSheetMatchesTheHomePage()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("督查老人", "19400315", "alone");
        reportIncident(ledger, elder);
        ledger.session->ledger().meta().set(meta::kLastSync, "2026-12-02T13:25:39");
        ledger.session->notifyChanged();
        HomeView home(*ledger.session);
        QVERIFY(home.syncText().contains(QStringLiteral("2026-12-02 13:25")));

        SupervisionView view(*ledger.session);
        QSignalSpy ready(&view, &SupervisionView::reportReady);
        view.compute();
        QVERIFY(ready.wait(60000));
        QVERIFY(view.report());
        const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"));
        const QRegularExpression iso(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:"));
        bool syncSheet = false;
        for (const Table& table : reportTables(*view.report())) {
            for (const auto& header : table.headers)
                QVERIFY2(header != "记录编号", table.name.c_str());
            for (const auto& row : table.rows) {
                for (const auto& cell : row) {
                    const QString text = QString::fromStdString(cell);
                    QVERIFY2(!uuid.match(text).hasMatch(), qPrintable(QString::fromStdString(table.name) + ": " + text));
                    QVERIFY2(!iso.match(text).hasMatch(), qPrintable(QString::fromStdString(table.name) + ": " + text));
                }
            }
            if (table.name == "数据同步") {
                syncSheet = true;
                QCOMPARE(table.rows.size(), std::size_t(1));
                QCOMPARE(QString::fromStdString(table.rows[0][3]), QStringLiteral("2026-12-02 13:25"));
            }
        }
        QVERIFY(syncSheet);
    }
};

QTEST_MAIN(ClerkDayTest)
#include "clerk_day_test.moc"
