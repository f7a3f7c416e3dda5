#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shouwang::encoding {

// A text file's bytes as UTF-8, whichever way Excel or Notepad on Chinese Windows saved it:
// UTF-8 with or without BOM, UTF-16 LE or BE with BOM ("Unicode 文本"), else GB18030 (which
// covers GBK and GB2312, what "CSV (逗号分隔)" writes there). Detected, never asked.
struct Decoded {
    std::string text;      // UTF-8 without BOM
    std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030", for the report
};

// nullopt with `error` (Chinese) when the bytes are none of these.
std::optional<Decoded> decodeText(std::string_view bytes, std::string& error);

// Conversion between UTF-8 and GB18030 (iconv on Linux, code page 54936 on Windows); nullopt
// when the input is not valid in its encoding. Tests use fromUtf8 to write GB18030 files.
std::optional<std::string> gb18030ToUtf8(std::string_view bytes);
std::optional<std::string> utf8ToGb18030(std::string_view text);

} // namespace shouwang::encoding
