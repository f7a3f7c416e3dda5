#pragma once

// Sessions see Asio but no Beast here, so only session.cpp pays for compiling Beast.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "connection_limits.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace shouwang::server {

struct Services;

// A connection the server may have to close when it stops.
class SessionBase {
public:
    virtual ~SessionBase() = default;
    // Closes the connection once the request in hand (if any) is answered.
    virtual void stopWhenIdle() = 0;
};

// What every session shares: the handlers and the threads they run on, and the list of
// open sessions that a graceful stop walks to close idle connections while busy ones
// finish their answer.
struct ServerState {
    ServerState(Services& s, boost::asio::thread_pool& pushes, boost::asio::thread_pool& others,
                std::size_t maxConnections, std::size_t maxConnectionsPerAddress)
        : services(s)
        , pushPool(pushes)
        , otherPool(others)
        , connections(maxConnections, maxConnectionsPerAddress)
    {
    }

    Services& services;
    // Handlers wait on the county database (a push waits for its group's commit), so they
    // run on these threads and never on the I/O threads, which keep serving every other
    // connection. Pushes have threads of their own, so pulls, enrollments and health checks
    // never queue behind pushes waiting for a commit.
    boost::asio::thread_pool& pushPool;
    boost::asio::thread_pool& otherPool;
    std::atomic<bool> stopping{false};
    ConnectionLimits connections;

    void add(const std::shared_ptr<SessionBase>& session);
    void stopAll();
    std::size_t liveSessions();

private:
    std::mutex m_mutex;
    std::vector<std::weak_ptr<SessionBase>> m_sessions;
};

// The peer's address as the caps, the rate limit and the audit know it ("unknown" if gone).
std::string remoteAddress(const boost::asio::ip::tcp::socket& socket);

// Starts serving HTTP on an accepted socket (its own strand), plain or over TLS; the
// session holds `slot` (its place under the connection caps) until it ends.
void startPlainSession(boost::asio::ip::tcp::socket&& socket, const std::shared_ptr<ServerState>& state,
                       ConnectionLimits::Slot slot);
void startTlsSession(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
                     const std::shared_ptr<ServerState>& state, ConnectionLimits::Slot slot);

} // namespace shouwang::server
