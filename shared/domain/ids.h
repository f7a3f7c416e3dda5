#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>

namespace shouwang {

// Record, change and device ids: made on the device, so villages never need the server
// to create a record. Time-ordered (version 7, RFC 9562): the ids one device makes sort
// in the order it made them, so the ledger's indexes of ids grow at their end instead of
// at a random page each (the bench's upload of 20 villages ran 1.5× faster for that
// alone; docs/performance.md). 62 random bits keep two devices' ids apart whatever their
// clocks say.
std::string newUuid();

// The generator behind newUuid, with the clock it reads (milliseconds since 1970).
class UuidGenerator {
public:
    explicit UuidGenerator(std::function<std::uint64_t()> nowMillis);
    std::string next();

private:
    std::function<std::uint64_t()> m_now;
    std::mutex m_mutex;
    std::mt19937_64 m_random;
    std::uint64_t m_lastMs = 0;
    std::uint64_t m_counter = 0;
};

} // namespace shouwang
