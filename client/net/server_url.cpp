#include "server_url.h"

namespace shouwang::net {

std::optional<ServerUrl> parseServerUrl(std::string_view url, std::string& error)
{
    ServerUrl out;
    if (url.starts_with("https://")) {
        out.tls = true;
        url.remove_prefix(8);
    } else if (url.starts_with("http://")) {
        url.remove_prefix(7);
    } else {
        error = "服务器地址须以 http:// 或 https:// 开头 (the server address must start with http:// or https://)";
        return std::nullopt;
    }
    const auto slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    if (slash != std::string_view::npos) {
        out.prefix = std::string(url.substr(slash));
        while (!out.prefix.empty() && out.prefix.back() == '/')
            out.prefix.pop_back();
    }
    std::size_t portAt = std::string_view::npos;
    if (authority.starts_with('[')) { // [::1]:8443
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            error = "服务器地址无效 (invalid server address)";
            return std::nullopt;
        }
        out.host = std::string(authority.substr(1, close - 1));
        if (close + 1 < authority.size() && authority[close + 1] == ':')
            portAt = close + 1;
    } else {
        portAt = authority.rfind(':');
        out.host = std::string(authority.substr(0, portAt));
    }
    out.port = portAt == std::string_view::npos ? std::string(out.tls ? "443" : "80") : std::string(authority.substr(portAt + 1));
    if (out.host.empty() || out.port.empty() || out.port.find_first_not_of("0123456789") != std::string::npos) {
        error = "服务器地址无效 (invalid server address)";
        return std::nullopt;
    }
    return out;
}

bool isPlainHttpOffLoopback(std::string_view url)
{
    std::string error;
    const auto parsed = parseServerUrl(url, error);
    if (!parsed || parsed->tls)
        return false;
    const std::string& host = parsed->host;
    return !(host == "localhost" || host == "::1" || host.starts_with("127."));
}

} // namespace shouwang::net
