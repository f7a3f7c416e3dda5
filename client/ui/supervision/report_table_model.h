#pragma once

#include "exchange/table.h"

#include <QAbstractTableModel>

#include <functional>
#include <string>
#include <vector>

namespace shouwang::ui {

// One table of the supervision report (shared/report: summaryTable, unitTable, the lists)
// as a Qt model: the view shows exactly the text the core computed, so the dashboard, the
// exports and `shouwang-server report` agree to the digit. Rows the `highlight` predicate
// picks (silent villages, late reports) stand out in colour.
class ReportTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportTableModel)

public:
    using Highlight = std::function<bool(const std::vector<std::string>& row)>;

    explicit ReportTableModel(QObject* parent = nullptr);

    void setTable(Table table, Highlight highlight = {});
    const Table& table() const { return m_table; }
    bool isHighlighted(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The column of `header` in `table`, -1 if none.
    static int columnOf(const Table& table, const std::string& header);

private:
    Table m_table;
    Highlight m_highlight;
};

} // namespace shouwang::ui
