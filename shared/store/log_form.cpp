#include "log_form.h"

#include "record_key.h"

#include "domain/schema.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace shouwang {
namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::io::CodedOutputStream;
using Wire = google::protobuf::internal::WireFormatLite;

constexpr char kLogFormMark = '\0';

// wire::Change's repeated FieldChange, and FieldChange's own fields (proto/shouwang/sync.proto).
constexpr int kChangeFields = 7;
constexpr int kName = 1;
constexpr int kValue = 2;
// Field numbers FieldChange does not use, which the log form takes for its codes.
constexpr int kNameCode = 14;
constexpr int kValueKey = 15;

struct CodeTable {
    std::vector<std::string_view> names; // code - 1
    std::unordered_map<std::string_view, std::uint64_t> codes;

    void add(std::string_view name)
    {
        if (codes.emplace(name, names.size() + 1).second)
            names.push_back(name);
    }
};

const CodeTable& codeTable()
{
    static const CodeTable table = [] {
        CodeTable t;
        t.add(kDeletedField);
        int newest = 1;
        for (const auto& entity : entities()) {
            for (const auto& field : entity.fields)
                newest = std::max({newest, entity.since, field.since});
        }
        for (int version = 1; version <= newest; ++version) {
            for (const auto& entity : entities()) {
                for (const auto& field : entity.fields) {
                    if (std::max(entity.since, field.since) == version)
                        t.add(field.name);
                }
            }
        }
        return t;
    }();
    return table;
}

// Reading goes through protobuf's CodedInputStream over the bytes themselves; what is not
// changed is copied as the span of bytes it came in, never re-encoded. The bytes are a
// change's operator and field changes: a few hundred, read once per change logged or read.
class Reader {
public:
    explicit Reader(std::string_view bytes)
        : m_bytes(bytes)
        , m_in(reinterpret_cast<const std::uint8_t*>(bytes.data()), static_cast<int>(bytes.size()))
    {
    }

    // The next field: its tag (0 at the end), and where it starts.
    std::uint32_t next()
    {
        m_start = position();
        return m_in.ReadTag();
    }
    // The whole field just begun, as it came; empty when it is damaged.
    std::optional<std::string_view> skip(std::uint32_t tag)
    {
        if (!Wire::SkipField(&m_in, tag))
            return std::nullopt;
        return m_bytes.substr(m_start, position() - m_start);
    }
    // The content of the length-delimited field just begun, if its tag and length are
    // written in their shortest form (what is written anew must come out the same).
    std::optional<std::string_view> content()
    {
        std::uint32_t length = 0;
        if (position() != m_start + 1 || !m_in.ReadVarint32(&length))
            return std::nullopt;
        const std::size_t at = position();
        if (at - m_start - 1 != CodedOutputStream::VarintSize32(length) || !m_in.Skip(static_cast<int>(length)))
            return std::nullopt;
        return m_bytes.substr(at, length);
    }
    bool varint(std::uint64_t& value) { return m_in.ReadVarint64(&value); }
    bool atCleanEnd() { return m_in.ConsumedEntireMessage() && position() == m_bytes.size(); }

private:
    std::size_t position() { return static_cast<std::size_t>(m_in.CurrentPosition()); }

    std::string_view m_bytes;
    CodedInputStream m_in;
    std::size_t m_start = 0;
};

void putVarint(std::string& out, std::uint64_t value)
{
    std::uint8_t buffer[10];
    const std::uint8_t* end = CodedOutputStream::WriteVarint64ToArray(value, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(end - buffer));
}

void putBytes(std::string& out, int field, std::string_view bytes)
{
    putVarint(out, Wire::MakeTag(field, Wire::WIRETYPE_LENGTH_DELIMITED));
    putVarint(out, bytes.size());
    out.append(bytes);
}

