#include "ids.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace shouwang {
namespace {

// rand_a of RFC 9562 §6.2, method 1: a counter within one millisecond.
constexpr std::uint64_t kCounterMax = (std::uint64_t{1} << 12) - 1;

std::mt19937_64 seededEngine()
{
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
    return std::mt19937_64(seed);
}

std::uint64_t wallMillis()
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

} // namespace

UuidGenerator::UuidGenerator(std::function<std::uint64_t()> nowMillis)
    : m_now(std::move(nowMillis))
    , m_random(seededEngine())
{
}

std::string UuidGenerator::next()
{
    std::uint64_t ms, counter, lo;
    {
        std::lock_guard lock(m_mutex);
        // Never backwards, even when the clock is set back (a laptop that said 2009 and is
        // corrected, or the reverse): the ids stay in the order they were made.
        ms = std::max(m_now(), m_lastMs);
        if (ms == m_lastMs && m_counter < kCounterMax) {
            ++m_counter;
        } else {
            if (ms == m_lastMs)
                ++ms;                                    // 4,096 ids in one millisecond: the next one is borrowed
            m_counter = m_random() & (kCounterMax >> 1); // a random start, with room to count
        }
        m_lastMs = ms;
        counter = m_counter;
        lo = m_random();
    }
    const std::uint64_t hi = (ms & 0xffffffffffffULL) << 16 | 0x7000ULL | counter; // version 7
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;                     // variant 10
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff),
                  static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    return buf;
}

std::string newUuid()
{
    static UuidGenerator generator(wallMillis);
    return generator.next();
}

} // namespace shouwang
