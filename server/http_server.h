#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace shouwang::server {

struct Services;

struct ServeOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8443; // 0: any free port (printed when listening)
    unsigned threads = 0;       // 0: one per hardware thread
    std::string certFile;       // both set: HTTPS with the county certificate
    std::string keyFile;
    // Connections open at once, in all and from one address (docs/protocol.md "Limits").
    // One address may be a township's shared line or a reverse proxy: hence not 1 or 2.
    std::size_t maxConnections = 2048;
    std::size_t maxConnectionsPerAddress = 128;
};

// Serves until SIGINT or SIGTERM, then stops accepting, lets answers in flight finish
// and returns. Prints "listening on ADDRESS:PORT" (the port actually bound) to `out`.
// Throws std::runtime_error when it cannot listen or load the certificate.
void serve(const ServeOptions& options, Services& services, std::ostream& out);

} // namespace shouwang::server
