#include "domain/hlc.h"
#include "domain/record.h"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace shouwang;

TEST_CASE("the clock stays monotonic when the wall clock jumps back")
{
    std::int64_t wall = 1'700'000'000'000;
    HybridClock clock("dev-a", [&] { return wall; });
    const Hlc first = clock.now();
    wall -= 3'600'000; // an hour back, as when a laptop's clock is corrected
    const Hlc second = clock.now();
    const Hlc third = clock.now();
    CHECK(first < second);
    CHECK(second < third);
    CHECK(third.millis() == first.millis()); // counts on within the last millisecond issued
}

TEST_CASE("the clock moves past clocks it has observed from other devices")
{
    std::int64_t wall = 1'000;
    HybridClock clock("dev-a", [&] { return wall; });
    const Hlc remote{(std::uint64_t{5'000} << Hlc::kCounterBits) | 7, "dev-b"};
    clock.observe(remote);
    CHECK(remote < clock.now());
}

TEST_CASE("a restored clock never reissues a timestamp")
{
    std::int64_t wall = 2'000;
    HybridClock before("dev-a", [&] { return wall; });
    const Hlc issued = before.now();
    wall = 1'000; // restarted with a clock that went back
    HybridClock after("dev-a", [&] { return wall; });
    after.restore(before.lastTime());
    CHECK(issued < after.now());
}

TEST_CASE("equal times are ordered by device id, so replicas agree on a winner")
{
    const Hlc a{100, "aaa"}, b{100, "bbb"};
    CHECK(a < b);
    CHECK_FALSE(b < a);
}

TEST_CASE("the text form sorts as the clock does and parses back")
{
    const Hlc small{0x10, "dev"}, large{0x100, "dev"};
    CHECK(small.toString() < large.toString());
    const auto parsed = Hlc::parse(large.toString());
    REQUIRE(parsed);
    CHECK(*parsed == large);
    CHECK_FALSE(Hlc::parse("not a clock"));
    CHECK_FALSE(Hlc::parse("0000000000000010@bad device"));
}

TEST_CASE("per-field clocks survive their stored form")
{
    std::map<std::string, Hlc, std::less<>> clocks{
        {"name", {0x20, "a"}}, {"phone", {0x20, "a"}}, {"status", {0x31, "b"}}};
    CHECK(decodeClocks(encodeClocks(clocks)) == clocks);
}

TEST_CASE("a record written whole by one change keeps one clock for all its fields")
{
    Record r;
    const Hlc made{0x20, "a"};
    for (const char* field : {"name", "phone", "address", "status"}) {
        r.set(field, "x");
        r.clocks.emplace(field, made);
    }
    const std::string stored = encodeClocks(r);
    CHECK(stored == made.toString());
    Record read;
    read.values = r.values;
    decodeClocks(stored, read);
    CHECK(read.clocks == r.clocks);
}

TEST_CASE("a record's clocks in their row's form come back exactly, whatever its fields and clocks")
{
    // Cleared fields keep their clocks, some fields lack one, the deletion mark has one
    // and no value: every mix of them, with values, comes back as it was.
    std::mt19937 random(19);
    const std::vector<std::string> fields{"a", "b", "c", "d", "e", "f", "deleted"};
    const std::vector<Hlc> clocks{{0x20, "dev-a"}, {0x21, "dev-a"}, {0x20, "dev-b"}};
    for (int round = 0; round < 2000; ++round) {
        Record r;
        for (const auto& field : fields) {
            const auto roll = random() % 6;
            if (field != "deleted" && roll < 4)
                r.set(field, roll == 0 ? "" : "v" + std::to_string(roll));
            if (roll != 5)
                r.clocks.emplace(field, clocks[random() % clocks.size()]);
        }
        Record read;
        for (const auto& [field, value] : r.values) {
            if (!value.empty()) // the row keeps no empty value (a NULL)
                read.values.emplace(field, value);
        }
        const std::string stored = encodeClocks(r);
        decodeClocks(stored, read);
        INFO(stored);
        REQUIRE(read.clocks == r.clocks);
    }
}
