#pragma once

#include <cstdint>
#include <functional>
#include <string>

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
};

// Answers one request (docs/protocol.md). Never throws: failures become Error answers.
Response handle(const Request& request, Services& services);

// Answers the session gives before a request reaches `handle`.
Response bodyTooLargeResponse();

} // namespace shouwang::server
