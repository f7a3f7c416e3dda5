#pragma once

// The volunteer hours cycle (二(六) 志愿服务互助循环式帮扶; issue 18 item 2; the rules in
// docs/supervision.md §6). Hours a volunteer gives are credited (volunteer_credit) and later
// redeemed as services the volunteer, or an elder they name, receives (volunteer_redemption).
// Both are append-only entries confirmed by the village committee: once saved, only their
// settlement (作废, 核准超额, the note) may change, and a balance is derived, never typed.

#include "record.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

inline constexpr std::string_view kCreditEntity = "volunteer_credit";
inline constexpr std::string_view kRedemptionEntity = "volunteer_redemption";
inline constexpr int kMaxEntryHours = 200; // one entry; a month of weekly help fits

bool isVolunteerHoursEntity(std::string_view entity);
// The fields the village committee may still write on a saved entry: 作废, 核准超额, the note.
bool isSettlementField(std::string_view field);

// Why a credit or redemption may not stand as `after` where it stood as `before` (null: a
// new entry), in Chinese for the village clerk; "" when it may. Checked by every save and by
// the county's merge, whoever sends it: hours in range, the source or the named elder given,
// a reason for voiding, and nothing but the settlement changed or deleted once saved.
std::string volunteerHoursEntryProblem(const Record* before, const Record& after);

enum class HoursEntryState {
    Counted,           // in the balance
    Voided,            // 已作废: kept for the record, not counted
    OverdraftPending,  // 超额待核: counted, but it took the balance beyond the allowance
    OverdraftApproved, // 已核准超额: the same, settled by the village committee
};
std::string_view hoursEntryStateLabel(HoursEntryState state);

struct HoursEntry {
    Record record;
    bool credit = true;
    int hours = 0;
    HoursEntryState state = HoursEntryState::Counted;
    int balanceAfter = 0; // the running balance once this entry is counted
};

struct HoursAccount {
    std::string volunteerId;
    std::vector<HoursEntry> entries; // in the order they were recorded
    int credited = 0;                // hours of the credits not voided
    int redeemed = 0;                // hours of the redemptions not voided, overdrafts included
    int pendingHours = 0;            // of redemptions 超额待核
    std::size_t pending = 0;
    int balance() const { return credited - redeemed; }
};

// The account of one volunteer from their entries (credits and redemptions, deleted ones
// left out). Entries are taken in the order they were recorded — the clock of their
// creation, which every replica holds alike — so every laptop and the county derive the
// same states from the same entries, whatever order they arrived in. A redemption that
// takes the running balance below −allowance (the county's published overdraft on its date)
// is 超额待核 unless the committee approved it.
HoursAccount deriveHoursAccount(const std::string& volunteerId, std::vector<Record> entries,
                                const std::function<int(const std::string& date)>& allowanceOn);

// Why a new redemption is refused on this laptop: its hours beyond the balance and the
// allowance. "" when it fits.
std::string redemptionRefusal(const HoursAccount& account, const Record& redemption, int allowance);

} // namespace shouwang
