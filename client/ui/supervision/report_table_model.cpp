#include "report_table_model.h"

#include "ui/session/labels.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace shouwang::ui {
namespace {

bool looksNumeric(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '%' || c == '-';
    });
}

} // namespace

ReportTableModel::ReportTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ReportTableModel::setTable(Table table, Highlight highlight)
{
    beginResetModel();
    m_table = std::move(table);
    m_highlight = std::move(highlight);
    endResetModel();
}

bool ReportTableModel::isHighlighted(int row) const
{
    return m_highlight && row >= 0 && row < rowCount() && m_highlight(m_table.rows[static_cast<std::size_t>(row)]);
}

int ReportTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.headers.size());
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto& row = m_table.rows[static_cast<std::size_t>(index.row())];
    const std::string cell = static_cast<std::size_t>(index.column()) < row.size()
        ? row[static_cast<std::size_t>(index.column())]
        : std::string();
    switch (role) {
    case Qt::DisplayRole:
        return qs(cell);
    case Qt::TextAlignmentRole:
        return looksNumeric(cell) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::BackgroundRole:
        return isHighlighted(index.row()) ? QBrush(QColor(0xff, 0xd6, 0xd6)) : QVariant();
    case Qt::ForegroundRole:
        return isHighlighted(index.row()) ? QBrush(QColor(0x9c, 0x00, 0x06)) : QVariant();
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < columnCount())
        return qs(m_table.headers[static_cast<std::size_t>(section)]);
    return QAbstractTableModel::headerData(section, orientation, role);
}

int ReportTableModel::columnOf(const Table& table, const std::string& header)
{
    const auto it = std::find(table.headers.begin(), table.headers.end(), header);
    return it == table.headers.end() ? -1 : static_cast<int>(it - table.headers.begin());
}

} // namespace shouwang::ui
