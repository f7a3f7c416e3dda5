#include "change_history_model.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "record_table_model.h"

#include "domain/date.h"
#include "domain/schema.h"

#include <QStringList>

namespace shouwang::ui {

ChangeHistoryModel::ChangeHistoryModel(LedgerSession& session, std::string recordId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_recordId(std::move(recordId))
{
    reload();
}

void ChangeHistoryModel::reload()
{
    beginResetModel();
    m_changes = m_recordId.empty() ? std::vector<LoggedChange>{} : m_session.ledger().changeLog().history(m_recordId);
    std::reverse(m_changes.begin(), m_changes.end()); // newest first
    endResetModel();
}

int ChangeHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int ChangeHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChangeHistoryModel::fieldsText(const Change& change) const
{
    const EntityDef* entity = findEntity(change.entity);
    QStringList parts;
    for (const auto& f : change.fields) {
        if (f.name == kDeletedField) {
            parts << (f.value == "1" ? tr("deleted") : tr("restored"));
            continue;
        }
        const FieldDef* def = entity ? entity->field(f.name) : nullptr;
        if (!def) {
            parts << qs(f.name);
            continue;
        }
        const QString value = RecordTableModel::displayValue(m_session, *def, f.value);
        parts << QStringLiteral("%1：%2").arg(label(*def), value.isEmpty() ? tr("(cleared)") : value);
    }
    return parts.join(QStringLiteral("；"));
}

QVariant ChangeHistoryModel::data(const QModelIndex& index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.row() < 0 || index.row() >= static_cast<int>(m_changes.size()))
        return {};
    const LoggedChange& logged = m_changes[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case When: return qs(formatDateTime(logged.change.hlc.millis())).replace(u'T', u' ');
    case Operator: return qs(logged.change.operatorName);
    case Origin: return logged.origin == ChangeOrigin::Local ? tr("This computer") : tr("Received by sync");
    case State:
        switch (logged.state) {
        case ChangeState::Pending: return tr("Not yet sent");
        case ChangeState::Acknowledged: return tr("Synced");
        case ChangeState::Refused: return tr("Refused: %1").arg(qs(logged.errorMessage));
        }
        return {};
    case Fields: return fieldsText(logged.change);
    default: return {};
    }
}

QVariant ChangeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Operator: return tr("Who");
    case Origin: return tr("Where");
    case State: return tr("Sync state");
    case Fields: return tr("What changed");
    default: return {};
    }
}

} // namespace shouwang::ui
