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

std::string serializeChange(const Change& change)
{
    wire::Change message;
    toWire(change, message);
    return message.SerializeAsString();
}

std::optional<Change> parseChange(std::string_view bytes)
{
    wire::Change message;
    if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return std::nullopt;
    return fromWire(message);
}

} // namespace shouwang
