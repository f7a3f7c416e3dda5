#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shouwang::net {

// A server address as a device is given it: `http://host:port` or `https://host:port`,
// maybe with a path the server is mounted under.
struct ServerUrl {
    bool tls = false;
    std::string host;
    std::string port;
    std::string prefix; // a path the server is mounted under, without the trailing '/'
};

std::optional<ServerUrl> parseServerUrl(std::string_view url, std::string& error);

// True for a plain http:// address of another machine: there anyone on the network between
// can read the village's records and change what the device applies (docs/security.md).
// http:// to this machine itself (localhost, 127.x.x.x, ::1) is not flagged.
bool isPlainHttpOffLoopback(std::string_view url);

// The warning the command line prints for such an address (Chinese / English).
inline constexpr std::string_view kPlainHttpWarning =
    "警告：服务器地址是未加密的 http://，网络上的任何人都能读取和篡改同步的数据；请向区县索取 https:// 地址和 CA 证书（--ca）"
    " / warning: plain http:// to another machine: anyone on the network can read and change the synced data; use https:// "
    "with the county's CA (--ca)";

} // namespace shouwang::net
