#pragma once

#include "sync/transport.h"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace shouwang {
class Meta;
}

namespace shouwang::net {

struct TransportOptions {
    std::chrono::milliseconds connectTimeout{30000}; // resolve + connect + TLS handshake
    std::chrono::milliseconds readTimeout{30000};    // write the request, read the answer
    // PEM file of the county's CA; empty: the system's trust store. The server's
    // certificate is always verified, host name included.
    std::string caFile;
    std::string userAgent = "shouwang";
};

// What a ledger keeps for reaching its county: the CA file it was enrolled with.
TransportOptions ledgerTransportOptions(Meta& meta);

// The client's HTTP/1.1 transport over Boost.Beast: `http://host:port` or
// `https://host:port` (OpenSSL), one connection per request, synchronous with deadlines.
// Beast stays out of this header so the core and the GUI compile without it.
class BeastTransport final : public Transport {
public:
    explicit BeastTransport(std::string_view serverUrl, TransportOptions options = {});
    ~BeastTransport() override;
    BeastTransport(const BeastTransport&) = delete;
    BeastTransport& operator=(const BeastTransport&) = delete;

    // Empty when the address is usable; else why not (every post then fails with it).
    const std::string& configError() const;

    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace shouwang::net
