// Catch2 v2's single header for builds that only have Catch2 v3 (vcpkg on the Windows
// runner). tests/CMakeLists.txt puts this folder first on the include path of the test
// programs when find_package(Catch2) finds v3; with Debian's Catch2 2.13 it is not used.
#pragma once

#include <catch2/catch_all.hpp>

#include <string>

namespace Catch {
// v2's string matcher name.
inline Matchers::StringContainsMatcher Contains(const std::string& str,
                                               CaseSensitive caseSensitivity = CaseSensitive::Yes)
{
    return Matchers::ContainsSubstring(str, caseSensitivity);
}
} // namespace Catch

using Catch::Approx;
