#pragma once

#include "workflow.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// How a 部门转介 moves (issue 18, policy 三(一)): a village or township proposes it (提出),
// the township reviews it (乡镇审核), hands it to the department (已转介), the department
// accepts it (已受理), and it ends 已办结 or 未解决. Dates, not times: departments answer in
// days. The rules themselves are domain/workflow.h's.
namespace referral_status {
inline constexpr std::string_view kProposed = "proposed", kReviewed = "reviewed", kReferred = "referred",
                                  kAccepted = "accepted", kClosed = "closed", kUnresolved = "unresolved";
} // namespace referral_status

const Workflow& referralWorkflow();

// Whether the referral has ended (已办结 or 未解决).
bool referralEnded(std::string_view status);
// Whole days from 提出 to 结案; nullopt while open or when a date is unusable.
std::optional<int> referralDaysToClose(const Record& referral);

} // namespace shouwang
