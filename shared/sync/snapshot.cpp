#include "snapshot.h"

#include "crypto.h"

#include "domain/schema.h"
#include "store/change_codec.h"

#include <set>

namespace shouwang::snapshot {
namespace {

void item(std::string& out, std::string_view text)
{
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

Hlc clockOf(const Record& record, std::string_view field)
{
    const auto it = record.clocks.find(field);
    return it == record.clocks.end() ? Hlc{} : it->second;
}

// Every field the record holds a value or a clock for (a cleared field keeps its clock),
// the deletion mark aside, by name.
std::set<std::string_view> fieldsOf(const Record& record)
{
    std::set<std::string_view> names;
    for (const auto& [name, value] : record.values) {
        if (!value.empty()) // an empty value is no value (domain/record.h), stored as NULL
            names.insert(name);
    }
    for (const auto& [name, clock] : record.clocks) {
        if (name != kDeletedField)
            names.insert(name);
    }
    return names;
}

} // namespace

void toWire(const Record& record, wire::RecordState& out)
{
    out.set_entity(record.entity);
    out.set_record_id(record.id);
    out.set_village_code(record.villageCode);
    out.set_created_at(record.createdAt);
    out.set_updated_at(record.updatedAt);
    for (const std::string_view name : fieldsOf(record)) {
        wire::FieldState* field = out.add_fields();
        field->set_name(std::string(name));
        field->set_value(record.value(name));
        shouwang::toWire(clockOf(record, name), *field->mutable_clock());
    }
    if (record.clocks.contains(kDeletedField) || record.deleted) {
        wire::FieldState* field = out.add_fields();
        field->set_name(std::string(kDeletedField));
        field->set_value(record.deleted ? "1" : "0");
        shouwang::toWire(clockOf(record, kDeletedField), *field->mutable_clock());
    }
}

Record fromWire(const wire::RecordState& in)
{
    Record record;
    record.entity = in.entity();
    record.id = in.record_id();
    record.villageCode = in.village_code();
    record.createdAt = in.created_at();
    record.updatedAt = in.updated_at();
    for (const auto& field : in.fields()) {
        const Hlc clock{field.clock().time(), field.clock().device()};
        if (field.name() == kDeletedField)
            record.deleted = field.value() == "1";
        else
            record.set(field.name(), field.value());
        if (!clock.isNull())
            record.clocks.insert_or_assign(field.name(), clock);
    }
    return record;
}

std::string canonicalText(const Record& record)
{
    std::string out;
    item(out, record.entity);
    item(out, record.id);
    item(out, record.villageCode);
    item(out, record.createdAt);
    item(out, record.updatedAt);
    item(out, record.deleted ? "1" : "0");
    item(out, clockOf(record, kDeletedField).toString());
    for (const std::string_view name : fieldsOf(record)) {
        item(out, name);
        item(out, record.value(name));
        item(out, clockOf(record, name).toString());
    }
    out += '\n';
    return out;
}

std::string pageDigest(std::span<const Record> records)
{
    PageDigest digest;
    for (const Record& record : records)
        digest.add(record);
    return digest.finish();
}

} // namespace shouwang::snapshot
