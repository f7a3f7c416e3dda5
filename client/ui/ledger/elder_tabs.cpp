#include "elder_tabs.h"

#include "duty_notice_print.h"
#include "ui/care/risk_dialog.h"
#include "ui/care/visit_dialog.h"
#include "ui/forms/change_history_view.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/workflows/incident_dialog.h"
#include "ui/workflows/referral_queue_view.h"

#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

RecordListPanel* elderPanel(LedgerSession& session, const std::string& elderId, std::string_view entity,
                            std::vector<std::string> columns)
{
    auto* panel = new RecordListPanel(session, *findEntity(entity), std::move(columns));
    panel->setFixedValues({{"elder_id", elderId}});
    return panel;
}

QWidget* titled(std::initializer_list<std::pair<QString, QWidget*>> parts)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    for (const auto& [title, widget] : parts) {
        layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title), page));
        layout->addWidget(widget, 1);
    }
    return page;
}

QWidget* pairingsAndLiaisons(LedgerSession& session, const std::string& elderId)
{
    auto* liaisons = elderPanel(session, elderId, schema::liaison::entity,
                                {schema::liaison::volunteer_id, schema::liaison::start_date, schema::liaison::end_date,
                                 schema::liaison::notes});
    auto* pairings = new RecordListPanel(
        session, *findEntity(schema::pairing::entity),
        {schema::pairing::mode, schema::pairing::helpers, schema::pairing::start_date, schema::pairing::end_date});
    const QString id = qs(elderId);
    pairings->setPredicate(
        [id](const Record& r) { return qs(r.value(schema::pairing::helped)).split(u',').contains(id); });
    pairings->setEditor([&session, elderId](QWidget* parent, const Record& record) {
        Record pairing = record;
        if (pairing.id.empty())
            pairing.set(schema::pairing::helped, elderId);
        RecordDialog dialog(session, pairing, {}, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    return titled({{label(*findEntity(schema::liaison::entity)), liaisons},
                   {label(*findEntity(schema::pairing::entity)), pairings}});
}

QWidget* historyTab(LedgerSession& session, const std::string& elderId)
{
    return new ChangeHistoryView(session, elderId);
}

} // namespace

void addElderRecordTabs(LedgerSession& session, const std::string& elderId, QTabWidget* tabs,
                        QVBoxLayout* householdLayout)
{
    auto* supporters = elderPanel(session, elderId, schema::supporter::entity,
                                  {schema::supporter::name, schema::supporter::relation, schema::supporter::phone,
                                   schema::supporter::away_location, schema::supporter::away_since,
                                   schema::supporter::duty_fulfilment});
    auto* notices
        = elderPanel(session, elderId, schema::duty_notice::entity,
                     {schema::duty_notice::date, schema::duty_notice::supporter_id, schema::duty_notice::method,
                      schema::duty_notice::answer, schema::duty_notice::follow_up_date, schema::duty_notice::content});
    householdLayout->addWidget(
        new QLabel(QStringLiteral("<b>%1</b>").arg(label(*findEntity(schema::supporter::entity)))));
    householdLayout->addWidget(supporters, 2);
    householdLayout->addWidget(
        new QLabel(QStringLiteral("<b>%1</b>").arg(label(*findEntity(schema::duty_notice::entity)))));
    householdLayout->addWidget(notices, 1);
    auto* printNotice = new QPushButton(QCoreApplication::translate("shouwang::ui::ElderDialog", "Print urging notice (督促通知书)..."));
    QObject::connect(printNotice, &QPushButton::clicked, notices, [&session, notices] {
        if (const Record* notice = notices->model().recordAt(notices->view()->currentIndex().row()))
            printDutyNotice(session, *notice, notices);
        else
            QMessageBox::information(notices, QCoreApplication::translate("shouwang::ui::ElderDialog", "Print urging notice"),
                                     QCoreApplication::translate("shouwang::ui::ElderDialog", "Choose a notice in the list first."));
    });
    householdLayout->addWidget(printNotice, 0, Qt::AlignRight);

    auto* visits = elderPanel(session, elderId, schema::visit::entity,
                              {schema::visit::date, schema::visit::mode, schema::visit::visitor, schema::visit::finding,
                               schema::visit::hazards, schema::visit::next_due});
    visits->setEditor([&session](QWidget* parent, const Record& record) {
        VisitDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(visits, QCoreApplication::translate("shouwang::ui::ElderDialog", "Visits"));

    auto* risks
        = elderPanel(session, elderId, schema::risk_assessment::entity,
                     {schema::risk_assessment::date, schema::risk_assessment::assessor, schema::risk_assessment::score,
                      schema::risk_assessment::level, schema::risk_assessment::next_due});
    risks->setEditor([&session](QWidget* parent, const Record& record) {
        RiskDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(risks, QCoreApplication::translate("shouwang::ui::ElderDialog", "Risk assessments"));

    tabs->addTab(elderPanel(session, elderId, schema::care_agreement::entity,
                            {schema::care_agreement::caretaker, schema::care_agreement::caretaker_kind,
                             schema::care_agreement::agreement_type, schema::care_agreement::start_date,
                             schema::care_agreement::end_date}),
                 QCoreApplication::translate("shouwang::ui::ElderDialog", "Care agreements"));
    tabs->addTab(pairingsAndLiaisons(session, elderId), QCoreApplication::translate("shouwang::ui::ElderDialog", "Pairings and liaisons"));
    tabs->addTab(elderPanel(session, elderId, schema::service_record::entity,
                            {schema::service_record::date, schema::service_record::item_id,
                             schema::service_record::provider, schema::service_record::content}),
                 QCoreApplication::translate("shouwang::ui::ElderDialog", "Services received"));

    auto* incidents
        = elderPanel(session, elderId, schema::incident::entity,
                     {schema::incident::discovered_at, schema::incident::type, schema::incident::escalated_to,
                      schema::incident::status, schema::incident::description});
    incidents->setEditor([&session](QWidget* parent, const Record& record) {
        IncidentDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(incidents, QCoreApplication::translate("shouwang::ui::ElderDialog", "Incident reports"));
    auto* referrals = elderPanel(session, elderId, schema::referral::entity,
                                 {schema::referral::proposed_on, schema::referral::department, schema::referral::status,
                                  schema::referral::reason, schema::referral::closed_on});
    referrals->setEditor([&session](QWidget* parent, const Record& record) { return editReferral(session, record, parent); });
    tabs->addTab(referrals, QCoreApplication::translate("shouwang::ui::ElderDialog", "Referrals to departments"));
    tabs->addTab(historyTab(session, elderId), QCoreApplication::translate("shouwang::ui::ElderDialog", "Change history"));
}

} // namespace shouwang::ui
