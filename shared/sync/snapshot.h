#pragma once

// A snapshot of a scope's records (docs/protocol.md, "Snapshot"): how a record travels as
// its state rather than as the changes that made it, and the check both sides compute of a
// page, so a device proves it stored what the county sent before it relies on it.

#include "domain/record.h"

#include "shouwang/sync.pb.h"

#include <span>
#include <string>

namespace shouwang::snapshot {

// A record's state on the wire: every field it holds with its clock, the deletion mark as
// the field "deleted". Fields without a clock (none is written without one) travel with a
// null clock.
void toWire(const Record& record, wire::RecordState& out);
// The state as a Record: values, clocks, deletion mark, creation and update times.
Record fromWire(const wire::RecordState& in);

// One record's canonical text: entity, id, village, times, then each field (the deletion mark
// included) by name with its value and clock, every item length-prefixed so no value can
// pass for another.
std::string canonicalText(const Record& record);

// SHA-256 over the records' canonical texts in order: what the county sends with a page and
// what the device computes again from the rows it wrote.
std::string pageDigest(std::span<const Record> records);

} // namespace shouwang::snapshot
