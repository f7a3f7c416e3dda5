#include "wire_json.h"

#include <cstdio>

namespace shouwang::bench {

void appendJsonString(std::string& out, std::string_view s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += static_cast<char>(c); // UTF-8 as is, as every modern JSON API sends it
            }
        }
    }
    out += '"';
}

void appendJsonMember(std::string& out, std::string_view name, std::string_view value)
{
    if (!out.empty() && out.back() != '{')
        out += ',';
    appendJsonString(out, name);
    out += ':';
    appendJsonString(out, value);
}

namespace {

void appendHlc(std::string& out, const Hlc& hlc)
{
    out += "{\"time\":" + std::to_string(hlc.time) + ",\"device\":";
    appendJsonString(out, hlc.device);
    out += '}';
}

} // namespace

std::string pushRequestJson(const std::vector<Change>& changes, std::size_t from, std::size_t to)
{
    std::string out = "{\"protocol_version\":1,\"changes\":[";
    for (std::size_t i = from; i < to; ++i) {
        const Change& c = changes[i];
        if (i > from)
            out += ',';
        out += '{';
        appendJsonMember(out, "change_id", c.changeId);
        appendJsonMember(out, "entity", c.entity);
        appendJsonMember(out, "record_id", c.recordId);
        appendJsonMember(out, "village_code", c.villageCode);
        out += ",\"hlc\":";
        appendHlc(out, c.hlc);
        appendJsonMember(out, "operator_name", c.operatorName);
        out += ",\"fields\":[";
        for (std::size_t k = 0; k < c.fields.size(); ++k) {
            const auto& f = c.fields[k];
            if (k > 0)
                out += ',';
            out += '{';
            appendJsonMember(out, "name", f.name);
            appendJsonMember(out, "value", f.value);
            if (!f.base.isNull()) {
                out += ",\"base\":";
                appendHlc(out, f.base);
            }
            out += '}';
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

} // namespace shouwang::bench
