#pragma once

// A small county built by hand on a real SQLite file, so the supervision figures can be
// checked against answers worked out on paper. Dates are relative to the day the test
// runs (records are stamped with the real clock when saved), so every figure is asked
// for a period ending today or later.

#include "../support/temp_dir.h"

#include "domain/date.h"
#include "domain/idcard.h"
#include "store/ledger.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace shouwang::test {

inline constexpr const char* kCounty = "500154";          // 开州区
inline constexpr const char* kTownA = "500154102";        // 厚坝镇
inline constexpr const char* kDaba = "500154102200";      // 厚坝镇 大坝村
inline constexpr const char* kHongbao = "500154102201";   // 厚坝镇 红宝村
inline constexpr const char* kQingcheng = "500154103200"; // 金峰镇 青橙村

struct CountyBuilder {
    TempDir dir;
    std::unique_ptr<Database> db = openLedgerDatabase(dir.file("county.db"));
    Ledger ledger{*db};
    Date t = today();
    int serial = 0;

    std::string day(int offset) const { return formatDate(t + std::chrono::days(offset)); }
    std::string at(int offset, const std::string& time) const { return day(offset) + "T" + time; }

    std::string save(Record r)
    {
        const SaveResult result = ledger.save(r, "测试员");
        INFO(r.entity << ": " << result.message << (result.errors.empty() ? "" : " " + result.errors[0].field + " " + result.errors[0].message));
        REQUIRE(result.ok());
        return r.id;
    }

    static Record make(const std::string& entity, const std::string& village)
    {
        Record r;
        r.entity = entity;
        r.villageCode = village;
        return r;
    }

    // A valid ID number of someone born on 1 March of `birthYear`, distinct per call.
    std::string idNumber(int birthYear)
    {
        std::string first17 = std::string(kCounty) + std::to_string(birthYear) + "0301" + std::to_string(100 + ++serial);
        return first17 + idCheckDigit(first17);
    }

    std::string household(const std::string& village, const std::string& head)
    {
        Record r = make("household", village);
        r.set("head_name", head);
        r.set("address", head + "家");
        return save(r);
    }

    // An active elder with a phone, a household and a supporter unless told otherwise.
    std::string elder(const std::string& village, const std::string& name, int birthYear, const std::string& living = "spouse",
                      bool complete = true, const std::string& idNumberText = {})
    {
        Record r = make("elder", village);
        r.set("name", name);
        r.set("id_number", idNumberText.empty() ? idNumber(birthYear) : idNumberText);
        r.set("living", living);
        r.set("status", "active");
        if (complete) {
            r.set("phone", "13800000000");
            r.set("household_id", household(village, name));
        }
        const std::string id = save(r);
        if (complete)
            supporter(id);
        return id;
    }

    void set(const std::string& entity, const std::string& id, const std::string& field, const std::string& value)
    {
        auto r = ledger.get(entity, id);
        REQUIRE(r);
        r->set(field, value);
        save(*r);
    }

    void supporter(const std::string& elderId)
    {
        Record r = make("supporter", "");
        r.set("elder_id", elderId);
        r.set("name", "子女");
        r.set("relation", "son");
        save(r);
    }

    void visit(const std::string& elderId, int offset, const std::string& campaign = {})
    {
        Record r = make("visit", "");
        r.set("elder_id", elderId);
        r.set("date", day(offset));
        r.set("mode", "home");
        r.set("visitor", "网格员");
        r.set("finding", "normal");
        if (!campaign.empty())
            r.set("campaign_id", campaign);
        save(r);
    }

    void assess(const std::string& elderId, int offset, const std::string& level, const std::string& plan = {})
    {
        Record r = make("risk_assessment", "");
        r.set("elder_id", elderId);
        r.set("date", day(offset));
        r.set("assessor", "村干部");
        r.set("level", level);
        if (!plan.empty())
            r.set("intervention_plan", plan);
        save(r);
    }

    std::string campaign(const std::string& name, int from, int to, const std::string& target)
    {
        Record r = make("campaign", kCounty);
        r.set("name", name);
        r.set("kind", "fire_prevention");
        r.set("start_date", day(from));
        r.set("end_date", day(to));
        r.set("target", target);
        return save(r);
    }

    std::string incident(const std::string& elderId, const std::string& reportedAt)
    {
        Record r = make("incident", "");
        r.set("elder_id", elderId);
        r.set("type", "critical_illness");
        r.set("discovered_at", reportedAt);
        r.set("reported_at", reportedAt);
        r.set("reporter", "村委会");
        r.set("description", "突发疾病");
        r.set("escalated_to", "township");
        r.set("status", "reported");
        return save(r);
    }
};

} // namespace shouwang::test
