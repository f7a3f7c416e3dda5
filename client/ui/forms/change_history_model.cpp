#include "change_history_model.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "record_table_model.h"

#include "domain/date.h"
#include "domain/schema.h"

#include <QStringList>

#include <algorithm>

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
    m_rows.clear();
    if (!m_recordId.empty()) {
        for (LoggedChange& logged : m_session.ledger().changeLog().history(m_recordId))
            m_rows.push_back({std::move(logged), false});
    }
    for (const Change& change : m_county) {
        const bool here = std::any_of(m_rows.begin(), m_rows.end(),
                                      [&](const Row& row) { return row.logged.change.changeId == change.changeId; });
        if (!here)
            m_rows.push_back({LoggedChange{change, ChangeOrigin::Remote, ChangeState::Acknowledged, 0, {}, {}}, true});
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        return b.logged.change.hlc < a.logged.change.hlc; // newest first
    });
    endResetModel();
}

void ChangeHistoryModel::addCountyHistory(const std::vector<Change>& changes)
{
    m_county = changes;
    reload();
}

int ChangeHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
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
    if (index.row() < 0 || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const LoggedChange& logged = row.logged;
    switch (index.column()) {
    case When: return qs(formatDateTime(logged.change.hlc.millis())).replace(u'T', u' ');
    case Operator: return qs(logged.change.operatorName);
    case Origin:
        if (row.fromCounty)
            return tr("County server (before this computer's first sync)");
        return logged.origin == ChangeOrigin::Local ? tr("This computer") : tr("Received by sync");
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
