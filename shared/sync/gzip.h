#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::gzip {

// Fast: deflate's quickest level, for answers of megabytes (a snapshot page), where the
// default level took a quarter of the county's time for 15 % fewer bytes (docs/performance.md).
enum class Effort { Default, Fast };
std::string compress(std::string_view data, Effort effort = Effort::Default);
// nullopt when the input is not gzip, is damaged, or inflates past `maxBytes` (a zip bomb
// is refused before it fills memory). `tooLarge`, when given, tells the last case from the
// others (the server answers 413 to one and 400 to the rest).
std::optional<std::string> decompress(std::string_view data, std::size_t maxBytes, bool* tooLarge = nullptr);

} // namespace shouwang::gzip
