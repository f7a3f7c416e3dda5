#include "home_view.h"

#include "ui/care/visit_dialog.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/row_list.h"
#include "ui/ledger/elder_table_model.h"
#include "ui/session/enrollment_check.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "ui/workflows/incident_dialog.h"

#include "domain/divisions.h"
#include "domain/readable_time.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "report/family_duty.h"
#include "store/conflict_queue.h"
#include "store/delivery_state.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace shouwang::ui {

HomeView::HomeView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_due(new ElderTableModel(session, this))
    , m_highRisk(new ElderTableModel(session, this))
    , m_heading(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_sync(new QLabel(this))
    , m_nextStep(new QLabel(this))
    , m_campaign(new QLabel(this))
{
    m_heading->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    m_counts->setWordWrap(true);
    m_counts->setTextFormat(Qt::RichText);
    m_campaign->setWordWrap(true);
    m_sync->setWordWrap(true);
    m_sync->setTextFormat(Qt::RichText);
    m_nextStep->setWordWrap(true);
    m_nextStep->setStyleSheet(QStringLiteral("background: #e8f1ff; border: 1px solid #8fb0e0; padding: 8px; "
                                             "font-size: 12pt;"));
    m_incidents
        = new RecordListPanel(session, *findEntity(schema::incident::entity),
                              {schema::incident::elder_id, schema::incident::type, schema::incident::discovered_at,
                               schema::incident::escalated_to, schema::incident::status},
                              this);
    m_incidents->setReadOnly(true);
    m_incidents->setPredicate([](const Record& r) { return r.value(schema::incident::status) != "closed"; });
    m_incidents->setEditor([&session](QWidget* p, const Record& record) {
        IncidentDialog dialog(session, record, p);
        return dialog.exec() == QDialog::Accepted;
    });

    m_urging = new QTableWidget(0, 3, this);
    m_urging->setHorizontalHeaderLabels({tr("Name"), tr("Village"), tr("Why")});
    makeRowList(m_urging);
    connect(m_urging, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (const QTableWidgetItem* item = m_urging->item(row, 0))
            emit openElderRequested(item->data(Qt::UserRole).toString());
    });

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Visits due today and overdue</b> (double-click to record a visit)"), this), 0, 0);
    grid->addWidget(elderTable(m_due, true), 1, 0);
    grid->addWidget(new QLabel(tr("<b>High-risk elders</b>"), this), 0, 1);
    grid->addWidget(elderTable(m_highRisk, false), 1, 1);
    grid->addWidget(new QLabel(tr("<b>Open incident reports</b>"), this), 2, 0);
    grid->addWidget(m_incidents, 3, 0);
    grid->addWidget(new QLabel(tr("<b>Supporters to urge</b> (key targets; double-click to open the elder and record a "
                                  "notice)"), this), 2, 1);
    grid->addWidget(m_urging, 3, 1);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(3, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_nextStep);
    layout->addWidget(m_counts);
    layout->addWidget(m_sync);
    layout->addWidget(m_campaign);
    layout->addLayout(grid, 1);
    connect(&session, &LedgerSession::changed, this, &HomeView::refresh);
    refresh();
}

QTableView* HomeView::elderTable(ElderTableModel* model, bool visitOnDoubleClick)
{
    auto* view = new QTableView(this);
    view->setModel(model);
    makeRowList(view);
    for (int c : {ElderTableModel::IdNumber, ElderTableModel::Phone, ElderTableModel::Living, ElderTableModel::Status,
                  ElderTableModel::Village, ElderTableModel::Sex, ElderTableModel::KeyFlags})
        view->hideColumn(c);
    view->setColumnWidth(ElderTableModel::Name, 90);
    view->setColumnWidth(ElderTableModel::Age, 50);
    connect(view, &QTableView::doubleClicked, this, [this, model, visitOnDoubleClick](const QModelIndex& index) {
        const ElderRow* row = model->rowAt(index.row());
        if (!row)
            return;
        if (visitOnDoubleClick && m_session.mayWrite(*findEntity(schema::visit::entity)))
            recordVisit(m_session, row->id, this);
        else
            emit openElderRequested(qs(row->id));
    });
    return view;
}

// What the home page shows that reads the whole scope, read on the worker (startFigures).
struct HomeView::Figures {
    Date day{};
    ElderFilter dueFilter, highRiskFilter;
    ElderPage due, highRisk;
    std::vector<UrgingDue> urging;
    // Elders on the register: all, key targets, each kind of key target; visits overdue.
    std::size_t active = 0, keyTargets = 0, advancedAge = 0, disabled = 0, dementia = 0, alone = 0, hardship = 0,
                overdue = 0;
    std::size_t pending = 0, conflicts = 0;
    bool empty = false; // not one elder in the scope
};

void HomeView::refresh()
{
    m_incidents->reload();
    m_heading->setText(tr("%1    %2").arg(qs(divisionPath(m_session.scopeCode())), qs(formatDate(today()))));
    refreshSync();
    m_campaign->setText(campaignText());
    startFigures();
}

