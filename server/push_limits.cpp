#include "push_limits.h"

#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <zlib.h>

namespace shouwang::server {
namespace {

namespace io = google::protobuf::io;

constexpr int kGzipWindow = 15 + 16;

// gunzip as a protobuf input stream, so the scan below reads a gzip body without ever
// holding it inflated. Stops with an error past kMaxInflatedBytes. (libprotobuf has its
// own GzipInputStream, but the Windows build's protobuf is built without zlib.)
class InflatingInput final : public io::CopyingInputStream {
public:
    explicit InflatingInput(std::string_view gz)
    {
        m_ok = inflateInit2(&m_zs, kGzipWindow) == Z_OK;
        m_zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
        m_zs.avail_in = static_cast<uInt>(gz.size());
    }
    ~InflatingInput() override { inflateEnd(&m_zs); }
    InflatingInput(const InflatingInput&) = delete;
    InflatingInput& operator=(const InflatingInput&) = delete;

    int Read(void* buffer, int size) override
    {
        m_zs.next_out = static_cast<Bytef*>(buffer);
        m_zs.avail_out = static_cast<uInt>(size);
        // inflate may take input without giving output (the gzip header): go on until it does.
        while (m_ok && !m_ended && m_zs.avail_out == static_cast<uInt>(size)) {
            const uInt before = m_zs.avail_in;
            const int rc = inflate(&m_zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END)
                m_ended = true;
            else if (rc != Z_OK || (m_zs.avail_in == before && m_zs.avail_out == static_cast<uInt>(size)))
                m_ok = false; // damaged or truncated: the decoder says so later
        }
        if (m_zs.total_out > protocol::kMaxInflatedBytes) {
            tooLarge = true;
            m_ok = false;
        }
        const int produced = size - static_cast<int>(m_zs.avail_out);
        if (!m_ok)
            return -1;
        return produced; // 0 only at the end of the stream
    }

