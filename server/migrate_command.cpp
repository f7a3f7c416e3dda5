// `shouwang-server migrate --from county.db --to postgresql://…`: a county's SQLite file
// carried into the city's PostgreSQL (server/county_move.h).
#include "cli.h"
#include "county_move.h"
#include "server_store.h"

#include <ostream>

namespace shouwang::server {

void cmdMigrate(const CommandLine& cl, std::ostream& out)
{
    if (!cl.has("from") || !cl.has("to") || cl.words.size() != 1)
        throw CommandError{
            "用法 / usage: migrate --from COUNTY.db --to postgresql://…（先停止区县服务 / stop the county "
            "service first）",
            2};
    const std::string to = cl.option("to");
    if (!isPostgresUrl(to))
        throw CommandError{"--to 应为 postgresql:// 开头的城市数据库地址 / --to must be a postgresql:// URL: " + to, 2};
#if defined(SHOUWANG_POSTGRESQL)
    const CountyMove move = moveCountyIn(cl.option("from"), to);
    for (const auto& [table, rows] : move.rows)
        out << table << ' ' << rows << '\n';
    out << "区县 " << move.countyCode << " 已迁入城市数据库；各设备无需重新登记，将同步地址改为城市服务即可继续同步。\n"
        << "county " << move.countyCode << " moved in; its devices sync on once pointed at the city service\n";
#else
    (void)out;
    throw CommandError{"此版本未包含 PostgreSQL 支持 / this build has no PostgreSQL support"};
#endif
}

} // namespace shouwang::server
