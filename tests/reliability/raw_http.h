#pragma once

// HTTP to the real server process the way an attacker sends it: any header, any body, from
// any loopback address (127.0.0.0/8 is all this machine's, so 127.0.0.N is N's own client
// address to the server), and the server's memory and CPU read from /proc. Linux only.

#include "store/change_codec.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace shouwang::test {

struct RawAnswer {
    unsigned status = 0; // 0: no answer (the connection was closed or reset)
    std::string body;
};

struct RawRequest {
    std::string target = {};
    std::string body = {};
    std::string token = {};
    std::string encoding = {};
    std::string from = "127.0.0.1";
};

inline RawAnswer rawPost(int port, const RawRequest& r)
{
    namespace beast = boost::beast;
    namespace http = beast::http;
    namespace net = boost::asio;
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    RawAnswer answer;
    beast::error_code ec;
    socket.open(net::ip::tcp::v4(), ec);
    socket.bind(net::ip::tcp::endpoint(net::ip::make_address(r.from), 0), ec);
    socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)), ec);
    if (ec)
        return answer;
    http::request<http::string_body> req{http::verb::post, r.target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, protocol::kContentType);
    if (!r.token.empty())
        req.set(http::field::authorization, "Bearer " + r.token);
    if (!r.encoding.empty())
        req.set(http::field::content_encoding, r.encoding);
    req.body() = r.body;
    req.prepare_payload();
    http::write(socket, req, ec);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(socket, buffer, res, ec);
    if (!ec) {
        answer.status = res.result_int();
        answer.body = res.body();
    }
    return answer;
}

inline RawAnswer rawGet(int port, const std::string& target)
{
    namespace beast = boost::beast;
    namespace http = beast::http;
    namespace net = boost::asio;
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    beast::error_code ec;
    stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)), ec);
    RawAnswer answer;
    if (ec)
        return answer;
    http::request<http::empty_body> req{http::verb::get, target, 11};
    req.set(http::field::host, "127.0.0.1");
    http::write(stream, req, ec);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res, ec);
    if (!ec) {
        answer.status = res.result_int();
        answer.body = res.body();
    }
    return answer;
}

inline wire::Error errorIn(const RawAnswer& answer)
{
    wire::Error error;
    error.ParseFromString(answer.body);
    return error;
}

// The value of one field of /proc/PID/status in kB (VmHWM: the peak resident memory).
inline long procStatusKb(int pid, const std::string& field)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) == 0)
            return std::stol(line.substr(field.size() + 1));
    }
    return -1;
}

// CPU time the process has used, user and system, in clock ticks (/proc/PID/stat).
inline long procCpuTicks(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14)
            utime = std::stol(field);
        if (i == 15)
            stime = std::stol(field);
    }
    return utime + stime;
}

// A socket connected to the server from `from`, or -1.
inline int rawConnect(int port, const std::string& from = "127.0.0.1")
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<unsigned short>(port));
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace shouwang::test
