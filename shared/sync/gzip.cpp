#include "gzip.h"

#include <zlib.h>

#include <algorithm>

namespace shouwang::gzip {
namespace {

constexpr int kGzipWindow = 15 + 16; // zlib's way of asking for the gzip wrapper

} // namespace

std::string compress(std::string_view data, Effort effort)
{
    z_stream zs{};
    deflateInit2(&zs, effort == Effort::Fast ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindow, 8,
                 Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::optional<std::string> decompress(std::string_view data, std::size_t maxBytes, bool* tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    z_stream zs{};
    if (inflateInit2(&zs, kGzipWindow) != Z_OK)
        return std::nullopt;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    // A gzip member ends with its inflated size (mod 2^32): room for it at once, rather than
    // a string doubled a dozen times for a snapshot page, each old buffer freed. A false size
    // costs at most a reallocation: the room is bounded by maxBytes and by what deflate can
    // inflate from this many bytes (1032 to 1), whatever the sender claims.
    if (data.size() >= 18) {
        const auto* tail = reinterpret_cast<const unsigned char*>(data.data() + data.size() - 4);
        std::size_t size = 0; // little-endian
        for (int i = 3; i >= 0; --i)
            size = size << 8 | std::size_t{tail[i]};
        out.reserve(std::min({size, maxBytes, data.size() * 1032}));
    }
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (out.size() > maxBytes) {
            if (tooLarge)
                *tooLarge = true;
            rc = Z_DATA_ERROR;
            break;
        }
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
            rc = Z_DATA_ERROR; // truncated input
            break;
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}

} // namespace shouwang::gzip
