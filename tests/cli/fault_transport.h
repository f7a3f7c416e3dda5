#pragma once

#include "sync/transport.h"

#include <functional>

namespace shouwang::test {

// A fault injector around a real transport: it lets requests through to the real server
// and breaks the network in chosen ways. It never makes up a server's answer.
class FaultTransport final : public Transport {
public:
    explicit FaultTransport(Transport* inner)
        : m_inner(inner)
    {
    }
    explicit FaultTransport(Transport& inner)
        : m_inner(&inner)
    {
    }
    // A laptop with no network at all (the USB-stick village).
    static FaultTransport offline() { return FaultTransport(nullptr); }

    std::function<void(int call)> beforeCall; // runs before call n (1-based) goes out
    int dropAnswerOfCall = 0;                  // this call reaches the server; its answer is lost
    std::function<bool(int call)> dropBefore;  // true: the request never leaves
    std::function<bool(int call)> dropAfter;   // true: the answer never arrives
    std::function<bool(int call)> duplicate;   // true: the request is delivered twice
    int calls = 0;

    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override
    {
        ++calls;
        if (beforeCall)
            beforeCall(calls);
        if (!m_inner || (dropBefore && dropBefore(calls)))
            return lost("connect: Network is unreachable");
        if (duplicate && duplicate(calls))
            m_inner->post(path, body, headers);
        HttpResponse response = m_inner->post(path, body, headers);
        if (calls == dropAnswerOfCall || (dropAfter && dropAfter(calls)))
            return lost("read: Connection reset by peer");
        return response;
    }

private:
    static HttpResponse lost(const char* why)
    {
        HttpResponse response;
        response.networkError = why;
        return response;
    }
    Transport* m_inner;
};

} // namespace shouwang::test
