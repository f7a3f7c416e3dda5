#pragma once

#include "domain/record.h"
#include "store/ledger.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace shouwang {
struct EntityDef;
struct FieldDef;
}

namespace shouwang::ui {

class LedgerSession;

// The records of one entity (optionally only those matching a filter), one column per
// chosen field, fed by Ledger::list. Used for the child lists of an elder (visits,
// supporters...) and for the village lists (volunteers, facilities, catalogue...). Rows are
// read a page at a time as the view scrolls (fetchMore), as the elder list is: a county's
// ledger holds 100,000 households, and reading every list whole made the main window take
// seconds to open and hundreds of MB to hold (docs/performance.md).
class RecordTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)

public:
    // A column that is not a field: the name of the record's village.
    static constexpr const char* kVillageColumn = "village_code";

    RecordTableModel(LedgerSession& session, const EntityDef& entity, std::vector<std::string> columns,
                     QObject* parent = nullptr);

    void setFilter(ListFilter filter);
    // Keeps only records the predicate accepts (for RefList membership, open incidents...).
    void setPredicate(std::function<bool(const Record&)> predicate);
    void reload();
    const Record* recordAt(int row) const;

    static constexpr std::size_t kPageSize = 500;

    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // How a stored value reads in a list: labels for codes, masked ID numbers and phones,
    // titles for references.
    static QString displayValue(LedgerSession& session, const FieldDef& field, const std::string& value,
                                bool maskPersonal = true);

private:
    // The next page from the store with rows the predicate keeps; empty at the end.
    std::vector<Record> readPage();

    LedgerSession& m_session;
    const EntityDef& m_entity;
    std::vector<std::string> m_columns;
    ListFilter m_filter;
    std::function<bool(const Record&)> m_predicate;
    std::vector<Record> m_records;
    std::size_t m_read = 0; // rows read from the store, before the predicate
    bool m_more = false;    // the last page read was full
    std::set<std::string> m_awaitingUpload; // incidents only: ids still in the outbox (incident_delivery.h)
    std::set<std::string> m_refused;        // incidents only: ids the server refused
};

} // namespace shouwang::ui
