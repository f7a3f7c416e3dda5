#include "conflict_table.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_table_model.h"

#include "domain/schema.h"

#include <QHeaderView>

namespace shouwang::ui {

ConflictTable::ConflictTable(LedgerSession& session, QWidget* parent)
    : QTableWidget(0, 5, parent)
    , m_session(session)
{
    setHorizontalHeaderLabels({tr("Record"), tr("Field"), tr("Value A"), tr("Value B"), tr("Found")});
    horizontalHeader()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
}

ConflictTable::~ConflictTable() = default;

void ConflictTable::setConflicts(const std::vector<Conflict>& conflicts)
{
    setRowCount(static_cast<int>(conflicts.size()));
    int row = 0;
    for (const Conflict& c : conflicts) {
        const EntityDef* entity = findEntity(c.entity);
        const FieldDef* field = entity ? entity->field(c.field) : nullptr;
        auto shown = [&](const std::string& value) {
            return field ? RecordTableModel::displayValue(m_session, *field, value) : qs(value);
        };
        const QString cells[] = {(entity ? label(*entity) : qs(c.entity)) + QStringLiteral("：")
                                     + m_session.title(c.entity, c.recordId),
                                 field ? label(*field) : qs(c.field), shown(c.valueA), shown(c.valueB),
                                 qs(c.detectedAt).replace(u'T', u' ')};
        for (int col = 0; col < 5; ++col)
            setItem(row, col, new QTableWidgetItem(cells[col]));
        ++row;
    }
    resizeColumnsToContents();
}

} // namespace shouwang::ui
