#include "change_history_view.h"

#include "change_history_model.h"

#include "ui/session/county_history.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace shouwang::ui {

ChangeHistoryView::ChangeHistoryView(LedgerSession& session, std::string recordId, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_recordId(std::move(recordId))
    , m_model(nullptr)
    , m_table(new QTableView(this))
    , m_countyButton(new QPushButton(tr("Earlier changes from the county server"), this))
    , m_countyStatus(new QLabel(this))
{
    m_model = new ChangeHistoryModel(session, m_recordId, this);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->resizeColumnsToContents();
    connect(&session, &LedgerSession::changed, m_model, &ChangeHistoryModel::reload);

    auto* county = new QHBoxLayout;
    county->addWidget(m_countyStatus, 1);
    county->addWidget(m_countyButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(county);

    // Only a ledger begun from a snapshot lacks the record's earlier history.
    const bool atCounty = !m_recordId.empty() && historyAtCounty(session);
    m_countyButton->setVisible(atCounty);
    m_countyStatus->setVisible(atCounty);
    m_countyStatus->setText(tr("This computer began syncing from the county's copy of the ledger; changes "
                               "made before that are kept at the county server."));
    m_countyStatus->setWordWrap(true);
    connect(m_countyButton, &QPushButton::clicked, this, &ChangeHistoryView::fetchFromCounty);
}

void ChangeHistoryView::fetchFromCounty()
{
    m_countyButton->setEnabled(false);
    m_countyStatus->setText(tr("Asking the county server..."));
    auto result = std::make_shared<HistoryResult>();
    const std::string recordId = m_recordId;
    LedgerTask* task = LedgerTask::start(m_session.path(), [result, recordId](LedgerSession& own, LedgerTask&) {
        *result = countyHistory(own, recordId);
        return QString();
    });
    connect(task, &LedgerTask::finished, this, [this, result](bool ok, const QString& message) {
        m_countyButton->setEnabled(true);
        if (!ok || !result->ok()) {
            m_countyStatus->setText(
                tr("The county's history could not be fetched: %1").arg(ok ? qs(result->error.message) : message));
            emit countyHistoryArrived(false);
            return;
        }
        m_model->addCountyHistory(result->changes);
        m_table->resizeColumnsToContents();
        QString text
            = tr("%n change(s) from the county server are shown.", nullptr, static_cast<int>(result->changes.size()));
        if (result->truncated)
            text += tr(" Older ones are not shown.");
        m_countyStatus->setText(text);
        emit countyHistoryArrived(true);
    });
}

} // namespace shouwang::ui
