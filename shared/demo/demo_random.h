#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <span>

namespace shouwang::demo {

// The generator's only source of chance. std::uniform_int_distribution and friends are
// implemented differently by each standard library, so the same seed would give other
// demo data on MSVC; ranges are therefore taken from the engine's raw output here.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }

    std::uint64_t next() { return m_engine(); }

    // Uniform in [lo, hi]. The modulo bias is below 2^-40 for every range the generator asks.
    int range(int lo, int hi)
    {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<int>(m_engine() % span);
    }

    // Uniform in [0, 1), from the top 53 bits.
    double unit() { return static_cast<double>(m_engine() >> 11) * (1.0 / 9007199254740992.0); }

    bool chance(double probability) { return unit() < probability; }

    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[static_cast<std::size_t>(m_engine() % items.size())];
    }

    // One entry of a literal list, pick(std::array{"a", "b"}): the same draw as range(0, N - 1),
    // so the demo data does not change with the spelling.
    template <typename T, std::size_t N>
    T pick(const std::array<T, N>& items)
    {
        return items[static_cast<std::size_t>(m_engine() % N)];
    }

    // An index drawn with the given relative weights.
    std::size_t weighted(std::span<const int> weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int roll = range(0, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (roll < weights[i])
                return i;
            roll -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace shouwang::demo
