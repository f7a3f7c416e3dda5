#pragma once

#include <chrono>
#include <functional>
#include <optional>

class QAbstractItemModel;
class QWidget;

namespace shouwang::bench {

using Clock = std::chrono::steady_clock;

// Runs `trigger` and returns when `model` next finishes a reset — the moment it holds its
// new first page and count — the time of that reset, or nothing after `timeoutMs`. A reload
// that finishes after `trigger` returns (on a worker thread) is waited for in an event loop.
std::optional<Clock::time_point> runUntilReset(QAbstractItemModel& model, const std::function<void()>& trigger,
                                               int timeoutMs);

// Shows `window` and returns the time of its first paint (the frame the user sees), or
// nothing after `timeoutMs`.
std::optional<Clock::time_point> showUntilPainted(QWidget& window, int timeoutMs);

// Runs the event loop until `done` holds (tested every 5 ms) and returns when it did, or
// nothing after `timeoutMs`: work the window finishes on a worker thread.
std::optional<Clock::time_point> runUntil(const std::function<bool()>& done, int timeoutMs);

double msBetween(Clock::time_point from, Clock::time_point to);

} // namespace shouwang::bench
