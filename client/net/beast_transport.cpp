#include "beast_transport.h"
#include "server_url.h"

#include "store/meta.h"
#include "sync/protocol.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <optional>

namespace shouwang::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

bool isIpAddress(const std::string& host)
{
    beast::error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

// Starts one asynchronous operation and runs the loop until it completes. The stream's
// expiry (tcp_stream::expires_after) is what bounds it in time.
template <class Start>
beast::error_code await(asio::io_context& ioc, Start&& start)
{
    beast::error_code result = asio::error::would_block;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
}

HttpResponse failed(std::string_view stage, const beast::error_code& ec)
{
    HttpResponse response;
    response.networkError = std::string(stage) + ": " + (ec == beast::error::timeout ? std::string("timed out") : ec.message());
    return response;
}

// A certificate the client does not trust is not a network hiccup: retrying meets the
// same certificate, and backing off for minutes would hide a wrong address or CA file.
HttpResponse handshakeFailed(const beast::error_code& ec, long verifyResult)
{
    HttpResponse response = failed("tls handshake", ec);
    const bool verifyFailed = ec.category() == asio::error::get_ssl_category()
        && ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED;
    if (verifyFailed || verifyResult != X509_V_OK) {
        response.certificateError = true;
        if (verifyResult != X509_V_OK)
            response.networkError = std::string("certificate: ") + X509_verify_cert_error_string(verifyResult);
        else
            response.networkError = "certificate: the host name does not match the server's certificate";
    }
    return response;
}

} // namespace

struct BeastTransport::Impl {
    TransportOptions options;
    ServerUrl url;
    std::string configError;
    std::optional<asio::ssl::context> tls;

    template <class Stream>
    HttpResponse roundTrip(asio::io_context& ioc, Stream& stream, http::request<http::string_body>& request);
    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers);
};

TransportOptions ledgerTransportOptions(Meta& meta)
{
    TransportOptions options;
    options.caFile = meta.value(meta::kServerCaFile);
    return options;
}

BeastTransport::BeastTransport(std::string_view serverUrl, TransportOptions options)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    if (auto url = parseServerUrl(serverUrl, m_impl->configError))
        m_impl->url = std::move(*url);
    if (!m_impl->configError.empty() || !m_impl->url.tls)
        return;
    auto& ctx = m_impl->tls.emplace(asio::ssl::context::tls_client);
    ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3
                    | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
    ctx.set_verify_mode(asio::ssl::verify_peer);
    beast::error_code ec;
    if (m_impl->options.caFile.empty())
        ctx.set_default_verify_paths(ec);
    else
        ctx.load_verify_file(m_impl->options.caFile, ec);
    if (ec)
        m_impl->configError = "无法读取证书文件 " + m_impl->options.caFile + " (cannot load the CA file): " + ec.message();
}

BeastTransport::~BeastTransport() = default;

const std::string& BeastTransport::configError() const
{
    return m_impl->configError;
}

HttpResponse BeastTransport::post(std::string_view path, std::string_view body, const HttpHeaders& headers)
{
    if (!m_impl->configError.empty()) {
        HttpResponse response;
        response.networkError = m_impl->configError;
        // An unreadable CA file will not become readable by waiting.
        response.certificateError = m_impl->url.tls;
        return response;
    }
    try {
        return m_impl->post(path, body, headers);
    } catch (const std::exception& e) {
        // Allocation failures and the like: still a value, never an exception to the core.
        HttpResponse response;
        response.networkError = e.what();
        return response;
    }
}

HttpResponse BeastTransport::Impl::post(std::string_view path, std::string_view body, const HttpHeaders& headers)
{
    http::request<http::string_body> request{http::verb::post, url.prefix + std::string(path), 11};
    const bool defaultPort = url.port == (url.tls ? "443" : "80");
    const std::string hostText = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
    request.set(http::field::host, defaultPort ? hostText : hostText + ":" + url.port);
    request.set(http::field::user_agent, options.userAgent);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    request.keep_alive(false);
    request.body() = std::string(body);
    request.prepare_payload();

    asio::io_context ioc;
    tcp::resolver resolver(ioc);
    tcp::resolver::results_type endpoints;
    beast::error_code ec = asio::error::would_block;
    resolver.async_resolve(url.host, url.port, [&](beast::error_code e, tcp::resolver::results_type r) {
        ec = e;
        endpoints = std::move(r);
    });
    ioc.run_for(options.connectTimeout);
    if (ec == asio::error::would_block) {
        resolver.cancel();
        ioc.restart();
        ioc.run();
        return failed("resolve", beast::error::timeout);
    }
    if (ec)
        return failed("resolve", ec);

    if (!url.tls) {
        beast::tcp_stream stream(ioc);
        stream.expires_after(options.connectTimeout);
        if ((ec = await(ioc, [&](auto handler) { stream.async_connect(endpoints, std::move(handler)); })))
            return failed("connect", ec);
        HttpResponse response = roundTrip(ioc, stream, request);
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        return response;
    }

    beast::ssl_stream<beast::tcp_stream> stream(ioc, *tls);
    // SSL_set_tlsext_host_name is a macro around this call that casts away const C-style.
    if (!isIpAddress(url.host)
        && !SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                     const_cast<char*>(url.host.c_str())))
        return failed("tls", beast::error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
    stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
    beast::get_lowest_layer(stream).expires_after(options.connectTimeout);
    if ((ec = await(ioc, [&](auto handler) { beast::get_lowest_layer(stream).async_connect(endpoints, std::move(handler)); })))
        return failed("connect", ec);
    if ((ec = await(ioc, [&](auto handler) { stream.async_handshake(asio::ssl::stream_base::client, std::move(handler)); })))
        return handshakeFailed(ec, SSL_get_verify_result(stream.native_handle()));
    HttpResponse response = roundTrip(ioc, stream, request);
    // A polite close_notify, briefly: the answer is already in hand whatever happens here.
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
    await(ioc, [&](auto handler) { stream.async_shutdown(std::move(handler)); });
    return response;
}

template <class Stream>
HttpResponse BeastTransport::Impl::roundTrip(asio::io_context& ioc, Stream& stream, http::request<http::string_body>& request)
{
    beast::get_lowest_layer(stream).expires_after(options.readTimeout);
    if (auto ec = await(ioc, [&](auto handler) { http::async_write(stream, request, std::move(handler)); }))
        return failed("write", ec);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(protocol::kMaxInflatedBytes);
    beast::get_lowest_layer(stream).expires_after(options.readTimeout);
    if (auto ec = await(ioc, [&](auto handler) { http::async_read(stream, buffer, parser, std::move(handler)); }))
        return failed("read", ec);
    auto& message = parser.get();
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    response.contentEncoding = std::string(message[http::field::content_encoding]);
    response.body = std::move(message.body());
    return response;
}

} // namespace shouwang::net
