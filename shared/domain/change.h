#pragma once

#include "hlc.h"

#include <string>
#include <vector>

namespace shouwang {

// One captured save (DESIGN.md §4): the fields it changed, each with its new value and
// the HLC the writer saw for that field before the edit. Deletion is the field "deleted".
struct FieldChange {
    std::string name;
    std::string value;
    Hlc base; // null when the writer had never seen the field written
};

struct Change {
    std::string changeId;
    std::string entity;
    std::string recordId;
    std::string villageCode;
    Hlc hlc;                 // also names the device that made the change
    std::string operatorName;
    std::vector<FieldChange> fields;
    std::uint64_t seq = 0;   // the county change log's sequence number, once it has one
};

} // namespace shouwang
