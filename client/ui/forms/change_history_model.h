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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString fieldsText(const Change& change) const;

    LedgerSession& m_session;
    std::string m_recordId;
    std::vector<LoggedChange> m_changes;
};

} // namespace shouwang::ui
