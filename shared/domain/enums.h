#pragma once

#include <span>
#include <string>
#include <string_view>

namespace shouwang {

// An enumeration is stored and sent as its stable code; people see the label.
struct EnumOption {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};

struct EnumDef {
    std::string_view name;
    std::span<const EnumOption> options;

    const EnumOption* find(std::string_view code) const;
    // The Chinese label for a code, or the code itself if it is unknown.
    std::string_view label(std::string_view code) const;
};

const EnumDef* findEnum(std::string_view name);
// The Chinese label of `code` in enumeration `enumName`; the code itself when either is unknown.
std::string enumLabel(std::string_view enumName, std::string_view code);

} // namespace shouwang
