#pragma once

// A fault-injecting TCP proxy on 127.0.0.1 between real devices (BeastTransport) and the
// real server: per connection it passes the exchange through, cuts the request or the
// response half way, holds the response past the client's timeout, delivers the request
// twice, or first re-delivers an old request (a reordered, late duplicate). It only ever
// forwards bytes a device really sent; it never makes up an answer. POSIX sockets.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace shouwang::test {

enum class NetFault { None, CutRequest, CutResponse, DelayResponse, Duplicate, ReplayOld };

class FaultProxy {
public:
    using Chooser = std::function<NetFault()>;

    FaultProxy(int upstreamPort, Chooser choose, std::chrono::milliseconds delay)
        : m_upstream(upstreamPort)
        , m_choose(std::move(choose))
        , m_delay(delay)
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = loopback(0);
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listener, 64) != 0)
            throw std::runtime_error("proxy: cannot listen");
        socklen_t len = sizeof addr;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~FaultProxy()
    {
        m_stop = true;
        m_acceptor.join();
        for (auto& t : m_workers)
            t.join();
        ::close(m_listener);
    }
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::atomic<int> faults{0}; // connections that met a fault

private:
    static sockaddr_in loopback(int port)
    {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return addr;
    }

    void acceptLoop()
    {
        while (!m_stop) {
            pollfd p{m_listener, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0)
                continue;
            NetFault fault;
            {
                std::lock_guard lock(m_mutex);
                fault = m_choose();
            }
            m_workers.emplace_back([this, client, fault] { serve(client, fault); });
        }
    }

    // One HTTP/1.1 request as the client sent it: headers, then Content-Length bytes.
    static std::string readRequest(int fd)
    {
        std::string data;
        char buf[65536];
        std::size_t need = std::string::npos;
        while (need == std::string::npos || data.size() < need) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                return {};
            data.append(buf, static_cast<std::size_t>(n));
            const auto end = data.find("\r\n\r\n");
            if (need == std::string::npos && end != std::string::npos) {
                std::string head = data.substr(0, end);
                std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
                const auto at = head.find("content-length:");
                need = end + 4 + (at == std::string::npos ? 0 : std::stoul(head.substr(at + 15)));
            }
        }
        return data;
    }

    static void sendAll(int fd, std::string_view bytes)
    {
        while (!bytes.empty()) {
            const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }

    // Sends a request to the server and reads its whole answer (it closes: Connection: close).
    std::string exchange(std::string_view request, std::size_t sendOnly = std::string::npos) const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = loopback(m_upstream);
        std::string answer;
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            sendAll(fd, request.substr(0, sendOnly));
            if (sendOnly == std::string::npos) {
                char buf[65536];
                for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
                    answer.append(buf, static_cast<std::size_t>(n));
            }
        }
        ::close(fd);
        return answer;
    }

    void serve(int client, NetFault fault)
    {
        const std::string request = readRequest(client);
        if (request.empty()) {
            ::close(client);
            return;
        }
        if (fault != NetFault::None)
            ++faults;
        std::string old;
        {
            std::lock_guard lock(m_mutex);
            if (!m_seen.empty())
                old = m_seen[static_cast<std::size_t>(request.size()) % m_seen.size()];
            m_seen.push_back(request);
        }
        switch (fault) {
        case NetFault::CutRequest:
            exchange(request, request.size() / 2); // the server never sees the end of it
            break;
        case NetFault::CutResponse:
            sendAll(client, exchange(request).substr(0, request.size() % 97 + 20)); // a head, then silence
            break;
        case NetFault::DelayResponse: {
            const std::string answer = exchange(request);
            std::this_thread::sleep_for(m_delay); // the client has given up by now
            sendAll(client, answer);
            break;
        }
        case NetFault::Duplicate:
            exchange(request);
            sendAll(client, exchange(request));
            break;
        case NetFault::ReplayOld:
            if (!old.empty())
                exchange(old); // an earlier request arrives again, after later ones
            sendAll(client, exchange(request));
            break;
        case NetFault::None:
            sendAll(client, exchange(request));
            break;
        }
        ::shutdown(client, SHUT_RDWR);
        ::close(client);
    }

    int m_upstream;
    Chooser m_choose;
    std::chrono::milliseconds m_delay;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::vector<std::string> m_seen;
    std::thread m_acceptor;
    std::vector<std::thread> m_workers;
};

} // namespace shouwang::test
