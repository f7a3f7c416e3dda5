#include "session.h"

#include "api.h"
#include "http_request.h"

#include "sync/protocol.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <optional>

namespace shouwang::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// A slow or silent client loses its connection instead of holding a worker's socket.
constexpr auto kReadTimeout = std::chrono::seconds(30);
// Pipelined requests beyond this wait in the socket until answers drain (as in Beast's
// advanced server), so one client cannot queue unbounded work.
constexpr std::size_t kMaxQueuedResponses = 8;

// After a refusal sent before the body was read, this much of the unread body is read and
// thrown away (into a small buffer) before the connection closes, so an honest client that
// is still sending sees the answer instead of a reset; anything beyond is cut.
constexpr std::size_t kMaxDrainBytes = 1024 * 1024;
constexpr auto kDrainTimeout = std::chrono::seconds(2);

using HttpResponse = http::response<http::string_body>;

HttpResponse toHttp(const Response& answer, unsigned version, bool keepAlive)
{
    HttpResponse res{static_cast<http::status>(answer.status), version};
    res.set(http::field::server, "shouwang-server");
    res.set(http::field::content_type, answer.contentType);
    if (!answer.contentEncoding.empty())
        res.set(http::field::content_encoding, answer.contentEncoding);
    res.keep_alive(keepAlive);
    res.body() = answer.body;
    res.prepare_payload();
    return res;
}

beast::tcp_stream& tcpOf(beast::tcp_stream& s)
{
    return s;
}

beast::tcp_stream& tcpOf(beast::ssl_stream<beast::tcp_stream>& s)
{
    return s.next_layer();
}

// One connection, plain or TLS: read a request, answer it, repeat (Beast's advanced
// server). Every handler runs on the connection's strand.
template <typename Stream>
class HttpSession final : public SessionBase, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    template <typename... Args>
    HttpSession(const std::shared_ptr<ServerState>& state, ConnectionLimits::Slot slot, std::string address,
                Args&&... args)
        : m_stream(std::forward<Args>(args)...)
        , m_state(state)
        , m_slot(std::move(slot))
        , m_address(std::move(address))
    {
    }

    void run()
    {
        net::dispatch(m_stream.get_executor(), beast::bind_front_handler(&HttpSession::onStart, this->shared_from_this()));
    }

    void stopWhenIdle() override
    {
        net::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
            self->m_stopping = true;
            if (self->m_queue.empty() && !self->m_handling)
                self->doClose();
        });
    }

