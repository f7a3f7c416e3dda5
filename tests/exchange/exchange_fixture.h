#pragma once

// A ledger file of its own per test, and valid ID numbers, for the exchange tests.

#include "../support/temp_ledger.h"

#include "domain/idcard.h"
#include "store/database.h"
#include "store/ledger.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace shouwang::test {

// A valid 身份证号 issued in 开州区 (500154): birth YYYYMMDD, 3-digit sequence, check digit.
inline std::string validId(std::string_view birth, std::string_view sequence)
{
    std::string id = "500154" + std::string(birth) + std::string(sequence);
    return id + idCheckDigit(id);
}

} // namespace shouwang::test
