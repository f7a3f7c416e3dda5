#pragma once

#include "store/elder_query.h"

#include <QAbstractTableModel>

#include <vector>

namespace shouwang::ui {

class LedgerSession;

// A list's first page and how many elders match in all.
struct ElderPage {
    std::vector<ElderRow> rows;
    std::size_t total = 0;
};

// The ledger's elder list over findElders. Rows arrive in pages as the view scrolls
// (fetchMore), and sorting asks the store to order by the column, so a county's 100,000
// elders open as fast as a village's three hundred. ID numbers and phones are masked.
class ElderTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElderTableModel)

public:
    enum Column { Name, Sex, Age, IdNumber, Phone, Living, Status, Risk, KeyFlags, LastVisit, VisitDue, Village, ColumnCount };
    static constexpr std::size_t kPageSize = 500;

    explicit ElderTableModel(LedgerSession& session, QObject* parent = nullptr);

    void setFilter(const ElderFilter& filter);
    // The first page of `filter` as reload() reads it: callable on any thread with its own
    // connection (the home page reads its lists on a worker, then adopt()s them).
    static ElderPage firstPage(Database& db, const ElderFilter& filter, Date day);
    // Shows a first page read elsewhere; later pages are read here as the view scrolls.
    void adopt(const ElderFilter& filter, ElderPage page, Date day);
    const ElderFilter& filter() const { return m_filter; }
    void reload();
    std::size_t totalCount() const { return m_total; }
    const ElderRow* rowAt(int row) const;
    int rowOf(const std::string& elderId) const; // -1 unless loaded

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    // 高龄、失能... for one row's flags.
    static QString flagsText(std::uint32_t flags);

private:
    QString text(const ElderRow& row, int column) const;

    LedgerSession& m_session;
    ElderFilter m_filter;
    std::vector<ElderRow> m_rows;
    std::size_t m_total = 0;
    std::string m_today;
};

} // namespace shouwang::ui