void HomeView::startFigures()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_again = false;
    if (m_counts->text().isEmpty())
        m_counts->setText(tr("Counting..."));
    auto figures = std::make_shared<Figures>();
    figures->day = today();
    const std::string scope = m_session.scopeCode();
    figures->dueFilter.villagePrefix = scope;
    figures->dueFilter.dueBy = true;
    figures->dueFilter.dueDate = figures->day;
    figures->dueFilter.sortColumn = "visitDue";
    figures->highRiskFilter.villagePrefix = scope;
    figures->highRiskFilter.status = "active";
    figures->highRiskFilter.riskLevel = "high";
    LedgerTask* task = LedgerTask::start(m_session.path(), [figures, scope](LedgerSession& own, LedgerTask&) {
        Figures& f = *figures;
        Database& db = own.database();
        f.due = ElderTableModel::firstPage(db, f.dueFilter, f.day);
        f.highRisk = ElderTableModel::firstPage(db, f.highRiskFilter, f.day);
        f.urging = urgingDue(db, scope, f.day);
        ElderFilter active;
        active.villagePrefix = scope;
        active.status = "active";
        auto count = [&](std::uint32_t flag) {
            ElderFilter with = active;
            with.flags = flag;
            return countElders(db, with, f.day);
        };
        f.active = count(0);
        f.keyTargets = count(ElderFilter::KeyTarget);
        f.advancedAge = count(ElderFilter::AdvancedAge);
        f.disabled = count(ElderFilter::Disabled);
        f.dementia = count(ElderFilter::Dementia);
        f.alone = count(ElderFilter::Alone);
        f.hardship = count(ElderFilter::Hardship);
        ElderFilter overdue = active;
        overdue.overdue = true;
        f.overdue = countElders(db, overdue, f.day);
        f.pending = own.ledger().changeLog().pendingCount();
        f.conflicts = ConflictQueue(db).openCount(scope);
        ElderFilter any;
        any.villagePrefix = scope;
        any.limit = 1;
        f.empty = findElders(db, any, f.day).empty();
        return QString();
    });
    connect(task, &LedgerTask::finished, this, [this, figures](bool ok, const QString& message) {
        m_busy = false;
        if (ok)
            showFigures(*figures);
        else
            m_counts->setText(message.toHtmlEscaped());
        if (m_again)
            startFigures();
        else
            emit figuresShown();
    });
}

void HomeView::showFigures(Figures& figures)
{
    m_due->adopt(figures.dueFilter, std::move(figures.due), figures.day);
    m_highRisk->adopt(figures.highRiskFilter, std::move(figures.highRisk), figures.day);
    const auto& due = figures.urging;
    m_urging->setRowCount(static_cast<int>(due.size()));
    for (int row = 0; row < static_cast<int>(due.size()); ++row) {
        const UrgingDue& d = due[static_cast<std::size_t>(row)];
        auto* name = new QTableWidgetItem(qs(d.elderName));
        name->setData(Qt::UserRole, qs(d.elderId));
        const Division* village = findDivision(d.villageCode);
        m_urging->setItem(row, 0, name);
        m_urging->setItem(row, 1, new QTableWidgetItem(village ? qs(shortVillageName(village->name)) : qs(d.villageCode)));
        m_urging->setItem(row, 2, new QTableWidgetItem(qs(d.reason)));
    }
    m_counts->setText(countsText(figures));

    if (!figures.empty || m_session.scopeKind() != Scope::Kind::Village) {
        m_nextStep->hide();
        m_nextStep->clear();
        return;
    }
    const bool enrolled = !m_session.ledger().meta().value(meta::kToken).empty();
    m_nextStep->setText(tr("The ledger is empty. Next step: enter the first elder with File → New elder... "
                           "(a new household can be created in the same form).")
                        + (enrolled ? QString()
                                    : tr(" To send the ledger to the county, enroll this computer on the Sync page "
                                         "with the code the county gives you.")));
    m_nextStep->show();
}

QString HomeView::countsText(const Figures& f) const
{
    return tr("Elders on the ledger: <b>%1</b>    Key targets: <b>%2</b> (aged 80+ %3, disabled %4, dementia %5, "
              "living alone %6, hardship %7)<br/>Visits overdue: <b>%8</b>    Changes not yet synced: <b>%9</b>    "
              "Conflicts to review: <b>%10</b>")
        .arg(f.active)
        .arg(f.keyTargets)
        .arg(f.advancedAge)
        .arg(f.disabled)
        .arg(f.dementia)
        .arg(f.alone)
        .arg(f.hardship)
        .arg(f.overdue)
        .arg(f.pending)
        .arg(f.conflicts);
}

void HomeView::refreshSync()
{
    const SyncStatus sync = syncStatus(m_session.ledger().meta());
    QString text = tr("Last successful sync: <b>%1</b>")
                       .arg(sync.lastSuccess.empty() ? tr("never") : qs(readableDateTime(sync.lastSuccess)));
    if (!sync.lastError.empty())
        text += QStringLiteral("<br/><span style='color:#c00000; font-weight:bold'>%1</span>")
                    .arg(tr("The latest sync failed: %1 What was written here stays on this computer until a sync "
                            "succeeds.")
                             .arg(withoutLatinAsides(qs(sync.lastError)).toHtmlEscaped()));
    m_sync->setText(text);
}

QString HomeView::syncText() const
{
    return m_sync->text();
}

QString HomeView::nextStepText() const
{
    return m_nextStep->isHidden() ? QString() : m_nextStep->text();
}

QString HomeView::campaignText()
{
    const std::string day = formatDate(today());
    ListFilter filter;
    filter.villagePrefix = m_session.countyCode();
    for (const auto& campaign : m_session.list(schema::campaign::entity, filter)) {
        if (campaign.value(schema::campaign::start_date) <= day && day <= campaign.value(schema::campaign::end_date))
            return tr("Current campaign: %1 (%2 to %3) — %4")
                .arg(qs(campaign.value(schema::campaign::name)), qs(campaign.value(schema::campaign::start_date)),
                     qs(campaign.value(schema::campaign::end_date)),
                     enumLabel("campaign_target", campaign.value(schema::campaign::target)));
    }
    return tr("No visit campaign is running now.");
}

QString HomeView::summaryText() const
{
    return m_counts->text();
}

} // namespace shouwang::ui
