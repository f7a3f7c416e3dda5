#pragma once

#include "domain/record.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

class Database;

// A stretch of village codes, [first, end): the rows filed under one code or one prefix.
using CodeRange = std::pair<std::string, std::string>;

// The ranges a scope reads, in code order: its own prefix, and (for a village or township)
// the county's reference data filed under the county's code.
std::vector<CodeRange> scopeRanges(std::string_view prefix, std::string_view countyCode);

// Every record of the ranges, entity by entity in schema order, then by village code and
// row: an order each entity's village index serves, so a page costs what it returns, and
// one a row keeps while it is updated (no record leaves or changes its village). A snapshot
// walks it page by page (docs/protocol.md, "Snapshot").
//
// Each record goes to `take` as it is read, with its key (where it lies: the next page
// begins after one), so a page is never held as rows: the county encodes each for the wire
// at once. `take` returns false to end the page before that record (it is not part of it).
using RecordSink = std::function<bool(Record&& record, std::string&& key)>;

struct PageEnd {
    std::size_t count = 0; // records taken
    bool more = false;     // the scope may hold records after them
};

// The page after `after` (a key of an earlier page, "" for the beginning), of at most
// `limit` records; nullopt when `after` is not such a key. Inside the caller's read
// transaction.
std::optional<PageEnd> recordsAfter(Database& db, const std::vector<CodeRange>& ranges, std::string_view after,
                                    std::size_t limit, const RecordSink& take);

} // namespace shouwang
