#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace shouwang::bench {

struct HttpReply {
    unsigned status = 0;   // 0: no HTTP answer (see `error`)
    std::string body;      // as received (gzip when `gzip`)
    bool gzip = false;
    std::string error;
    std::size_t wireBytesIn = 0;
};

// One keep-alive HTTP/1.1 connection of the load generator, driven by C++20 coroutines
// so one thread holds hundreds of them (the daily rush).
class LoadConnection {
public:
    LoadConnection(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server);

    // POSTs a protobuf body (gzip-compressed when `gzipBody`) with the bearer token;
    // connects first, or again after the server closed the connection.
    boost::asio::awaitable<HttpReply> post(std::string_view target, const std::string& body, bool gzipBody,
                                           const std::string& token);
    void close();

private:
    boost::asio::awaitable<bool> ensureConnected(std::string& error);

    boost::beast::tcp_stream m_stream;
    boost::asio::ip::tcp::endpoint m_server;
    boost::beast::flat_buffer m_buffer;
    bool m_connected = false;
};

// "http://127.0.0.1:PORT" -> endpoint.
boost::asio::ip::tcp::endpoint endpointOf(const std::string& url);
// "URL[,URL...]": the server processes on one database (scenario 8), which the load
// process's connections take in turn.
std::vector<boost::asio::ip::tcp::endpoint> endpointsOf(const std::string& urls);

} // namespace shouwang::bench
