#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// Hybrid logical clock timestamp (DESIGN.md §4): physical milliseconds, a counter for
// events within one millisecond, and the device that made it. The order is total: time,
// then device id, so two devices never tie.
struct Hlc {
    std::uint64_t time = 0; // (milliseconds since the epoch << 16) | counter
    std::string device;

    static constexpr int kCounterBits = 16;

    std::int64_t millis() const { return static_cast<std::int64_t>(time >> kCounterBits); }
    std::uint32_t counter() const { return static_cast<std::uint32_t>(time & 0xffff); }
    bool isNull() const { return time == 0 && device.empty(); }

    // "0192f1a2b3c40000@device": fixed-width hex first, so the text sorts as the clock does.
    std::string toString() const;
    static std::optional<Hlc> parse(std::string_view text);

    friend auto operator<=>(const Hlc&, const Hlc&) = default;
    friend bool operator==(const Hlc&, const Hlc&) = default;
};

// No clock stamps before 2020-01-01T00:00:00Z, before Shouwang existed: a laptop whose
// battery-less clock says 2009 (or 1970) still stamps where the county accepts, and its
// edits order after what it has seen as always.
inline constexpr std::int64_t kHlcFloorMillis = 1577836800000LL;

// A device id is the identity inside every HLC: short and from a safe alphabet, so that it
// can be embedded in the clock's text form.
bool isValidDeviceId(std::string_view id);

// Issues HLCs for one device. Monotonic even when the wall clock jumps back; `observe`
// folds in clocks seen from other devices so later local events order after them.
class HybridClock {
public:
    using WallClock = std::function<std::int64_t()>; // milliseconds since the epoch

    HybridClock(std::string device, WallClock wall = systemMillis);

    Hlc now();
    void observe(const Hlc& seen);
    // Starts from a persisted high-water mark, so a restart never reissues a timestamp.
    void restore(std::uint64_t lastTime);
    std::uint64_t lastTime() const { return m_last; }
    const std::string& device() const { return m_device; }
    std::int64_t wallMillis() const { return m_wall(); }
    // A new identity for this ledger (a copy made a device of its own).
    void setDevice(std::string device) { m_device = std::move(device); }
    // The one way down: a high-water mark that ran ahead of a clock since corrected is set
    // back, once what it stamped has been stamped again (docs/protocol.md, "Lifecycle").
    void rewind(std::uint64_t lastTime) { m_last = lastTime; }

    static std::int64_t systemMillis();

private:
    std::string m_device;
    WallClock m_wall;
    std::uint64_t m_last = 0;
};

} // namespace shouwang
