#include "change_intake.h"

#include "sync/protocol.h"

#include "domain/schema.h"
#include "domain/text.h"

#include <optional>
#include <set>

namespace shouwang::server {
namespace {

wire::ChangeResult refusal(const Change& change, wire::ErrorCode code, std::string message)
{
    wire::ChangeResult result;
    result.set_change_id(change.changeId);
    result.set_accepted(false);
    result.mutable_error()->set_code(code);
    result.mutable_error()->set_message(std::move(message));
    return result;
}

// The rules that need no database: who made it, where it may go, when it claims to be.
std::optional<wire::ChangeResult> policyRefusal(const Device& device, const Change& change, std::int64_t nowMillis)
{
    if (change.hlc.device != device.id)
        return refusal(change, wire::CHANGE_REFUSED, "该变更不是由本设备产生的，不能由本设备上传");
    const EntityDef* entity = findEntity(change.entity);
    if (!entity)
        return refusal(change, wire::CHANGE_REFUSED, "未知的记录类型");
    if (!device.scope.canWrite(*entity, change.villageCode))
        return refusal(change, wire::OUT_OF_SCOPE,
                       "该变更超出本设备的权限范围（" + device.scope.toString() + "），未被接收");
    if (change.hlc.millis() < protocol::kMinClockMillis)
        return refusal(change, wire::CHANGE_REFUSED,
                       "该变更的时间早于2020年1月1日，这台电脑的日期和时间不正确。请先把电脑的日期和时间改正确，再重新录入。");
    if (change.hlc.millis() > nowMillis + protocol::kMaxClockAheadMillis)
        return refusal(change, wire::CLOCK_AHEAD,
                       "这台电脑的日期和时间比服务器快了一天以上。请先把电脑的日期和时间改正确，再重新同步。");
    return std::nullopt;
}

} // namespace

IntakeResult intakeChanges(CountyStore& store, const Device& device, const std::vector<Change>& changes,
                           std::int64_t nowMillis, std::string_view address, std::string_view action)
{
    IntakeResult out;
    out.results.resize(changes.size());
    std::vector<Change> cleared;
    std::vector<std::size_t> clearedAt;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (auto refused = policyRefusal(device, changes[i], nowMillis)) {
            out.results[i] = std::move(*refused);
            continue;
        }
        cleared.push_back(changes[i]);
        clearedAt.push_back(i);
    }

    AuditEntry audit;
    audit.deviceId = device.id;
    audit.address = std::string(address);
    audit.action = std::string(action);
    std::set<std::string> operators;
    for (const auto& c : cleared)
        operators.insert(utf8Prefix(c.operatorName, 64));
    for (const auto& name : operators)
        audit.operatorName += (audit.operatorName.empty() ? "" : ",") + name;

    audit.refused = static_cast<int>(changes.size() - cleared.size());
    MergeBatchResult merged = store.mergeChanges(cleared, audit);

    for (std::size_t k = 0; k < cleared.size(); ++k) {
        const MergeOutcome& outcome = merged.outcomes[k];
        wire::ChangeResult& result = out.results[clearedAt[k]];
        if (!outcome.applied()) {
            result = refusal(cleared[k], wire::CHANGE_REFUSED, outcome.message);
            continue;
        }
        result.set_change_id(cleared[k].changeId);
        result.set_accepted(true);
        if (!outcome.duplicate)
            ++out.merged;
        out.conflicts += outcome.conflicts;
    }
    for (const auto& r : out.results)
        (r.accepted() ? out.accepted : out.refused) += 1;
    return out;
}

} // namespace shouwang::server
