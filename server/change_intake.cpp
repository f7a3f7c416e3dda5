#include "change_intake.h"

#include "store/change_codec.h"
#include "sync/protocol.h"

#include "domain/date.h"
#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/text.h"

#include <optional>
#include <map>
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

// Who may have stamped a change a device sends: itself, or an id it went by before. For a
// week after a pull found this county restored from a backup (docs/protocol.md, "Lifecycle")
// it may also relay changes of devices the county does not know or whose scope could have
// written them, which the county may have lost with their authors' copies. A device can
// never send as a device of another village.
class Stamps {
public:
    Stamps(CountyStore& store, const Device& device, std::int64_t nowMillis)
        : m_store(store)
        , m_device(device)
        , m_relaying(!device.relayUntil.empty() && formatDateTime(nowMillis) < device.relayUntil)
    {
    }

    bool mayCarry(const Change& change, const EntityDef& entity)
    {
        if (change.hlc.device == m_device.id)
            return true;
        if (!m_earlierRead) {
            for (const auto& e : m_store.earlierIds(m_device.id))
                m_earlier.insert(e.id);
            m_earlierRead = true;
        }
        if (m_earlier.count(change.hlc.device))
            return true;
        if (!m_relaying)
            return false;
        auto it = m_others.find(change.hlc.device);
        if (it == m_others.end())
            it = m_others.emplace(change.hlc.device, m_store.device(change.hlc.device)).first;
        return !it->second || it->second->scope.canWrite(entity, change.villageCode);
    }

private:
    CountyStore& m_store;
    const Device& m_device;
    const bool m_relaying;
    bool m_earlierRead = false;
    std::set<std::string> m_earlier;
    std::map<std::string, std::optional<Device>> m_others;
};

// The rules that need no merge: who made it, where it may go, when it claims to be.
std::optional<wire::ChangeResult> policyRefusal(const Device& device, Stamps& stamps, const Change& change,
                                                std::int64_t nowMillis)
{
    const EntityDef* entity = findEntity(change.entity);
    if (!entity)
        return refusal(change, wire::CHANGE_REFUSED, "未知的记录类型");
    if (!stamps.mayCarry(change, *entity))
        return refusal(change, wire::CHANGE_REFUSED, "该变更不是由本设备产生的，不能由本设备上传");
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

IntakeResult intakeChanges(CountyStore& store, const Device& device, std::vector<ReceivedChange> changes,
                           std::int64_t nowMillis, std::string_view address, std::string_view action)
{
    IntakeResult out;
    out.results.resize(changes.size());
    std::vector<ReceivedChange> cleared;
    std::vector<std::size_t> clearedAt;
    cleared.reserve(changes.size());
    Stamps stamps(store, device, nowMillis);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (auto refused = policyRefusal(device, stamps, changes[i].change, nowMillis)) {
            out.results[i] = std::move(*refused);
            continue;
        }
        cleared.push_back(std::move(changes[i]));
        clearedAt.push_back(i);
    }

    AuditEntry audit;
    audit.deviceId = device.id;
    audit.address = std::string(address);
    audit.action = std::string(action);
    std::set<std::string> operators;
    for (const auto& c : cleared)
        operators.insert(utf8Prefix(c.change.operatorName, 64));
    for (const auto& name : operators)
        audit.operatorName += (audit.operatorName.empty() ? "" : ",") + name;

    audit.refused = static_cast<int>(changes.size() - cleared.size());
    MergeBatchResult merged = store.mergeChanges(cleared, audit);

    for (std::size_t k = 0; k < cleared.size(); ++k) {
        const MergeOutcome& outcome = merged.outcomes[k];
        wire::ChangeResult& result = out.results[clearedAt[k]];
        if (!outcome.applied()) {
            const auto code = outcome.refusal == MergeRefusal::RecordUnknown ? wire::RECORD_UNKNOWN : wire::CHANGE_REFUSED;
            result = refusal(cleared[k].change, code, outcome.message);
            continue;
        }
        result.set_change_id(cleared[k].change.changeId);
        result.set_accepted(true);
        if (!outcome.duplicate)
            ++out.merged;
        out.conflicts += outcome.conflicts;
    }
    for (const SameIdNotice& notice : merged.sameIdElsewhere) {
        wire::SameIdElsewhere* told = out.results[clearedAt[notice.change]].add_same_id_elsewhere();
        told->set_elder_id(notice.elderId);
        told->set_id_number(notice.idNumber);
        told->set_other_elder_id(notice.otherElderId);
        told->set_other_village_code(notice.otherVillageCode);
        told->set_other_village(divisionPath(notice.otherVillageCode));
        told->set_other_name(notice.otherName);
        told->set_message(sameIdElsewhereMessage(notice.otherVillageCode, notice.otherName));
    }
    for (const auto& r : out.results)
        (r.accepted() ? out.accepted : out.refused) += 1;
    return out;
}

} // namespace shouwang::server
