#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

class Database;

// The identity of the county's change log (docs/protocol.md, "Lifecycle"). A pull cursor is
// a sequence number, and a county restored from a backup hands out the same numbers again
// for other changes; a device trusting its old cursor would skip them for good. So every
// opening of the county database begins an epoch (a random name for the stretch of the log
// from the next sequence number on), and a cursor travels with the name of the epoch it
// lies in. A log restored from a backup — by the admin command or a file copied back by
// hand — is opened before it is written again, so the numbers it reuses fall in an epoch
// the device has never been told: its cursor is seen to be void. (realm-core salts its
// server versions for the same reason.)
class LogEpochs {
public:
    explicit LogEpochs(Database& db)
        : m_db(db)
    {
    }

    // Server only: the tables, and a new epoch from the next sequence number on.
    void begin();
    // A cursor as this log reads it. A county moved into the city's database
    // (server/county_move.h) brought its log's places shifted behind the city's and its
    // epochs renamed: a cursor its laptops got from the county's own server, in one of the
    // county's epochs, is the same place shifted, in the renamed epoch. Any other cursor is
    // as given.
    std::pair<std::uint64_t, std::string> translated(std::uint64_t cursor, std::string_view epoch);
    // The epoch `seq` lies in; "" for a place logged before epochs existed.
    std::string epochOf(std::uint64_t seq);
    // Whether `cursor`, given by this log with `epoch`, is a place in it. An empty epoch
    // comes from a device older than epochs and is trusted as far as the log reaches —
    // unless a county's log was moved in, which it may come from: then it is void.
    bool isPlace(std::uint64_t cursor, std::string_view epoch);
    // Every epoch of this log, oldest first.
    std::vector<std::string> all();
    // The epochs places `from` to `to` lie in, as (first sequence number, name), oldest first.
    std::vector<std::pair<std::uint64_t, std::string>> span(std::uint64_t from, std::uint64_t to);

private:
    Database& m_db;
};

} // namespace shouwang
