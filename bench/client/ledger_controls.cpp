#include "ledger_controls.h"

#include "ui/ledger/elder_table_model.h"
#include "ui/ledger/ledger_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>

#include <stdexcept>
#include <string>

namespace shouwang::bench {

using ui::ElderTableModel;

namespace {

QCheckBox& flagBox(ui::LedgerView& view, std::uint32_t flag)
{
    QCheckBox* box = view.flagBox(flag);
    if (!box)
        throw std::runtime_error("the ledger page has no box for flag " + std::to_string(flag));
    return *box;
}

} // namespace

void showEveryElder(ui::LedgerView& view)
{
    {
        // One reload for the whole reset, not one per control.
        const QSignalBlocker search(view.searchBox());
        const QSignalBlocker risk(view.riskCombo());
        const QSignalBlocker status(view.statusCombo());
        const QSignalBlocker overdue(view.overdueBox());
        view.searchBox()->clear();
        view.riskCombo()->setCurrentIndex(0);
        view.statusCombo()->setCurrentIndex(0); // every status, as the core's queries
        view.overdueBox()->setChecked(false);
        for (std::uint32_t flag = 1; flag <= ElderFilter::Eligible; flag <<= 1) { // every flag box
            const QSignalBlocker box(&flagBox(view, flag));
            flagBox(view, flag).setChecked(false);
        }
    }
    view.applyFilter();
}

int sortSection(const ElderFilter& query)
{
    if (query.sortColumn.empty())
        return -1;
    if (query.sortColumn == "visitDue")
        return ElderTableModel::VisitDue;
    throw std::runtime_error("no header column sorts by " + query.sortColumn);
}

void pickQuery(ui::LedgerView& view, const ElderFilter& query)
{
    const int controls = (query.text.empty() ? 0 : 1) + (query.flags == 0 ? 0 : 1) + (query.riskLevel.empty() ? 0 : 1)
        + (query.overdue ? 1 : 0) + (query.sortColumn.empty() ? 0 : 1);
    if (controls != 1 || (query.flags & (query.flags - 1)) != 0)
        throw std::runtime_error("a query the bench drives must set exactly one control");
    if (!query.text.empty()) {
        {
            const QSignalBlocker typing(view.searchBox()); // the view's search delay is not the query
            view.searchBox()->setText(QString::fromStdString(query.text));
        }
        view.applyFilter();
    } else if (query.flags != 0) {
        flagBox(view, query.flags).setChecked(true);
    } else if (!query.riskLevel.empty()) {
        const int index = view.riskCombo()->findData(QString::fromStdString(query.riskLevel));
        if (index < 0)
            throw std::runtime_error("no risk level " + query.riskLevel + " in the ledger page");
        view.riskCombo()->setCurrentIndex(index);
    } else if (query.overdue) {
        view.overdueBox()->setChecked(true);
    } else {
        view.table()->horizontalHeader()->setSortIndicator(sortSection(query), Qt::AscendingOrder);
    }
}

} // namespace shouwang::bench
