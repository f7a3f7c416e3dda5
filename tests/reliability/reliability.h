#pragma once

// How many rounds a randomized reliability test runs and from which seed: small counts in
// CI, large ones by hand (docs/reliability.md), and any failing round replayable alone.
//   SHOUWANG_RELIABILITY_ROUNDS=100            run 100 rounds instead of the CI default
//   SHOUWANG_RELIABILITY_SEED=12345            start from this seed (round i uses seed + i)

#include <cstdint>
#include <cstdlib>
#include <string>

namespace shouwang::test {

inline int reliabilityRounds(int ciDefault)
{
    const char* text = std::getenv("SHOUWANG_RELIABILITY_ROUNDS");
    return text && *text ? std::max(1, std::atoi(text)) : ciDefault;
}

inline std::uint64_t roundSeed(int round)
{
    const char* text = std::getenv("SHOUWANG_RELIABILITY_SEED");
    const std::uint64_t base = text && *text ? std::strtoull(text, nullptr, 10) : 20240917u;
    return base + static_cast<std::uint64_t>(round);
}

// What to paste into a shell to run one failing round again.
inline std::string replayHint(std::uint64_t seed)
{
    return "seed " + std::to_string(seed) + " (replay: SHOUWANG_RELIABILITY_SEED=" + std::to_string(seed)
        + " SHOUWANG_RELIABILITY_ROUNDS=1)";
}

} // namespace shouwang::test
