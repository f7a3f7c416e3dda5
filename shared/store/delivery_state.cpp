#include "delivery_state.h"

#include "database.h"
#include "meta.h"

namespace shouwang {
namespace {

// The record ids `sql` selects for `entity`, its one parameter.
std::set<std::string> recordIds(Database& db, std::string_view sql, std::string_view entity)
{
    std::set<std::string> ids;
    Statement& st = db.cached(sql);
    st.bind(1, entity);
    while (st.step())
        ids.insert(st.text(0));
    return ids;
}

} // namespace

std::set<std::string> recordsAwaitingUpload(Database& db, std::string_view entity)
{
    return recordIds(db, kAwaitingUploadQuery, entity);
}

std::set<std::string> recordsRefused(Database& db, std::string_view entity)
{
    return recordIds(db, "SELECT DISTINCT record_id FROM change_log WHERE origin = 0 AND state = 2 AND entity = ?",
                     entity);
}

SyncStatus syncStatus(Meta& meta)
{
    return {meta.value(meta::kLastSync), meta.value(meta::kLastSyncError)};
}

} // namespace shouwang
