#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

// What came back from one HTTP exchange. `networkError` is set when no HTTP answer came
// at all (refused connection, timeout, TLS failure); then `status` is 0.
struct HttpResponse {
    int status = 0;
    std::string body;
    std::string contentEncoding;
    std::string networkError;
    // The failure is one retrying cannot cure (the server's certificate is not trusted, the
    // CA file cannot be read): the sync stops with it instead of backing off as if offline.
    bool certificateError = false;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// The one thing the sync client needs from the network, so the core links no Beast and
// no Qt: the client app and the CLI pass a Beast transport, tests may inject faults.
// One POST to `path` on the server the transport was made for; never throws for a network
// failure (that is a value in `networkError`).
class Transport {
public:
    virtual ~Transport() = default;
    virtual HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) = 0;
};

} // namespace shouwang
