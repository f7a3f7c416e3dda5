#include "change_codec.h"

#include "shouwang/sync.pb.h"

namespace shouwang {

void toWire(const Hlc& hlc, wire::Hlc& out)
{
    out.set_time(hlc.time);
    out.set_device(hlc.device);
}

Hlc fromWire(const wire::Hlc& in)
{
    return Hlc{in.time(), in.device()};
}

void toWire(const Change& change, wire::Change& out)
{
    out.set_change_id(change.changeId);
    out.set_entity(change.entity);
    out.set_record_id(change.recordId);
    out.set_village_code(change.villageCode);
    toWire(change.hlc, *out.mutable_hlc());
    out.set_operator_name(change.operatorName);
    if (change.seq)
        out.set_seq(change.seq);
    out.mutable_fields()->Reserve(static_cast<int>(change.fields.size()));
    for (const auto& field : change.fields) {
        auto* f = out.add_fields();
        f->set_name(field.name);
        f->set_value(field.value);
        if (!field.base.isNull())
            toWire(field.base, *f->mutable_base());
    }
}

Change fromWire(const wire::Change& in)
{
    Change change;
    change.changeId = in.change_id();
    change.entity = in.entity();
    change.recordId = in.record_id();
    change.villageCode = in.village_code();
    change.hlc = fromWire(in.hlc());
    change.operatorName = in.operator_name();
    change.seq = in.seq();
    change.fields.reserve(static_cast<std::size_t>(in.fields_size()));
    for (const auto& f : in.fields())
        change.fields.push_back({f.name(), f.value(), f.has_base() ? fromWire(f.base()) : Hlc{}});
    return change;
}

Change fromWire(wire::Change&& in)
{
    Change change;
    change.changeId = std::move(*in.mutable_change_id());
    change.entity = std::move(*in.mutable_entity());
    change.recordId = std::move(*in.mutable_record_id());
    change.villageCode = std::move(*in.mutable_village_code());
    change.hlc = Hlc{in.hlc().time(), std::move(*in.mutable_hlc()->mutable_device())};
    change.operatorName = std::move(*in.mutable_operator_name());
    change.seq = in.seq();
    change.fields.reserve(static_cast<std::size_t>(in.fields_size()));
    for (auto& f : *in.mutable_fields()) {
        change.fields.push_back({std::move(*f.mutable_name()), std::move(*f.mutable_value()),
                                 f.has_base() ? Hlc{f.base().time(), std::move(*f.mutable_base()->mutable_device())}
                                              : Hlc{}});
    }
    return change;
}

std::string serializeChange(const Change& change)
{
    wire::Change message;
    toWire(change, message);
    return message.SerializeAsString();
}

std::string changeHead(const Change& change)
{
    // Only the head's fields: the merge asks for it once per change logged.
    wire::Change message;
    message.set_change_id(change.changeId);
    message.set_entity(change.entity);
    message.set_record_id(change.recordId);
    message.set_village_code(change.villageCode);
    toWire(change.hlc, *message.mutable_hlc());
    return message.SerializeAsString();
}

bool beginsWithHead(std::string_view bytes)
{
    // The first tag, a varint: its field number is the tag shifted past the wire type.
    std::uint64_t tag = 0;
    for (std::size_t i = 0; i < bytes.size() && i < 10; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        tag |= static_cast<std::uint64_t>(byte & 0x7F) << (7 * i);
        if (!(byte & 0x80))
            return (tag >> 3) <= wire::Change::kHlcFieldNumber;
    }
    return false;
}

std::optional<Change> parseChange(std::string_view bytes)
{
    wire::Change message;
    if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return std::nullopt;
    return fromWire(message);
}

namespace {

// Whether `message`, parsed from `size` bytes, was encoded as serializeChange encodes the
// change it holds. Unknown fields would be kept in the bytes but dropped by fromWire; a
// sequence number is a place in the sender's log; a size other than the encoder's means a
// field repeated or padded. What is left (the order of the fields) decodes the same.
bool readsWhole(const google::protobuf::Message& message)
{
    return message.GetReflection()->GetUnknownFields(message).empty();
}

bool isOwnEncoding(const wire::Change& message, std::size_t size)
{
    if (message.seq() != 0 || !message.has_hlc() || !readsWhole(message) || !readsWhole(message.hlc()))
        return false;
    for (const auto& f : message.fields()) {
        if (!readsWhole(f))
            return false;
        // toWire leaves out a null base, so one sent as present would be encoded anew.
        if (f.has_base() && (!readsWhole(f.base()) || (f.base().time() == 0 && f.base().device().empty())))
            return false;
    }
    return message.ByteSizeLong() == size;
}

} // namespace

std::optional<ReceivedChange> receiveChange(std::string bytes)
{
    wire::Change message;
    if (!message.ParseFromString(bytes))
        return std::nullopt;
    const bool own = isOwnEncoding(message, bytes.size());
    ReceivedChange received{fromWire(std::move(message)), own ? std::move(bytes) : std::string{}};
    return received;
}

} // namespace shouwang
