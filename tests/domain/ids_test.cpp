#include "domain/ids.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace shouwang;

namespace {

std::vector<std::string> make(UuidGenerator& ids, int n)
{
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i)
        out.push_back(ids.next());
    return out;
}

bool strictlyIncreasing(const std::vector<std::string>& ids)
{
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (!(ids[i - 1] < ids[i]))
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("ids are canonical version 7 UUIDs that carry the time they were made")
{
    const std::uint64_t ms = 1'764'000'000'000; // 2025-11-24
    UuidGenerator ids([&] { return ms; });
    const std::string id = ids.next();
    REQUIRE(id.size() == 36);
    CHECK(id[8] == '-');
    CHECK(id[13] == '-');
    CHECK(id[14] == '7');                                         // version
    CHECK(std::string("89ab").find(id[19]) != std::string::npos); // variant 10
    CHECK(std::stoull(id.substr(0, 8) + id.substr(9, 4), nullptr, 16) == ms);
    CHECK(newUuid()[14] == '7');
}

TEST_CASE("ids sort in the order they were made, within a millisecond and across it")
{
    std::uint64_t ms = 1'764'000'000'000;
    UuidGenerator ids([&] { return ms; });
    std::vector<std::string> made = make(ids, 10'000); // more than one millisecond's counter holds
    ++ms;
    for (const auto& id : make(ids, 100))
        made.push_back(id);
    CHECK(strictlyIncreasing(made));
    CHECK(std::set<std::string>(made.begin(), made.end()).size() == made.size());
}

TEST_CASE("ids stay in order when the clock is set back")
{
    std::uint64_t ms = 1'764'000'000'000;
    UuidGenerator ids([&] { return ms; });
    std::vector<std::string> made = make(ids, 10);
    ms = 1'230'000'000'000; // the clerk's laptop says 2008 after a flat battery
    for (const auto& id : make(ids, 10))
        made.push_back(id);
    ms = 1'764'000'000'500;
    for (const auto& id : make(ids, 10))
        made.push_back(id);
    CHECK(strictlyIncreasing(made));
}

TEST_CASE("two devices on one clock make different ids")
{
    const std::uint64_t ms = 1'764'000'000'000;
    UuidGenerator a([&] { return ms; });
    UuidGenerator b([&] { return ms; });
    std::set<std::string> all;
    for (int i = 0; i < 1000; ++i) {
        all.insert(a.next());
        all.insert(b.next());
    }
    CHECK(all.size() == 2000);
}