    bool tooLarge = false;

private:
    z_stream m_zs{};
    bool m_ok = false;
    bool m_ended = false;
};

enum class WireType { Varint = 0, Fixed64 = 1, Length = 2, Fixed32 = 5 };

std::optional<PushLimitRefusal> tooLarge(std::string message)
{
    return PushLimitRefusal{413, wire::TOO_LARGE, std::move(message)};
}

// A scan that cannot continue; the real decoder then refuses the body as malformed.
struct Unreadable {};

std::uint32_t lengthOf(io::CodedInputStream& in)
{
    std::uint32_t length = 0;
    if (!in.ReadVarint32(&length))
        throw Unreadable{};
    return length;
}

void skip(io::CodedInputStream& in, std::uint32_t tag)
{
    std::uint64_t ignored = 0;
    std::uint32_t ignored32 = 0;
    switch (static_cast<WireType>(tag & 7)) {
    case WireType::Varint:
        if (!in.ReadVarint64(&ignored))
            throw Unreadable{};
        return;
    case WireType::Fixed64:
        if (!in.ReadLittleEndian64(&ignored))
            throw Unreadable{};
        return;
    case WireType::Fixed32:
        if (!in.ReadLittleEndian32(&ignored32))
            throw Unreadable{};
        return;
    case WireType::Length:
        if (!in.Skip(static_cast<int>(lengthOf(in))))
            throw Unreadable{};
        return;
    }
    throw Unreadable{}; // groups and invalid wire types: proto3 has neither
}

// Reads a length-delimited field's length and skips its bytes, refusing it past `max`.
std::optional<PushLimitRefusal> boundedString(io::CodedInputStream& in, std::size_t max, const char* what)
{
    const std::uint32_t length = lengthOf(in);
    if (length > max)
        return tooLarge(std::string(what) + "过长（超过" + std::to_string(max) + "字节），该变更无法上传");
    if (!in.Skip(static_cast<int>(length)))
        throw Unreadable{};
    return std::nullopt;
}

bool isLength(std::uint32_t tag)
{
    return static_cast<WireType>(tag & 7) == WireType::Length;
}

// Walks the message of `length` bytes at the stream's position with `field`, which
// handles each tag (returning a refusal, or nullopt to go on).
template <typename Field>
std::optional<PushLimitRefusal> within(io::CodedInputStream& in, Field field)
{
    const auto limit = in.PushLimit(static_cast<int>(lengthOf(in)));
    while (const std::uint32_t tag = in.ReadTag()) {
        if (auto refusal = field(tag))
            return refusal;
    }
    if (!in.ConsumedEntireMessage())
        throw Unreadable{};
    in.PopLimit(limit);
    return std::nullopt;
}

// Any other length-delimited field of a change (ids, codes, names, unknown fields) is
// at most kMaxIdBytes; numbers are skipped.
std::optional<PushLimitRefusal> shortField(io::CodedInputStream& in, std::uint32_t tag)
{
    if (isLength(tag))
        return boundedString(in, protocol::kMaxIdBytes, "变更中的编号或名称");
    skip(in, tag);
    return std::nullopt;
}

std::optional<PushLimitRefusal> hlc(io::CodedInputStream& in)
{
    return within(in, [&](std::uint32_t tag) { return shortField(in, tag); });
}

std::optional<PushLimitRefusal> fieldChange(io::CodedInputStream& in)
{
    return within(in, [&](std::uint32_t tag) -> std::optional<PushLimitRefusal> {
        const std::uint32_t number = tag >> 3;
        if (number == 2 && isLength(tag))
            return boundedString(in, protocol::kMaxFieldValueBytes, "字段的内容");
        if (number == 3 && isLength(tag))
            return hlc(in);
        return shortField(in, tag);
    });
}

std::optional<PushLimitRefusal> change(io::CodedInputStream& in)
{
    std::size_t fields = 0;
    return within(in, [&](std::uint32_t tag) -> std::optional<PushLimitRefusal> {
        const std::uint32_t number = tag >> 3;
        if (number == 7 && isLength(tag)) {
            if (++fields > protocol::kMaxFieldsPerChange)
                return tooLarge("一条变更的字段过多（超过" + std::to_string(protocol::kMaxFieldsPerChange)
                                + "个），该变更无法上传");
            return fieldChange(in);
        }
        if (number == 6 && isLength(tag))
            return boundedString(in, protocol::kMaxOperatorNameBytes, "操作人姓名");
        if (number == 5 && isLength(tag))
            return hlc(in);
        return shortField(in, tag);
    });
}

std::optional<PushLimitRefusal> pushRequest(io::ZeroCopyInputStream& stream)
{
    io::CodedInputStream in(&stream);
    std::size_t changes = 0;
    while (const std::uint32_t tag = in.ReadTag()) {
        if ((tag >> 3) == 2 && isLength(tag)) {
            if (++changes > protocol::kMaxPushChanges)
                return tooLarge("一次上传的变更过多（最多" + std::to_string(protocol::kMaxPushChanges) + "条），请分批上传");
            if (auto refusal = change(in))
                return refusal;
        } else {
            skip(in, tag);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<PushLimitRefusal> checkPushLimits(std::string_view body, std::string_view contentEncoding)
{
    if (contentEncoding == "gzip") {
        InflatingInput inflating(body);
        io::CopyingInputStreamAdaptor stream(&inflating);
        std::optional<PushLimitRefusal> refusal;
        try {
            refusal = pushRequest(stream);
        } catch (const Unreadable&) {
            // Past the inflate limit the stream ends in an error, which the scan meets as
            // an unreadable message: the limit is the reason.
        }
        if (inflating.tooLarge)
            return tooLarge("上传的数据过大，请分批上传");
        return refusal;
    }
    if (!contentEncoding.empty() && contentEncoding != "identity")
        return std::nullopt;
    try {
        io::ArrayInputStream stream(body.data(), static_cast<int>(body.size()));
        return pushRequest(stream);
    } catch (const Unreadable&) {
        return std::nullopt;
    }
}

} // namespace shouwang::server
