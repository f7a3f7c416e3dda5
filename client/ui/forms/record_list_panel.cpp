#include "record_list_panel.h"

#include "record_dialog.h"
#include "record_table_model.h"
#include "row_list.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/schema.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace shouwang::ui {

RecordListPanel::RecordListPanel(LedgerSession& session, const EntityDef& entity, std::vector<std::string> columns,
                                 QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_entity(entity)
    , m_model(new RecordTableModel(session, entity, std::move(columns), this))
    , m_view(new QTableView(this))
{
    m_view->setModel(m_model);
    makeRowList(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_add = new QPushButton(tr("Add %1").arg(label(entity)), this);
    auto* edit = new QPushButton(tr("Open"), this);
    m_remove = new QPushButton(tr("Delete"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view);
    connect(m_add, &QPushButton::clicked, this, &RecordListPanel::addRecord);
    connect(edit, &QPushButton::clicked, this, [this] { editRecord(m_view->currentIndex().row()); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { editRecord(index.row()); });
    connect(m_remove, &QPushButton::clicked, this, &RecordListPanel::removeRecord);
    if (!session.mayWrite(entity))
        setReadOnly(true);
}

void RecordListPanel::setFixedValues(std::vector<std::pair<std::string, std::string>> values)
{
    m_fixed = std::move(values);
    ListFilter filter;
    filter.villagePrefix = m_session.countyCode();
    filter.equals = m_fixed;
    filter.orderBy = "created_at";
    filter.descending = true;
    m_model->setFilter(std::move(filter));
}

void RecordListPanel::setPredicate(std::function<bool(const Record&)> predicate)
{
    m_model->setPredicate(std::move(predicate));
}

void RecordListPanel::setReadOnly(bool readOnly)
{
    m_add->setVisible(!readOnly);
    m_remove->setVisible(!readOnly);
}

bool RecordListPanel::isReadOnly() const
{
    return m_add->isHidden();
}

void RecordListPanel::reload()
{
    m_model->reload();
}

void RecordListPanel::addRecord()
{
    Record record;
    record.entity = std::string(m_entity.name);
    for (const auto& [field, value] : m_fixed)
        record.set(field, value);
    if (open(record))
        reload();
}

void RecordListPanel::editRecord(int row)
{
    if (const Record* record = m_model->recordAt(row)) {
        if (open(*record))
            reload();
    }
}

bool RecordListPanel::open(const Record& record)
{
    if (m_editor)
        return m_editor(this, record);
    std::vector<std::string_view> hidden;
    for (const auto& [field, value] : m_fixed)
        hidden.push_back(m_entity.field(field) ? m_entity.field(field)->name : std::string_view());
    RecordDialog dialog(m_session, record, hidden, this);
    return dialog.exec() == QDialog::Accepted;
}

void RecordListPanel::removeRecord()
{
    const Record* record = m_model->recordAt(m_view->currentIndex().row());
    if (!record)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete"),
                                              tr("Delete this %1 record? It stays in the change history.")
                                                  .arg(label(m_entity)));
    if (answer != QMessageBox::Yes)
        return;
    SaveResult result = m_session.remove(*record);
    if (!result.ok())
        QMessageBox::warning(this, tr("Delete"), qs(result.message));
    reload();
}

} // namespace shouwang::ui