private:
    void onStart()
    {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            doRead();
        } else {
            tcpOf(m_stream).expires_after(kReadTimeout);
            m_stream.async_handshake(net::ssl::stream_base::server,
                                     beast::bind_front_handler(&HttpSession::onHandshake, this->shared_from_this()));
        }
    }

    void onHandshake(beast::error_code ec)
    {
        if (!ec)
            doRead();
    }

    void doRead()
    {
        if (m_stopping || m_closed)
            return doClose();
        // The header first: who is asking and how much they mean to send are checked before
        // a byte of the body is read (a fresh parser per message).
        m_head.emplace();
        // Beast checks Content-Length against this while parsing the header: the largest
        // any path takes; each path's own limit is applied once its target is known.
        m_head->body_limit(protocol::kMaxBodyBytes);
        tcpOf(m_stream).expires_after(kReadTimeout);
        http::async_read_header(m_stream, m_buffer, *m_head,
                                beast::bind_front_handler(&HttpSession::onHeader, this->shared_from_this()));
    }

    // A body over the limit: answer so the client knows to send less, then drop the unread
    // rest and close.
    void refuseTooLarge()
    {
        m_closeAfterQueue = true;
        m_drainOnClose = true;
        queue(toHttp(bodyTooLargeResponse(), 11, false));
    }

    void onHeader(beast::error_code ec, std::size_t)
    {
        if (ec == http::error::end_of_stream)
            return doClose();
        if (ec == http::error::body_limit)
            return refuseTooLarge(); // announced more than any path takes
        if (ec)
            return; // timeout, reset, an oversized header: nothing to answer
        const auto& header = m_head->get();
        const std::string_view path = std::string_view(header.target()).substr(0, header.target().find('?'));
        std::optional<std::uint64_t> length;
        if (const auto declared = m_head->content_length())
            length = *declared;
        const bool needsToken = needsDeviceToken(path);
        if (!needsToken && !(length && *length > bodyLimit(header.target())))
            return readBody();
        // The token is checked against the database: on a handler thread, not this one.
        m_handling = true;
        net::post(m_state->otherPool, [self = this->shared_from_this(), head = toRequest(header, {}, m_address), length] {
            std::optional<Response> refusal = refuseBeforeBody(head, length, self->m_state->services);
            net::dispatch(self->m_stream.get_executor(),
                          [self, refusal = std::move(refusal)]() mutable { self->onAdmitted(std::move(refusal)); });
        });
    }

    void onAdmitted(std::optional<Response> refusal)
    {
        m_handling = false;
        if (!refusal)
            return readBody();
        // The body stays unread: the connection cannot carry another request after it.
        m_closeAfterQueue = true;
        m_drainOnClose = true;
        queue(toHttp(*refusal, m_head->get().version(), false));
    }

    void readBody()
    {
        m_parser.emplace(std::move(*m_head));
        m_parser->body_limit(bodyLimit(m_parser->get().target()));
        tcpOf(m_stream).expires_after(kReadTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&HttpSession::onRead, this->shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t)
    {
        if (ec == http::error::end_of_stream)
            return doClose();
        if (ec == http::error::body_limit)
            return refuseTooLarge();
        if (ec)
            return; // timeout, reset, garbage: nothing to answer
        // One request of a connection is handled at a time, so answers leave in order; the
        // next is read once this one is answered.
        m_handling = true;
        auto& pool = m_parser->get().target() == protocol::kPushPath ? m_state->pushPool : m_state->otherPool;
        net::post(pool, [self = this->shared_from_this(), req = m_parser->release()] {
            Response answer = handle(toRequest(req, req.body(), self->m_address), self->m_state->services);
            HttpResponse res = toHttp(answer, req.version(), req.keep_alive() && !self->m_state->stopping);
            net::dispatch(self->m_stream.get_executor(),
                          [self, res = std::move(res)]() mutable { self->onAnswered(std::move(res)); });
        });
    }

    void onAnswered(HttpResponse res)
    {
        m_handling = false;
        queue(std::move(res));
        if (m_queue.size() < kMaxQueuedResponses && !m_closeAfterQueue)
            doRead();
    }

    void queue(HttpResponse res)
    {
        m_queue.push_back(std::move(res));
        if (m_queue.size() == 1)
            doWrite();
    }

    void doWrite()
    {
        http::async_write(m_stream, m_queue.front(),
                          beast::bind_front_handler(&HttpSession::onWrite, this->shared_from_this()));
    }

    void onWrite(beast::error_code ec, std::size_t)
    {
        if (ec)
            return;
        const bool close = !m_queue.front().keep_alive();
        const bool wasFull = m_queue.size() == kMaxQueuedResponses;
        m_queue.pop_front();
        if (close || m_closeAfterQueue || (m_stopping && m_queue.empty()))
            return doClose();
        if (!m_queue.empty())
            doWrite();
        if (wasFull)
            doRead();
    }

    void doClose()
    {
        if (m_closed)
            return;
        m_closed = true;
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            beast::error_code ec;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        }
        if (m_drainOnClose) {
            m_drain = std::make_unique<std::array<char, 16 * 1024>>();
            tcpOf(m_stream).expires_after(kDrainTimeout);
            return drain();
        }
        finishClose();
    }

    // Reads and drops what the client still sends after a refusal, up to kMaxDrainBytes.
    void drain()
    {
        m_stream.async_read_some(net::buffer(*m_drain), [self = this->shared_from_this()](beast::error_code ec,
                                                                                          std::size_t n) {
            self->m_drained += n;
            if (ec || self->m_drained > kMaxDrainBytes)
                return self->finishClose();
            self->drain();
        });
    }

    void finishClose()
    {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            beast::error_code ec;
            m_stream.socket().close(ec);
        } else {
            tcpOf(m_stream).expires_after(std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {
                beast::error_code ec;
                tcpOf(self->m_stream).socket().close(ec);
            });
        }
    }

    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::empty_body>> m_head;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::deque<HttpResponse> m_queue;
    std::shared_ptr<ServerState> m_state;
    ConnectionLimits::Slot m_slot; // after m_state: released first
    std::string m_address;
    std::unique_ptr<std::array<char, 16 * 1024>> m_drain;
    std::size_t m_drained = 0;
    bool m_drainOnClose = false;
    bool m_stopping = false;
    bool m_handling = false; // a request is with the handlers
    bool m_closed = false;
    bool m_closeAfterQueue = false;
};

std::string addressOf(const tcp::socket& socket)
{
    beast::error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    return ec ? std::string("unknown") : endpoint.address().to_string();
}

} // namespace

void ServerState::add(const std::shared_ptr<SessionBase>& session)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_sessions, [](const auto& weak) { return weak.expired(); });
    m_sessions.push_back(session);
}

void ServerState::stopAll()
{
    std::lock_guard lock(m_mutex);
    for (auto& weak : m_sessions) {
        if (auto session = weak.lock())
            session->stopWhenIdle();
    }
}

std::size_t ServerState::liveSessions()
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_sessions, [](const auto& weak) { return weak.expired(); });
    return m_sessions.size();
}

std::string remoteAddress(const tcp::socket& socket)
{
    return addressOf(socket);
}

void startPlainSession(tcp::socket&& socket, const std::shared_ptr<ServerState>& state, ConnectionLimits::Slot slot)
{
    std::string address = addressOf(socket);
    auto session = std::make_shared<HttpSession<beast::tcp_stream>>(state, std::move(slot), std::move(address),
                                                                    std::move(socket));
    state->add(session);
    session->run();
}

void startTlsSession(tcp::socket&& socket, net::ssl::context& tls, const std::shared_ptr<ServerState>& state,
                     ConnectionLimits::Slot slot)
{
    std::string address = addressOf(socket);
    auto session = std::make_shared<HttpSession<beast::ssl_stream<beast::tcp_stream>>>(
        state, std::move(slot), std::move(address), std::move(socket), tls);
    state->add(session);
    session->run();
}

} // namespace shouwang::server
