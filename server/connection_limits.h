#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace shouwang::server {

// Caps on open connections, in all and from one address: a client that opens sockets
// without end runs into its own cap, not into the server's file descriptors (which every
// other village needs). A connection holds a Slot for as long as it is open.
class ConnectionLimits {
public:
    ConnectionLimits(std::size_t total, std::size_t perAddress)
        : m_total(total)
        , m_perAddress(perAddress)
    {
    }

    // Released (the count goes down) when the last copy is dropped.
    using Slot = std::shared_ptr<void>;

    // A slot for a new connection from `address`, or null when a cap is reached (the
    // caller closes the socket at once). The limits must outlive every slot.
    Slot admit(const std::string& address);

    std::size_t open() const;

private:
    void release(const std::string& address);

    const std::size_t m_total;
    const std::size_t m_perAddress;
    mutable std::mutex m_mutex;
    std::size_t m_open = 0;
    std::unordered_map<std::string, std::size_t> m_byAddress; // only addresses with connections
};

} // namespace shouwang::server
