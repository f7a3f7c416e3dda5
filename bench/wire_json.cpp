#include "wire_json.h"

#include <cstdio>

namespace shouwang::bench {
namespace {

void appendString(std::string& out, const std::string& s)
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

void appendHlc(std::string& out, const Hlc& hlc)
{
    out += "{\"time\":" + std::to_string(hlc.time) + ",\"device\":";
    appendString(out, hlc.device);
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
        out += "{\"change_id\":";
        appendString(out, c.changeId);
        out += ",\"entity\":";
        appendString(out, c.entity);
        out += ",\"record_id\":";
        appendString(out, c.recordId);
        out += ",\"village_code\":";
        appendString(out, c.villageCode);
        out += ",\"hlc\":";
        appendHlc(out, c.hlc);
        out += ",\"operator_name\":";
        appendString(out, c.operatorName);
        out += ",\"fields\":[";
        for (std::size_t k = 0; k < c.fields.size(); ++k) {
            const auto& f = c.fields[k];
            if (k > 0)
                out += ',';
            out += "{\"name\":";
            appendString(out, f.name);
            out += ",\"value\":";
            appendString(out, f.value);
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
