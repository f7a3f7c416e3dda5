#pragma once

#include "store/conflict_queue.h"

#include <QTableWidget>

#include <vector>

namespace shouwang::ui {

class LedgerSession;

// The list of open conflicts, the one table the conflict screen and the sync page share:
// the record, the field, both values shown as everywhere else (ID and phone numbers masked,
// codes as their labels) and when the conflict was found.
class ConflictTable final : public QTableWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictTable)

public:
    explicit ConflictTable(LedgerSession& session, QWidget* parent = nullptr);
    ~ConflictTable() override;

    void setConflicts(const std::vector<Conflict>& conflicts);

private:
    LedgerSession& m_session;
};

} // namespace shouwang::ui
