#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shouwang::test {

// The port in the "listening on 127.0.0.1:PORT" line `shouwang-server serve` prints once it
// accepts connections; nullopt until a whole such line is there. Tests listen on port 0
// and read the port the system chose from here.
inline std::optional<int> listeningPort(std::string_view output)
{
    constexpr std::string_view kListening = "listening on 127.0.0.1:";
    const auto at = output.find(kListening);
    if (at == std::string_view::npos)
        return std::nullopt;
    const auto begin = at + kListening.size();
    const auto end = output.find_first_not_of("0123456789", begin);
    if (end == std::string_view::npos || end == begin || (output[end] != '\n' && output[end] != '\r'))
        return std::nullopt;
    return std::stoi(std::string(output.substr(begin, end - begin)));
}

} // namespace shouwang::test
