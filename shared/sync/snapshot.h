#pragma once

// A snapshot of a scope's records (docs/protocol.md, "Snapshot"): how a record travels as
// its state rather than as the changes that made it, and the check both sides compute of a
// page, so a device proves it stored what the county sent before it relies on it.

#include "crypto.h"

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

// The same digest taken one record at a time, as the county reads a page.
class PageDigest {
public:
    void add(const Record& record) { m_sha.update(canonicalText(record)); }
    std::string finish() { return m_sha.finish(); }

private:
    crypto::Sha256 m_sha;
};

} // namespace shouwang::snapshot
