// schema.h first: see risk_rule.cpp.
#include "schema.h"

#include "schema_names.h"
#include "volunteer_hours.h"

#include <algorithm>
#include <charconv>

namespace shouwang {
namespace {

constexpr std::string_view kSettlementFields[]
    = {schema::volunteer_redemption::voided, schema::volunteer_redemption::settle_note,
       schema::volunteer_redemption::overdraft_approved};

int hoursOf(const Record& r)
{
    const std::string& text = r.value("hours");
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

std::string label(const EntityDef& entity, std::string_view field)
{
    const FieldDef* f = entity.field(field);
    return f ? std::string(f->zh) : std::string(field);
}

// The reference a credit's source needs: a credit from a service record names the record.
std::string_view sourceField(std::string_view source)
{
    if (source == "service_record")
        return "service_record_id";
    if (source == "pairing_activity")
        return "pairing_activity_id";
    if (source == "association_activity")
        return "activity_id";
    return {};
}

std::string contentProblem(const EntityDef& entity, const Record& r)
{
    const int hours = hoursOf(r);
    if (hours < 1 || hours > kMaxEntryHours)
        return label(entity, "hours") + "应为1至" + std::to_string(kMaxEntryHours) + "之间的整数";
    if (entity.name == kCreditEntity) {
        if (const std::string_view needed = sourceField(r.value(schema::volunteer_credit::source));
            !needed.empty() && !r.has(needed))
            return "时长来源为“" + label(entity, needed) + "”时，请选择对应的" + label(entity, needed);
    } else if (r.value(schema::volunteer_redemption::beneficiary) == "elder" && !r.has("elder_id")) {
        return "服务对象为志愿者指定的老年人时，请选择" + label(entity, "elder_id");
    }
    if (r.value("voided") == "1" && r.value("settle_note").find_first_not_of(' ') == std::string::npos)
        return "作废时请填写" + label(entity, "settle_note") + "（为什么作废）";
    return {};
}

} // namespace

bool isSettlementField(std::string_view field)
{
    return std::find(std::begin(kSettlementFields), std::end(kSettlementFields), field) != std::end(kSettlementFields);
}

bool isVolunteerHoursEntity(std::string_view entity)
{
    return entity == kCreditEntity || entity == kRedemptionEntity;
}

std::string volunteerHoursEntryProblem(const Record* before, const Record& after)
{
    const EntityDef* entity = findEntity(after.entity);
    if (!entity || !isVolunteerHoursEntity(after.entity))
        return {};
    if (before && !before->deleted) {
        if (after.deleted)
            return std::string(entity->zh) + "不能删除：如有错误，请勾选“作废”并填写说明，记录保留备查";
        for (const FieldDef& field : entity->fields) {
            if (!isSettlementField(field.name) && after.value(field.name) != before->value(field.name))
                return std::string(entity->zh) + "经村委会确认后不能修改“" + std::string(field.zh)
                    + "”：如有错误，请作废本条后重新登记";
        }
        if (before->value("voided") == "1" && after.value("voided") != "1")
            return "已作废的" + std::string(entity->zh) + "不能恢复：请重新登记一条";
    }
    if (after.deleted)
        return {};
    return contentProblem(*entity, after);
}

std::string_view hoursEntryStateLabel(HoursEntryState state)
{
    switch (state) {
    case HoursEntryState::Counted: return "有效";
    case HoursEntryState::Voided: return "已作废";
    case HoursEntryState::OverdraftPending: return "超额待核";
    case HoursEntryState::OverdraftApproved: return "已核准超额";
    }
    return {};
}

HoursAccount deriveHoursAccount(const std::string& volunteerId, std::vector<Record> entries,
                                const std::function<int(const std::string& date)>& allowanceOn)
{
    // The volunteer never changes after the entry is saved, so its clock is the entry's
    // creation clock: one total order (physical time, counter, device) on every replica.
    const auto created = [](const Record& r) {
        const auto it = r.clocks.find("volunteer_id");
        return it == r.clocks.end() ? Hlc{} : it->second;
    };
    std::sort(entries.begin(), entries.end(), [&](const Record& a, const Record& b) {
        const Hlc ca = created(a), cb = created(b);
        return ca != cb ? ca < cb : a.id < b.id;
    });
    HoursAccount account;
    account.volunteerId = volunteerId;
    int running = 0;
    for (Record& r : entries) {
        if (r.deleted)
            continue;
        HoursEntry entry;
        entry.credit = r.entity == kCreditEntity;
        entry.hours = hoursOf(r);
        if (r.value("voided") == "1") {
            entry.state = HoursEntryState::Voided;
        } else if (entry.credit) {
            running += entry.hours;
            account.credited += entry.hours;
        } else {
            running -= entry.hours;
            account.redeemed += entry.hours;
            if (running < -allowanceOn(r.value("date"))) {
                const bool approved = r.value(schema::volunteer_redemption::overdraft_approved) == "1";
                entry.state = approved ? HoursEntryState::OverdraftApproved : HoursEntryState::OverdraftPending;
                if (!approved) {
                    ++account.pending;
                    account.pendingHours += entry.hours;
                }
            }
        }
        entry.balanceAfter = running;
        entry.record = std::move(r);
        account.entries.push_back(std::move(entry));
    }
    return account;
}

std::string redemptionRefusal(const HoursAccount& account, const Record& redemption, int allowance)
{
    const int hours = hoursOf(redemption);
    if (hours <= account.balance() + allowance)
        return {};
    std::string why = "兑换 " + std::to_string(hours) + " 小时超过该志愿者可用的时长：结余 " + std::to_string(account.balance())
        + " 小时";
    why += allowance > 0 ? "，区县允许透支 " + std::to_string(allowance) + " 小时" : "，区县规定不允许透支";
    return why + "。请核实已记入的服务时长，或减少兑换时长";
}

} // namespace shouwang
