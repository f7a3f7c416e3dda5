#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// One or more ASCII digits and nothing else: codes, counts and numbers as stored (a
// full-width digit people may type is not one).
inline bool isDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Well-formed UTF-8 (lead bytes with their continuation bytes; overlong forms are not
// looked for): what validation, the CSV reader and the encoding detection ask of text.
inline bool isUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size())
            return false;
        for (std::size_t k = 1; k <= static_cast<std::size_t>(extra); ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80)
                return false;
        }
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

// At most `maxBytes` of `text`, never cutting a UTF-8 character in half. Messages that
// quote outside input go into protobuf `string` fields, which must stay valid UTF-8 or the
// whole answer fails to parse at the device (found by the hostile-input tests).
inline std::string utf8Prefix(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end; // text[end] continues a character that starts before it: cut before that one
    return std::string(text.substr(0, end));
}

// `text` made safe to print on a terminal or in a tab-separated listing: control characters
// (C0, DEL, C1 — escape sequences could rewrite an admin's screen), tabs, line breaks and
// bytes that are not UTF-8 become visible \xNN; everything else, Chinese included, stays.
inline std::string terminalSafe(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    auto escape = [&out](unsigned char c) {
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f)
                escape(c);
            else
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t extra = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : 0;
        bool valid = extra > 0;
        for (std::size_t k = 1; valid && k <= extra; ++k)
            valid = i + k < text.size() && (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
        const bool c1 = valid && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (!valid || c1) {
            escape(c);
            ++i;
            continue;
        }
        out.append(text.substr(i, extra + 1));
        i += extra + 1;
    }
    return out;
}

} // namespace shouwang
