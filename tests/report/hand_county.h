#pragma once

// The hand-built county of the supervision tests, and the answers worked out on paper.
// T is today; the report is asked at T 12:00:00 for the period T-30 … T. The county's
// schedule is the default: 高风险 every 7 days, 重点 every 15, others every 30; a new
// assessment every 180 days.
//
// 厚坝镇 大坝村: A 张一 (75, with spouse)   visits T-60, T-30 (the second exactly on its due
//                                          date; due again T: on time); assessed low T-180
//                B 李二 (85: 高龄, key)     visit T-16 (campaign 防火), due T-1: 1 day overdue;
//                                          assessed medium T-181: out of date
//                C 王三 (alone: key)        visit T-15 (campaign 防火); assessed high T-10 with
//                                          no plan, so every 7 days: due T-8, 8 days overdue
//                D 赵四 (hardship: key)     no phone, household, supporter or assessment;
//                                          never visited, entered today: due today, on time
// 厚坝镇 红宝村: G 周六 (disabled: key)     visit T-5 (campaign 春节); assessed high T-5 with a plan
//                E 孙五 moved out
// 金峰镇 青橙村: F 周六 (dementia: key)     the same ID number as G; visit T-40 (tagged 防火,
//                                          outside its dates): due T-25, 25 days overdue
#include "report_figures.h"

#include "store/conflict_queue.h"

namespace shouwang::test {

struct HandCounty : CountyBuilder {
    std::string a, b, c, d, e, f, g;
    std::string fire, spring;
    std::string i1, i2, i3, i6;

    HandCounty()
    {
        fire = campaign("防火专项", -20, -10, "key");
        spring = campaign("春节走访", -5, 5, "high_risk");
        campaign("往年专项", -100, -90, "all");
        elders();
        incidents();
        services();
        Conflict conflict;
        conflict.entity = "household";
        conflict.recordId = "h1";
        conflict.villageCode = kHongbao;
        conflict.field = "address";
        conflict.valueA = "一组";
        conflict.valueB = "二组";
        conflict.hlcA = Hlc{1, "dev-a"};
        conflict.hlcB = Hlc{2, "dev-b"};
        conflict.detectedAt = at(0, "09:00:00");
        ConflictQueue(*db).add(conflict);
    }

    void elders()
    {
        a = elder(kDaba, "张一", 1950);
        visit(a, -60);
        visit(a, -30);
        assess(a, -180, "low");
        b = elder(kDaba, "李二", 1940);
        visit(b, -16, fire);
        assess(b, -181, "medium");
        c = elder(kDaba, "王三", 1950, "alone");
        visit(c, -15, fire);
        assess(c, -10, "high");
        d = elder(kDaba, "赵四", 1950, "spouse", false);
        set("elder", d, "difficulties", "economic");
        const std::string shared = idNumber(1948);
        g = elder(kHongbao, "周六", 1948, "spouse", true, shared);
        set("elder", g, "ability", "moderate");
        visit(g, -5, spring);
        assess(g, -5, "high", "每周电话问候，每月上门");
        e = elder(kHongbao, "孙五", 1950);
        set("elder", e, "status", "moved_out");
        f = elder(kQingcheng, "周六", 1948, "spouse", true, shared);
        set("elder", f, "dementia", "1");
        visit(f, -40, fire);
    }

    void step(const std::string& id, const std::string& field, const std::string& value, const std::string& status)
    {
        auto r = ledger.get("incident", id);
        REQUIRE(r);
        r->set(field, value);
        r->set("status", status);
        if (field == "accepted_at")
            r->set("accepted_by", "乡镇李干事");
        if (field == "closed_at") {
            r->set("closed_by", "乡镇李干事");
            r->set("outcome", "已处置");
        }
        save(*r);
    }

    void incidents()
    {
        i1 = incident(a, at(-3, "08:00:00")); // acknowledged exactly at 24 h, closed after 48 h
        step(i1, "accepted_at", at(-2, "08:00:00"), "accepted");
        step(i1, "closed_at", at(-1, "08:00:00"), "closed");
        i2 = incident(a, at(-3, "08:00:00")); // acknowledged one second late, still open
        step(i2, "accepted_at", at(-2, "08:00:01"), "accepted");
        i3 = incident(a, at(-20, "09:00:00")); // never acknowledged: both deadlines passed
        const std::string i4 = incident(a, at(-40, "10:00:00")); // before the period, closed before it
        step(i4, "accepted_at", at(-40, "11:00:00"), "accepted");
        step(i4, "closed_at", at(-35, "10:00:00"), "closed");
        const std::string i5 = incident(a, at(-45, "10:00:00")); // before the period, closed within it
        step(i5, "accepted_at", at(-44, "10:00:00"), "accepted");
        step(i5, "closed_at", at(-10, "10:00:00"), "closed");
        i6 = incident(a, at(-50, "10:00:00")); // before the period, still open: close deadline passed
        step(i6, "accepted_at", at(-50, "11:00:00"), "accepted");
    }

    std::string volunteer(const std::string& village, bool active)
    {
        Record r = make("volunteer", village);
        r.set("name", "志愿者");
        r.set("kind", "volunteer");
        r.set("active", active ? "1" : "0");
        return save(r);
    }

    void pairing(const std::string& village, const std::string& helper, const std::string& helped, int from,
                 const std::string& to)
    {
        Record r = make("pairing", village);
        r.set("mode", "one_one");
        r.set("helpers", helper);
        r.set("helped", helped);
        r.set("start_date", day(from));
        if (!to.empty())
            r.set("end_date", to);
        save(r);
    }

    void services()
    {
        for (auto [elderId, offset] : {std::pair{a, -5}, {a, -31}, {g, 0}}) {
            Record r = make("service_record", "");
            r.set("elder_id", elderId);
            r.set("date", day(offset));
            r.set("provider", "卫生室");
            save(r);
        }
        const std::string v1 = volunteer(kDaba, true);
        volunteer(kDaba, false);
        const std::string v3 = volunteer(kHongbao, true);
        pairing(kDaba, v1, a, -100, "");
        pairing(kDaba, v1, b, -100, day(-1));
        pairing(kHongbao, v3, g, -10, day(0)); // ends today: still in force
        for (auto [elderId, from, to] : {std::tuple{a, -400, day(-35)}, {b, -10, std::string{}}}) {
            Record r = make("care_agreement", "");
            r.set("elder_id", elderId);
            r.set("caretaker", "邻居");
            r.set("start_date", day(from));
            if (!to.empty())
                r.set("end_date", to);
            save(r);
        }
    }

    ReportRequest request(const std::string& area) const
    {
        ReportRequest q = monthRequest(*this, area);
        q.devices = {{"dev-daba", std::string("village:") + kDaba, at(-7, "10:00:00"), false},
                     {"dev-hongbao", std::string("village:") + kHongbao, at(-8, "10:00:00"), false},
                     {"dev-old", std::string("village:") + kQingcheng, at(0, "10:00:00"), true}};
        for (auto& device : q.devices)
            device.scopeCode = device.scopeCode.substr(device.scopeCode.find(':') + 1);
        return q;
    }
};

} // namespace shouwang::test
