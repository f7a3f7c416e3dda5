// Whole records of the report's area, for the sections that judge them by the domain's rules.
#include "report_context.h"

#include "domain/schema_names.h"

namespace shouwang::report {

std::vector<Record> loadAreaRecords(Context& ctx, std::string_view entityName)
{
    return ctx.stored.records(entityName);
}

std::map<std::string, std::string> elderNames(Context& ctx)
{
    // Every elder of the area, also one entered after the period: a record of the period
    // may name them (the ledger was completed later).
    return ctx.stored.fieldById(schema::elder::entity, schema::elder::name);
}

} // namespace shouwang::report
