#include "http_server.h"

#include "api.h"
#include "metrics.h"
#include "session.h"

#include <openssl/ssl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <ostream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace shouwang::server {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Connections still busy this long after SIGTERM are cut: a stop must end.
constexpr auto kStopGrace = std::chrono::seconds(10);
// Pushes handled at once: those beyond the one being merged wait for the next group commit,
// so up to this many share a transaction and its fsync (docs/performance.md). Other
// requests read on connections of their own and only need a few threads.
constexpr std::size_t kPushThreads = 32;
constexpr std::size_t kOtherThreads = 8;
// Out of file descriptors, accepting again at once would fail again at once (and spin a
// core): wait this long, while sessions end and give theirs back.
constexpr auto kAcceptPause = std::chrono::milliseconds(100);
// Forward secrecy and authenticated encryption only: TLS 1.2 with ECDHE and AES-GCM or
// ChaCha20-Poly1305 (no RSA key exchange, no CBC), and TLS 1.3 (whose suites all qualify).
constexpr const char* kTls12Ciphers = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL";

// Accepts connections and gives each its own strand (Beast's advanced server).
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& ioc, const tcp::endpoint& endpoint, net::ssl::context* tls,
             std::shared_ptr<ServerState> state)
        : m_ioc(ioc)
        , m_acceptor(net::make_strand(ioc))
        , m_pause(m_acceptor.get_executor())
        , m_tls(tls)
        , m_state(std::move(state))
    {
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(net::socket_base::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen(net::socket_base::max_listen_connections);
    }

    tcp::endpoint localEndpoint() const { return m_acceptor.local_endpoint(); }

    void run() { doAccept(); }

    void stop()
    {
        net::post(m_acceptor.get_executor(), [self = shared_from_this()] {
            boost::system::error_code ec;
            self->m_acceptor.close(ec);
        });
    }

private:
    void doAccept()
    {
        m_acceptor.async_accept(net::make_strand(m_ioc), [self = shared_from_this()](boost::system::error_code ec,
                                                                                     tcp::socket socket) {
            if (ec == net::error::operation_aborted || !self->m_acceptor.is_open())
                return; // stopping
            if (ec == net::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system
                || ec == net::error::no_buffer_space || ec == net::error::no_memory) {
                self->m_state->services.metrics.countAcceptPause();
                self->m_pause.expires_after(kAcceptPause);
                self->m_pause.async_wait([self](boost::system::error_code) { self->doAccept(); });
                return;
            }
            if (!ec)
                self->start(std::move(socket));
            self->doAccept();
        });
    }

    // A connection over a cap is closed at once: the client sees it closed before any answer.
    void start(tcp::socket socket)
    {
        auto slot = m_state->connections.admit(remoteAddress(socket));
        if (!slot) {
            m_state->services.metrics.countRefusedConnection();
            boost::system::error_code ignored;
            socket.close(ignored);
            return;
        }
        if (m_tls)
            startTlsSession(std::move(socket), *m_tls, m_state, std::move(slot));
        else
            startPlainSession(std::move(socket), m_state, std::move(slot));
    }

    net::io_context& m_ioc;
    tcp::acceptor m_acceptor;
    net::steady_timer m_pause;
    net::ssl::context* m_tls;
    std::shared_ptr<ServerState> m_state;
};

std::unique_ptr<net::ssl::context> tlsContext(const ServeOptions& options)
{
    if (options.certFile.empty() && options.keyFile.empty())
        return nullptr;
    if (options.certFile.empty() || options.keyFile.empty())
        throw std::runtime_error("--cert 和 --key 需要同时给出 / --cert and --key go together");
    auto tls = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 | net::ssl::context::no_sslv3
                     | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(tls->native_handle(), TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(tls->native_handle(), kTls12Ciphers) != 1)
        throw std::runtime_error("TLS 加密套件设置失败 / cannot set the TLS cipher list");
    SSL_CTX_set_options(tls->native_handle(), SSL_OP_CIPHER_SERVER_PREFERENCE);
    boost::system::error_code ec;
    tls->use_certificate_chain_file(options.certFile, ec);
    if (ec)
        throw std::runtime_error("无法读取证书 / cannot load certificate " + options.certFile + ": " + ec.message());
    tls->use_private_key_file(options.keyFile, net::ssl::context::pem, ec);
    if (ec)
        throw std::runtime_error("无法读取私钥 / cannot load private key " + options.keyFile + ": " + ec.message());
    return tls;
}

// After SIGTERM: wait for sessions to finish their answers, then end the event loop.
void waitForSessions(net::steady_timer& timer, const std::shared_ptr<ServerState>& state, net::io_context& ioc,
                     std::chrono::steady_clock::time_point deadline)
{
    if (state->liveSessions() == 0 || std::chrono::steady_clock::now() >= deadline)
        return ioc.stop();
    timer.expires_after(std::chrono::milliseconds(20));
    timer.async_wait([&timer, state, &ioc, deadline](boost::system::error_code) {
        waitForSessions(timer, state, ioc, deadline);
    });
}

} // namespace

void serve(const ServeOptions& options, Services& services, std::ostream& out)
{
    const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    net::io_context ioc{static_cast<int>(threads)};
    auto tls = tlsContext(options);
    net::thread_pool pushes(kPushThreads);
    net::thread_pool others(kOtherThreads);
    auto state = std::make_shared<ServerState>(services, pushes, others, options.maxConnections,
                                               options.maxConnectionsPerAddress);

    boost::system::error_code ec;
    const auto address = net::ip::make_address(options.address, ec);
    if (ec)
        throw std::runtime_error("监听地址无效 / bad listen address: " + options.address);
    std::shared_ptr<Listener> listener;
    try {
        listener = std::make_shared<Listener>(ioc, tcp::endpoint{address, options.port}, tls.get(), state);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("无法监听 / cannot listen on " + options.address + ":" + std::to_string(options.port)
                                 + ": " + e.code().message());
    }
    listener->run();
    const auto bound = listener->localEndpoint();
    out << "listening on " << bound.address().to_string() << ":" << bound.port()
        << std::endl;

    net::steady_timer stopTimer(ioc);
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code, int) {
        state->stopping = true;
        listener->stop();
        state->stopAll();
        waitForSessions(stopTimer, state, ioc, std::chrono::steady_clock::now() + kStopGrace);
    });

    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : workers)
        t.join();
    pushes.join();
    others.join();
}

} // namespace shouwang::server
