#include "incident_queue_view.h"

#include "incident_dialog.h"
#include "incident_step_panel.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"

#include "domain/schema.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {

IncidentQueueView::IncidentQueueView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_show(new QComboBox(this))
{
    m_show->addItem(tr("Open reports (not yet closed)"), true);
    m_show->addItem(tr("All reports"), false);
    m_list = new RecordListPanel(session, *findEntity("incident"),
                                 {RecordTableModel::kVillageColumn, "elder_id", "type", "reported_at", "status",
                                  "accepted_at", "accepted_by", "closed_at"},
                                 this);
    m_list->setFixedValues({});
    m_list->setReadOnly(true); // villages report; the township handles what they report
    m_list->setEditor([&session](QWidget* p, const Record& record) {
        IncidentDialog dialog(session, record, p);
        return dialog.exec() == QDialog::Accepted;
    });
    m_steps = new IncidentStepPanel(session, this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Incident reports of the villages</b>"), this));
    top->addStretch();
    top->addWidget(m_show);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_steps);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_show, &QComboBox::currentIndexChanged, this, &IncidentQueueView::reload);
    connect(m_list->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncidentQueueView::showCurrent);
    connect(&session, &LedgerSession::changed, this, &IncidentQueueView::reload);
    reload();
}

void IncidentQueueView::reload()
{
    const QString keep = m_currentId;
    const bool openOnly = m_show->currentData().toBool();
    m_list->setPredicate([openOnly](const Record& r) { return !openOnly || r.value("status") != "closed"; });
    m_list->reload();
    // Keep the report being handled in view after a save or a sync.
    int row = -1;
    for (int i = 0; i < m_list->model().rowCount(); ++i) {
        if (qs(m_list->model().recordAt(i)->id) == keep)
            row = i;
    }
    select(row);
}

void IncidentQueueView::select(int row)
{
    if (row >= 0)
        m_list->view()->selectRow(row);
    else
        m_list->view()->clearSelection();
    m_list->view()->setCurrentIndex(row >= 0 ? m_list->model().index(row, 0) : QModelIndex());
    showCurrent();
}

void IncidentQueueView::showCurrent()
{
    const Record* record = m_list->model().recordAt(m_list->view()->currentIndex().row());
    m_currentId = record ? qs(record->id) : QString();
    m_steps->setIncident(record ? std::optional<Record>(*record) : std::nullopt);
}

} // namespace shouwang::ui
