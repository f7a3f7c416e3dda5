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
void toWire(const Hlc& hlc, wire::Hlc& out);
Hlc fromWire(const wire::Hlc& in);

std::string serializeChange(const Change& change);
std::optional<Change> parseChange(std::string_view bytes);

} // namespace shouwang
