#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::gzip {

std::string compress(std::string_view data);
// nullopt when the input is not gzip, is damaged, or inflates past `maxBytes` (a zip bomb
// is refused before it fills memory). `tooLarge`, when given, tells the last case from the
// others (the server answers 413 to one and 400 to the rest).
std::optional<std::string> decompress(std::string_view data, std::size_t maxBytes, bool* tooLarge = nullptr);

} // namespace shouwang::gzip
