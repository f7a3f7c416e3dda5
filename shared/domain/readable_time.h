#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// A stored time (YYYY-MM-DDTHH:MM:SS, optionally with fractions or a zone) as people read
// it on screens and in workbooks: "2026-12-02 13:25". A plain date and anything that is not
// such a time come back as they are.
inline std::string readableDateTime(std::string_view stored)
{
    if (stored.size() < 16 || stored[10] != 'T' || stored[13] != ':')
        return std::string(stored);
    std::string out(stored.substr(0, 16));
    out[10] = ' ';
    return out;
}

} // namespace shouwang
