#include "table.h"

#include "csv.h"

namespace shouwang {

void writeTableCsv(std::ostream& out, const Table& table)
{
    csv::writeRow(out, table.headers);
    for (const auto& row : table.rows)
        csv::writeRow(out, row);
}

} // namespace shouwang