constexpr std::uint32_t kNameTag = Wire::MakeTag(kName, Wire::WIRETYPE_LENGTH_DELIMITED);
constexpr std::uint32_t kValueTag = Wire::MakeTag(kValue, Wire::WIRETYPE_LENGTH_DELIMITED);
constexpr std::uint32_t kNameCodeTag = Wire::MakeTag(kNameCode, Wire::WIRETYPE_VARINT);
constexpr std::uint32_t kValueKeyTag = Wire::MakeTag(kValueKey, Wire::WIRETYPE_LENGTH_DELIMITED);
constexpr std::uint32_t kChangeFieldsTag = Wire::MakeTag(kChangeFields, Wire::WIRETYPE_LENGTH_DELIMITED);

// One field change, appended to `out` in the log form.
bool packFieldChange(std::string_view bytes, std::string& out)
{
    Reader in(bytes);
    while (const std::uint32_t tag = in.next()) {
        const int field = Wire::GetTagFieldNumber(tag);
        if (field == kNameCode || field == kValueKey)
            return false; // a field of a later protocol: it could not be told apart
        if (tag == kNameTag || tag == kValueTag) {
            const auto text = in.content();
            if (!text)
                return false;
            if (const std::uint64_t code = tag == kNameTag ? logFieldCode(*text) : 0) {
                putVarint(out, kNameCodeTag);
                putVarint(out, code);
            } else if (tag == kValueTag && isCanonicalUuid(*text)) {
                putBytes(out, kValueKey, keyOfId(*text));
            } else {
                putBytes(out, field, *text);
            }
        } else if (const auto whole = in.skip(tag)) {
            out.append(*whole);
        } else {
            return false;
        }
    }
    return in.atCleanEnd();
}

// One field change in the log form, appended to `out` as it was given.
bool unpackFieldChange(std::string_view bytes, std::string& out)
{
    Reader in(bytes);
    while (const std::uint32_t tag = in.next()) {
        if (tag == kNameCodeTag) {
            std::uint64_t code = 0;
            const std::string_view name = in.varint(code) ? logFieldName(code) : std::string_view{};
            if (name.empty())
                return false;
            putBytes(out, kName, name);
        } else if (tag == kValueKeyTag) {
            const auto key = in.content();
            if (!key || key->size() != kKeyLength)
                return false;
            putBytes(out, kValue, idOfKey(*key, true));
        } else if (const auto whole = in.skip(tag)) {
            out.append(*whole);
        } else {
            return false;
        }
    }
    return in.atCleanEnd();
}

// The payload's top-level fields copied, each field change through `form`, after `out`'s
// own bytes.
bool rewrite(std::string_view bytes, bool (*form)(std::string_view, std::string&), std::string& out)
{
    Reader in(bytes);
    std::string changed;
    while (const std::uint32_t tag = in.next()) {
        if (tag == kChangeFieldsTag) {
            const auto fieldChange = in.content();
            changed.clear();
            if (!fieldChange || !form(*fieldChange, changed))
                return false;
            putBytes(out, kChangeFields, changed);
        } else if (const auto whole = in.skip(tag)) {
            out.append(*whole);
        } else {
            return false;
        }
    }
    return in.atCleanEnd();
}

} // namespace

std::uint64_t logFieldCode(std::string_view name)
{
    const auto& codes = codeTable().codes;
    const auto it = codes.find(name);
    return it == codes.end() ? 0 : it->second;
}

std::string_view logFieldName(std::uint64_t code)
{
    const auto& names = codeTable().names;
    return code == 0 || code > names.size() ? std::string_view{} : names[code - 1];
}

std::string toLogForm(std::string_view payload)
{
    std::string packed(1, kLogFormMark);
    packed.reserve(payload.size());
    // Only what comes back exactly, checked here rather than assumed, and only what is
    // smaller: the log gives back the bytes it took, whatever they were.
    if (!rewrite(payload, packFieldChange, packed) || packed.size() >= payload.size() || fromLogForm(packed) != payload)
        return std::string(payload);
    return packed;
}

std::optional<std::string> fromLogForm(std::string_view stored)
{
    if (stored.empty() || stored.front() != kLogFormMark)
        return std::string(stored);
    std::string plain;
    plain.reserve(stored.size() * 2);
    if (!rewrite(stored.substr(1), unpackFieldChange, plain))
        return std::nullopt;
    return plain;
}

} // namespace shouwang
