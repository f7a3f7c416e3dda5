#pragma once

#include "domain/change.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {
namespace wire {
class Change;
class Hlc;
} // namespace wire

// The one encoding of a Change: the wire message. The change log stores it as is, so a
// change is pushed, pulled, bundled and kept byte for byte the same.
void toWire(const Change& change, wire::Change& out);
Change fromWire(const wire::Change& in);
// The same, taking the message's strings instead of copying them.
Change fromWire(wire::Change&& in);
void toWire(const Hlc& hlc, wire::Hlc& out);
Hlc fromWire(const wire::Hlc& in);

std::string serializeChange(const Change& change);
std::optional<Change> parseChange(std::string_view bytes);

// The change log keeps a change's bytes without their head: the fields before its operator
// (change id, entity, record id, village, clock), which the log's own columns hold. The
// encoder writes fields in their order, so serializeChange(change) is exactly
// changeHead(change) followed by what the log keeps.
std::string changeHead(const Change& change);
// Whether `bytes` begin with a field of the head: a change kept whole (logged before the
// log kept it headless, or in an order of another encoder's).
bool beginsWithHead(std::string_view bytes);

// A change as another replica sent it: decoded once, with the bytes it came in. `bytes`
// are kept only when they are what serializeChange(change) gives: no sequence number,
// nothing this build does not read, the encoder's own size (a sender other than ours could
// still order the fields differently, which decodes the same). The log then stores them as
// they came instead of encoding the change again, and every read of the log decodes the
// change that was merged. Otherwise empty, and the log encodes the change itself.
struct ReceivedChange {
    Change change;
    std::string bytes;
};
// nullopt when `bytes` are not a wire::Change.
std::optional<ReceivedChange> receiveChange(std::string bytes);

} // namespace shouwang
