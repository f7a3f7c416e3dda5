#pragma once

#include "domain/record.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace shouwang::test {

// A record of `entity` in `village` ("" where the ledger or the test places it) holding
// `values`, field by field: the one way the tests write a record down.
inline Record recordOf(std::string entity, std::map<std::string, std::string, std::less<>> values,
                       std::string village = {})
{
    Record r;
    r.entity = std::move(entity);
    r.villageCode = std::move(village);
    r.values = std::move(values);
    return r;
}

} // namespace shouwang::test
