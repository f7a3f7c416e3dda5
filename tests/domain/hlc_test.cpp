#include "domain/hlc.h"
#include "domain/record.h"

#include <catch2/catch.hpp>

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
