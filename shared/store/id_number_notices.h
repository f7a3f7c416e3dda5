#pragma once

#include "report_queries.h"

#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class Database;

// The county's side: the live elders outside `villageCode` that hold `idNumber`, by
// village, creation and id; at most `limit`. One lookup on the elders_id_number index, so
// a push can ask it for every elder it brings.
std::vector<ElderIdHolder> idNumberHoldersElsewhere(Database& db, std::string_view idNumber,
                                                    std::string_view villageCode, int limit = 5);

// What the county told this device at a sync (wire::SameIdElsewhere): an elder of its own
// has an ID number an elder of another village holds. A village laptop holds only its
// village, so this is the only way it learns (docs/protocol.md, "Push").
struct IdNumberNotice {
    std::string elderId;
    std::string elderName;   // read from this ledger when listed
    std::string idNumber;
    std::string otherElderId;
    std::string otherVillageCode;
    std::string otherVillage;
    std::string otherName;
    std::string message;
    std::string receivedAt;
};

// The device's side: the notices it was told, kept until the clerk dismisses them or the
// elder no longer holds that number (its 身份证号 changed or it was deleted).
class IdNumberNotices {
public:
    explicit IdNumberNotices(Database& db)
        : m_db(db)
    {
    }

    // Keeps a notice; the same one told again (a second sync, a resent change) changes
    // nothing, and a dismissed one stays dismissed while its number is the same. True when
    // it is new to this device.
    bool keep(const IdNumberNotice& notice);
    // Those to show: not dismissed, the elder live and still holding the number; oldest
    // first.
    std::vector<IdNumberNotice> held();
    void dismiss(std::string_view elderId, std::string_view otherElderId);

private:
    Database& m_db;
};

// The notices' table and the index the county's lookup reads; on every opening.
void addIdNumberNoticeTables(Database& db);

} // namespace shouwang
