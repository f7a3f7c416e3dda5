#include "elder_tabs.h"

#include "ui/forms/change_history_model.h"
#include "duty_notice_print.h"
#include "ui/workflows/incident_dialog.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/workflows/referral_queue_view.h"
#include "ui/care/risk_dialog.h"
#include "ui/care/visit_dialog.h"

#include "domain/schema.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
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
    auto* liaisons = elderPanel(session, elderId, "liaison", {"volunteer_id", "start_date", "end_date", "notes"});
    auto* pairings = new RecordListPanel(session, *findEntity("pairing"), {"mode", "helpers", "start_date", "end_date"});
    const QString id = qs(elderId);
    pairings->setPredicate([id](const Record& r) { return qs(r.value("helped")).split(u',').contains(id); });
    pairings->setEditor([&session, elderId](QWidget* parent, const Record& record) {
        Record pairing = record;
        if (pairing.id.empty())
            pairing.set("helped", elderId);
        RecordDialog dialog(session, pairing, {}, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    return titled({{label(*findEntity("liaison")), liaisons}, {label(*findEntity("pairing")), pairings}});
}

QWidget* historyTab(LedgerSession& session, const std::string& elderId)
{
    auto* view = new QTableView;
    auto* model = new ChangeHistoryModel(session, elderId, view);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->resizeColumnsToContents();
    QObject::connect(&session, &LedgerSession::changed, model, &ChangeHistoryModel::reload);
    return view;
}

} // namespace

void addElderRecordTabs(LedgerSession& session, const std::string& elderId, QTabWidget* tabs,
                        QVBoxLayout* householdLayout)
{
    auto* supporters = elderPanel(session, elderId, "supporter",
                                  {"name", "relation", "phone", "away_location", "away_since", "duty_fulfilment"});
    auto* notices = elderPanel(session, elderId, "duty_notice",
                               {"date", "supporter_id", "method", "answer", "follow_up_date", "content"});
    householdLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(label(*findEntity("supporter")))));
    householdLayout->addWidget(supporters, 2);
    householdLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(label(*findEntity("duty_notice")))));
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

    auto* visits = elderPanel(session, elderId, "visit", {"date", "mode", "visitor", "finding", "hazards", "next_due"});
    visits->setEditor([&session](QWidget* parent, const Record& record) {
        VisitDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(visits, QCoreApplication::translate("shouwang::ui::ElderDialog", "Visits"));

    auto* risks = elderPanel(session, elderId, "risk_assessment", {"date", "assessor", "score", "level", "next_due"});
    risks->setEditor([&session](QWidget* parent, const Record& record) {
        RiskDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(risks, QCoreApplication::translate("shouwang::ui::ElderDialog", "Risk assessments"));

    tabs->addTab(elderPanel(session, elderId, "care_agreement",
                            {"caretaker", "caretaker_kind", "agreement_type", "start_date", "end_date"}),
                 QCoreApplication::translate("shouwang::ui::ElderDialog", "Care agreements"));
    tabs->addTab(pairingsAndLiaisons(session, elderId), QCoreApplication::translate("shouwang::ui::ElderDialog", "Pairings and liaisons"));
    tabs->addTab(elderPanel(session, elderId, "service_record", {"date", "item_id", "provider", "content"}),
                 QCoreApplication::translate("shouwang::ui::ElderDialog", "Services received"));

    auto* incidents = elderPanel(session, elderId, "incident",
                                 {"discovered_at", "type", "escalated_to", "status", "description"});
    incidents->setEditor([&session](QWidget* parent, const Record& record) {
        IncidentDialog dialog(session, record, parent);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(incidents, QCoreApplication::translate("shouwang::ui::ElderDialog", "Incident reports"));
    auto* referrals = elderPanel(session, elderId, "referral", {"proposed_on", "department", "status", "reason", "closed_on"});
    referrals->setEditor([&session](QWidget* parent, const Record& record) { return editReferral(session, record, parent); });
    tabs->addTab(referrals, QCoreApplication::translate("shouwang::ui::ElderDialog", "Referrals to departments"));
    tabs->addTab(historyTab(session, elderId), QCoreApplication::translate("shouwang::ui::ElderDialog", "Change history"));
}

} // namespace shouwang::ui
