#include "http_load.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace shouwang::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

LoadConnection::LoadConnection(asio::io_context& io, asio::ip::tcp::endpoint server)
    : m_stream(io)
    , m_server(server)
{
}

asio::awaitable<bool> LoadConnection::ensureConnected(std::string& error)
{
    if (m_connected)
        co_return true;
    boost::system::error_code ec;
    m_stream.expires_after(std::chrono::seconds(60));
    co_await m_stream.async_connect(m_server, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        error = "connect: " + ec.message();
        co_return false;
    }
    m_stream.socket().set_option(asio::ip::tcp::no_delay(true));
    m_connected = true;
    co_return true;
}

asio::awaitable<HttpReply> LoadConnection::post(std::string_view target, const std::string& body, bool gzipBody,
                                                const std::string& token)
{
    HttpReply reply;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool fresh = !m_connected;
        if (!co_await ensureConnected(reply.error))
            co_return reply;
        http::request<http::string_body> request{http::verb::post, target, 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::content_type, "application/x-protobuf");
        request.set(http::field::accept_encoding, "gzip");
        if (gzipBody)
            request.set(http::field::content_encoding, "gzip");
        if (!token.empty())
            request.set(http::field::authorization, "Bearer " + token);
        request.keep_alive(true);
        request.body() = body;
        request.prepare_payload();

        boost::system::error_code ec;
        m_stream.expires_after(std::chrono::seconds(120));
        co_await http::async_write(m_stream, request, asio::redirect_error(asio::use_awaitable, ec));
        http::response_parser<http::string_body> parser;
        parser.body_limit(256 * 1024 * 1024);
        std::size_t read = 0;
        if (!ec)
            read = co_await http::async_read(m_stream, m_buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            close();
            // A kept-alive connection the server had closed: one more try on a new one.
            if (!fresh && (ec == http::error::end_of_stream || ec == asio::error::connection_reset
                           || ec == asio::error::broken_pipe || ec == asio::error::eof))
                continue;
            reply.error = ec.message();
            co_return reply;
        }
        auto response = parser.release();
        reply.status = response.result_int();
        reply.gzip = response[http::field::content_encoding] == "gzip";
        reply.wireBytesIn = read;
        reply.body = std::move(response.body());
        if (!response.keep_alive())
            close();
        co_return reply;
    }
    co_return reply;
}

void LoadConnection::close()
{
    boost::system::error_code ec;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    m_stream.socket().close(ec);
    m_buffer.clear();
    m_connected = false;
}

asio::ip::tcp::endpoint endpointOf(const std::string& url)
{
    const auto colon = url.rfind(':');
    const auto hostStart = url.find("://") + 3;
    return {asio::ip::make_address(url.substr(hostStart, colon - hostStart)),
            static_cast<unsigned short>(std::stoi(url.substr(colon + 1)))};
}

std::vector<asio::ip::tcp::endpoint> endpointsOf(const std::string& urls)
{
    std::vector<asio::ip::tcp::endpoint> out;
    for (std::size_t from = 0; from < urls.size();) {
        const std::size_t comma = std::min(urls.find(',', from), urls.size());
        out.push_back(endpointOf(urls.substr(from, comma - from)));
        from = comma + 1;
    }
    if (out.empty())
        throw std::invalid_argument("no server URL");
    return out;
}

} // namespace shouwang::bench
