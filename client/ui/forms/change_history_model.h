#pragma once

#include "store/change_log.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace shouwang::ui {

class LedgerSession;

// Who changed what, when, for one record (ChangeLog::history): one row per save, local or
// received by sync, with its sync state.
class ChangeHistoryModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeHistoryModel)

public:
    enum Column { When, Operator, Origin, State, Fields, ColumnCount };

    ChangeHistoryModel(LedgerSession& session, std::string recordId, QObject* parent = nullptr);
    void reload();
    // Adds the changes the county holds of the record from before this ledger's first sync
    // (a ledger begun from a snapshot keeps none of them): shown, never stored.
    void addCountyHistory(const std::vector<Change>& changes);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString fieldsText(const Change& change) const;

    LedgerSession& m_session;
    std::string m_recordId;
    struct Row {
        LoggedChange logged;
        bool fromCounty = false; // held by the county only, not in this file's log
    };
    std::vector<Row> m_rows;      // newest first
    std::vector<Change> m_county; // from the county, as fetched
};

} // namespace shouwang::ui
