#include "workflow_queue_view.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_table_model.h"
#include "workflow_step_panel.h"

#include "domain/schema.h"
#include "domain/workflow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {

WorkflowQueueView::WorkflowQueueView(LedgerSession& session, const Workflow& flow, std::vector<std::string> columns,
                                     WorkflowStepPanel* steps, const Texts& texts, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_flow(flow)
    , m_show(new QComboBox(this))
    , m_steps(steps)
{
    m_steps->setParent(this);
    m_show->addItem(texts.openOnly, true);
    m_show->addItem(texts.all, false);
    m_list = new RecordListPanel(session, *findEntity(flow.entity), std::move(columns), this);
    m_list->setFixedValues({});

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(texts.heading, this));
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

    connect(m_show, &QComboBox::currentIndexChanged, this, &WorkflowQueueView::reload);
    connect(m_list->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WorkflowQueueView::showCurrent);
    connect(&session, &LedgerSession::changed, this, &WorkflowQueueView::reload);
    reload();
}

void WorkflowQueueView::reload()
{
    const QString keep = m_currentId;
    const bool openOnly = m_show->currentData().toBool();
    const Workflow& flow = m_flow;
    m_list->setPredicate([openOnly, &flow](const Record& r) {
        return !openOnly || flow.rank(r.value("status")) < flow.lastRank();
    });
    m_list->reload();
    // Keep the record being handled in view after a save or a sync.
    int row = -1;
    for (int i = 0; i < m_list->model().rowCount(); ++i) {
        if (qs(m_list->model().recordAt(i)->id) == keep)
            row = i;
    }
    select(row);
}

void WorkflowQueueView::select(int row)
{
    if (row >= 0)
        m_list->view()->selectRow(row);
    else
        m_list->view()->clearSelection();
    m_list->view()->setCurrentIndex(row >= 0 ? m_list->model().index(row, 0) : QModelIndex());
    showCurrent();
}

void WorkflowQueueView::showCurrent()
{
    const Record* record = m_list->model().recordAt(m_list->view()->currentIndex().row());
    m_currentId = record ? qs(record->id) : QString();
    m_steps->setRecord(record ? std::optional<Record>(*record) : std::nullopt);
}

} // namespace shouwang::ui
