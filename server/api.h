#pragma once

#include "audit_sampler.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::server {

class CountyStore;
class Metrics;
class RateLimiter;

// An HTTP request as the handlers need it, free of any network library, so every endpoint
// is testable without a socket (as Beast's advanced server example does it).
struct Request {
    std::string method;          // "GET", "POST"
    std::string target;          // "/api/v1/sync/push"
    std::string body;            // as received (maybe gzip)
    std::string contentEncoding; // "gzip" or ""
    std::string acceptEncoding;
    std::string authorization;   // "Bearer ..."
    std::string clientAddress;   // for the rate limit and the audit
};

struct Response {
    unsigned status = 200;
    std::string contentType;
    std::string contentEncoding; // "gzip" when the body is compressed
    std::string body;
};

// What the handlers work with; one per server, shared by every worker thread.
struct Services {
    CountyStore& store;
    Metrics& metrics;
    RateLimiter& enrollLimiter;
    std::function<std::int64_t()> nowMillis; // the server's clock; tests set it
    // Which refusals of unknown clients reach the audit (the rest are counted only).
    std::shared_ptr<AuditSampler> auditSampler = std::make_shared<AuditSampler>();
};

// Answers one request (docs/protocol.md). Never throws: failures become Error answers.
Response handle(const Request& request, Services& services);

// Answers the session gives before a request reaches `handle`.
Response bodyTooLargeResponse();

// The largest body `target` takes, as sent: enrollment and the GET endpoints need only a
// little, push and pull protocol::kMaxBodyBytes.
std::size_t bodyLimit(std::string_view target);
// Whether a path is answered only to an enrolled device (its token checked before its body).
bool needsDeviceToken(std::string_view path);

// Checks a request from its header alone, before its body is read (`head.body` is empty):
// a body declared longer than bodyLimit, and for the device paths a missing, unknown or
// revoked token. The answer to send instead of reading the body (counted and audited like
// any refusal), or nullopt to read the body and `handle` the request. Never throws.
std::optional<Response> refuseBeforeBody(const Request& head, std::optional<std::uint64_t> contentLength,
                                         Services& services);

} // namespace shouwang::server
