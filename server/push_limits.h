#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::server {

// Why a push body was refused before it was decoded: the status, the wire error code (as
// its number, so this header needs no protobuf) and a Chinese message for the device.
struct PushLimitRefusal {
    unsigned status = 413;
    int code = 0; // wire::ErrorCode
    std::string message;
};

// Walks a PushRequest in protobuf wire format, inflating a gzip body as it goes, and checks
// the limits of docs/protocol.md (changes per push, fields per change, bytes per field,
// per id and per operator name, inflated size) without building a single message. A gzip
// bomb of millions of empty changes is refused after the 1,001st, having inflated a few
// kilobytes. `contentEncoding` is "gzip" or empty; any other encoding is left to the
// decoder to refuse. nullopt: within the limits (the body may still fail to parse).
std::optional<PushLimitRefusal> checkPushLimits(std::string_view body, std::string_view contentEncoding);

} // namespace shouwang::server
