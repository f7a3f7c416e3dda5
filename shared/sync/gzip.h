#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::gzip {

std::string compress(std::string_view data);
// nullopt when the input is not gzip, is damaged, or inflates past `maxBytes` (a zip bomb
// is refused before it fills memory).
std::optional<std::string> decompress(std::string_view data, std::size_t maxBytes);

} // namespace shouwang::gzip
