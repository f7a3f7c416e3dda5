#include "volunteer_hours_view.h"

#include "report_table_model.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/row_list.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/schema.h"
#include "domain/schema_names.h"
#include "store/volunteer_hours_store.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

constexpr int kPendingColumn = 5;

// A saved entry opens with only its settlement editable (作废, 核准超额, the note): the rest
// was confirmed by the village committee and is refused if changed (domain/volunteer_hours.h).
bool openEntry(LedgerSession& session, const Record& record, QWidget* parent)
{
    RecordDialog dialog(session, record, {}, parent);
    if (!record.id.empty()) {
        for (const FieldDef& field : dialog.form().entity().fields) {
            if (QWidget* editor = dialog.form().editorWidget(field.name); editor && !isSettlementField(field.name))
                editor->setEnabled(false);
        }
    }
    return dialog.exec() == QDialog::Accepted;
}

} // namespace

VolunteerHoursView::VolunteerHoursView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_accounts(new ReportTableModel(this))
    , m_accountView(new QTableView(this))
{
    m_accountView->setModel(m_accounts);
    makeRowList(m_accountView);
    auto* hint = new QLabel(tr("Balances are worked out from the entries below and cannot be typed. An entry confirmed by "
                               "the village committee cannot be changed or deleted: if it is wrong, tick \"Voided\" and "
                               "say why. A redemption beyond the balance is refused unless the county allows an "
                               "overdraft; one that two computers made at once is marked \"over the balance, to be "
                               "checked\" until the committee approves or voids it."),
                            this);
    hint->setWordWrap(true);

    m_credits = new RecordListPanel(session, *findEntity(schema::volunteer_credit::entity),
                                    {schema::volunteer_credit::volunteer_id, schema::volunteer_credit::date,
                                     schema::volunteer_credit::hours, schema::volunteer_credit::source,
                                     schema::volunteer_credit::content, schema::volunteer_credit::confirmed_by,
                                     schema::volunteer_credit::voided},
                                    this);
    m_redemptions
        = new RecordListPanel(session, *findEntity(schema::volunteer_redemption::entity),
                              {schema::volunteer_redemption::volunteer_id, schema::volunteer_redemption::date,
                               schema::volunteer_redemption::hours, schema::volunteer_redemption::beneficiary,
                               schema::volunteer_redemption::elder_id, schema::volunteer_redemption::service,
                               schema::volunteer_redemption::confirmed_by,
                               schema::volunteer_redemption::overdraft_approved, schema::volunteer_redemption::voided},
                              this);
    for (RecordListPanel* panel : {m_credits, m_redemptions}) {
        panel->setFixedValues({});
        panel->setEditor([&session](QWidget* owner, const Record& record) { return openEntry(session, record, owner); });
        if (session.scopeKind() != Scope::Kind::Village)
            panel->setReadOnly(true);
    }
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_accountView);
    split->addWidget(m_credits);
    split->addWidget(m_redemptions);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
    layout->addWidget(split, 1);
    connect(&session, &LedgerSession::changed, this, &VolunteerHoursView::reload);
    reload();
}

void VolunteerHoursView::reload()
{
    Table table{ss(tr("Volunteer hours")),
                {ss(tr("Volunteer")), ss(tr("Hours credited")), ss(tr("Hours redeemed")), ss(tr("Balance (hours)")),
                 ss(tr("Redemptions over the balance, to be checked")), ss(tr("Hours to be checked"))},
                {}};
    for (const VolunteerAccount& v : loadHoursAccounts(m_session.database(), m_session.countyCode())) {
        const HoursAccount& a = v.account;
        table.rows.push_back({v.name, std::to_string(a.credited), std::to_string(a.redeemed), std::to_string(a.balance()),
                              std::to_string(a.pending), std::to_string(a.pendingHours)});
    }
    m_accounts->setTable(std::move(table), [](const std::vector<std::string>& row) {
        return row.size() > kPendingColumn && row[kPendingColumn] != "0";
    });
    m_credits->reload();
    m_redemptions->reload();
}

} // namespace shouwang::ui
