#include "hlc.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

namespace shouwang {

std::string Hlc::toString() const
{
    // 16 hex digits by hand: every record written spells its clocks, and snprintf was a
    // measurable part of loading a county's snapshot.
    std::string out(16, '0');
    auto [end, ec] = std::to_chars(out.data(), out.data() + 16, time, 16);
    std::rotate(out.begin(), out.begin() + (end - out.data()), out.end()); // right-aligned, zeros before
    out += '@';
    out += device;
    return out;
}

std::optional<Hlc> Hlc::parse(std::string_view text)
{
    if (text.size() < 18 || text[16] != '@')
        return std::nullopt;
    Hlc hlc;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + 16, hlc.time, 16);
    if (ec != std::errc{} || ptr != text.data() + 16)
        return std::nullopt;
    hlc.device = std::string(text.substr(17));
    if (!isValidDeviceId(hlc.device))
        return std::nullopt;
    return hlc;
}

bool isValidDeviceId(std::string_view id)
{
    // A table: every clock read or written in a merge comes through here.
    static constexpr std::array<bool, 256> kAllowed = [] {
        std::array<bool, 256> allowed{};
        for (int c = 0; c < 256; ++c)
            allowed[static_cast<std::size_t>(c)]
                = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
        return allowed;
    }();
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return kAllowed[static_cast<unsigned char>(c)]; });
}

HybridClock::HybridClock(std::string device, WallClock wall)
    : m_device(std::move(device))
    , m_wall(std::move(wall))
{
}

Hlc HybridClock::now()
{
    const auto wall = static_cast<std::uint64_t>(std::max<std::int64_t>(m_wall(), kHlcFloorMillis)) << Hlc::kCounterBits;
    // Either the wall clock moved on, or we count within the last time we issued; a
    // counter overflow simply spills into the millisecond part.
    m_last = wall > m_last ? wall : m_last + 1;
    return Hlc{m_last, m_device};
}

void HybridClock::observe(const Hlc& seen)
{
    m_last = std::max(m_last, seen.time);
}

void HybridClock::restore(std::uint64_t lastTime)
{
    m_last = std::max(m_last, lastTime);
}

std::int64_t HybridClock::systemMillis()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace shouwang
