#include "elder_table_model.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/idcard.h"

#include <QBrush>
#include <QColor>
#include <QStringList>

namespace shouwang::ui {

ElderTableModel::ElderTableModel(LedgerSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    m_filter.villagePrefix = session.scopeCode();
}

void ElderTableModel::setFilter(const ElderFilter& filter)
{
    m_filter = filter;
    reload();
}

ElderPage ElderTableModel::firstPage(Database& db, const ElderFilter& filter, Date day)
{
    ElderFilter page = filter;
    page.limit = kPageSize;
    page.offset = 0;
    ElderPage out;
    out.rows = findElders(db, page, day);
    out.total = out.rows.size() < kPageSize ? out.rows.size() : countElders(db, filter, day);
    return out;
}

void ElderTableModel::reload()
{
    const Date day = today();
    adopt(m_filter, firstPage(m_session.database(), m_filter, day), day);
}

void ElderTableModel::adopt(const ElderFilter& filter, ElderPage page, Date day)
{
    beginResetModel();
    m_filter = filter;
    m_today = formatDate(day);
    m_rows = std::move(page.rows);
    m_total = page.total;
    endResetModel();
}

const ElderRow* ElderTableModel::rowAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int ElderTableModel::rowOf(const std::string& elderId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == elderId)
            return static_cast<int>(i);
    }
    return -1;
}

int ElderTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ElderTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ElderTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void ElderTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    ElderFilter page = m_filter;
    page.limit = kPageSize;
    page.offset = m_rows.size();
    auto more = findElders(m_session.database(), page, today());
    if (more.empty()) {
        m_total = m_rows.size();
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
    for (auto& row : more)
        m_rows.push_back(std::move(row));
    endInsertRows();
}

void ElderTableModel::sort(int column, Qt::SortOrder order)
{
    static const char* const kSortColumns[ColumnCount] = {"name", "sex", "age", "idNumber", "phone", "living",
                                                          "status", "riskLevel", "", "lastVisit", "visitDue",
                                                          "villageCode"};
    if (column >= ColumnCount)
        return;
    // -1 is Qt's "no column": the ledger's own order, village then name, which the list
    // index serves. Left at the column before, a fresh ledger page stayed sorted by name,
    // which at 100,000 elders sorted every match (docs/performance.md).
    m_filter.sortColumn = column < 0 ? "" : kSortColumns[column];
    m_filter.descending = column >= 0 && order == Qt::DescendingOrder;
    reload();
}

QString ElderTableModel::flagsText(std::uint32_t flags)
{
    QStringList parts;
    if (flags & ElderFilter::AdvancedAge)
        parts << tr("Aged 80+");
    if (flags & ElderFilter::Disabled)
        parts << tr("Disabled");
    if (flags & ElderFilter::Dementia)
        parts << tr("Dementia");
    if (flags & ElderFilter::Alone)
        parts << tr("Lives alone");
    if (flags & ElderFilter::Hardship)
        parts << tr("Hardship");
    return parts.join(QStringLiteral("、"));
}

QString ElderTableModel::text(const ElderRow& row, int column) const
{
    switch (column) {
    case Name: return qs(row.name);
    case Sex: return enumLabel("sex", row.sex);
    case Age: return row.age >= 0 ? QString::number(row.age) : QString();
    case IdNumber: return qs(maskIdNumber(row.idNumber));
    case Phone: return qs(maskPhone(row.phone));
    case Living: return enumLabel("living", row.living);
    case Status: return enumLabel("elder_status", row.status);
    case Risk: return row.riskLevel.empty() ? tr("Not assessed") : enumLabel("risk_level", row.riskLevel);
    case KeyFlags: return flagsText(row.flags);
    case LastVisit: return qs(row.lastVisit);
    case VisitDue: return qs(row.visitDue);
    case Village: return qs(row.villageCode);
    default: return {};
    }
}

QVariant ElderTableModel::data(const QModelIndex& index, int role) const
{
    const ElderRow* row = rowAt(index.row());
    if (!row)
        return {};
    if (role == Qt::DisplayRole)
        return text(*row, index.column());
    if (role == Qt::ForegroundRole) {
        const bool overdue = row->status == "active" && !row->visitDue.empty() && row->visitDue < m_today;
        if ((index.column() == VisitDue && overdue) || (index.column() == Risk && row->riskLevel == "high"))
            return QBrush(QColor(0xc0, 0, 0));
    }
    if (role == Qt::UserRole)
        return qs(row->id);
    return {};
}

QVariant ElderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Sex: return tr("Sex");
    case Age: return tr("Age");
    case IdNumber: return tr("ID number");
    case Phone: return tr("Phone");
    case Living: return tr("Living");
    case Status: return tr("Status");
    case Risk: return tr("Risk level");
    case KeyFlags: return tr("Key target");
    case LastVisit: return tr("Last visit");
    case VisitDue: return tr("Visit due");
    case Village: return tr("Village code");
    default: return {};
    }
}

} // namespace shouwang::ui
