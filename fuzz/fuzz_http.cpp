// Raw bytes on the server's socket: Beast's request_parser with the limits the server's
// session sets (server/session.cpp: a fresh parser per message, body_limit kMaxBodyBytes,
// Beast's default 8 KiB header limit), then the request through the handler as the
// session would pass it (the server's own toRequest).
#include "api_fixture.h"

#include "server/http_request.h"

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace http = boost::beast::http;
    http::request_parser<http::string_body> parser;
    parser.body_limit(shouwang::protocol::kMaxBodyBytes);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    while (used < size && !parser.is_done()) {
        const std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
        if (ec == http::error::need_more) {
            ec = {};
            break;
        }
        if (ec || n == 0)
            break;
        used += n;
    }
    if (ec || !parser.is_done())
        return 0;
    auto req = parser.release();
    std::string body = std::move(req.body());
    const shouwang::server::Request r = shouwang::server::toRequest(req, std::move(body), "127.0.0.1");
    const auto res = shouwang::server::handle(r, shouwang::fuzz::api().services);
    if (res.status < 200 || res.status > 599)
        std::abort();
    return 0;
}
