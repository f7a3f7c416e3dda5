#include "text_encoding.h"

#include "csv.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <iconv.h>
#endif

#include <cerrno>

namespace shouwang::encoding {
namespace {

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// UTF-16 after its BOM; nullopt on an odd length or a broken surrogate pair.
std::optional<std::string> utf16ToUtf8(std::string_view bytes, bool bigEndian)
{
    if (bytes.size() % 2)
        return std::nullopt;
    auto unit = [&](std::size_t i) -> char32_t {
        const char32_t a = static_cast<unsigned char>(bytes[i]);
        const char32_t b = static_cast<unsigned char>(bytes[i + 1]);
        return bigEndian ? (a << 8 | b) : (b << 8 | a);
    };
    std::string out;
    out.reserve(bytes.size() * 3 / 2);
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size())
                return std::nullopt;
            const char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return std::nullopt;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return std::nullopt;
        }
        appendUtf8(out, cp);
    }
    return out;
}

#ifdef _WIN32
constexpr UINT kGb18030CodePage = 54936;

std::optional<std::wstring> toWide(UINT codePage, std::string_view bytes)
{
    if (bytes.empty())
        return std::wstring{};
    const int size = static_cast<int>(bytes.size());
    const int n = MultiByteToWideChar(codePage, MB_ERR_INVALID_CHARS, bytes.data(), size, nullptr, 0);
    if (n <= 0)
        return std::nullopt;
    std::wstring wide(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(codePage, MB_ERR_INVALID_CHARS, bytes.data(), size, wide.data(), n);
    return wide;
}

std::optional<std::string> fromWide(UINT codePage, const std::wstring& wide)
{
    if (wide.empty())
        return std::string{};
    const int size = static_cast<int>(wide.size());
    // WC_ERR_INVALID_CHARS is only accepted for UTF-8; GB18030 encodes every code point.
    const DWORD flags = codePage == CP_UTF8 ? WC_ERR_INVALID_CHARS : 0;
    const int n = WideCharToMultiByte(codePage, flags, wide.data(), size, nullptr, 0, nullptr, nullptr);
    if (n <= 0)
        return std::nullopt;
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(codePage, flags, wide.data(), size, out.data(), n, nullptr, nullptr);
    return out;
}

constexpr UINT kGbkCodePage = 936;

std::optional<std::string> convert(std::string_view bytes, bool toUtf8)
{
    // GB18030 where the system has it (every Windows since XP); GBK, what Excel writes for
    // Chinese text in practice, where it has not (wine, where the tests run).
    for (const UINT chinese : {kGb18030CodePage, kGbkCodePage}) {
        auto wide = toWide(toUtf8 ? chinese : CP_UTF8, bytes);
        if (!wide)
            continue;
        if (auto out = fromWide(toUtf8 ? CP_UTF8 : chinese, *wide))
            return out;
    }
    return std::nullopt;
}
#else
std::optional<std::string> convert(std::string_view bytes, bool toUtf8)
{
    iconv_t cd = toUtf8 ? iconv_open("UTF-8", "GB18030") : iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    std::string out;
    std::string input(bytes);
    char* in = input.data();
    std::size_t inLeft = input.size();
    char buffer[4096];
    bool ok = true;
    while (inLeft > 0) {
        char* outPtr = buffer;
        std::size_t outLeft = sizeof buffer;
        const std::size_t done = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        out.append(buffer, sizeof buffer - outLeft);
        if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
            ok = false; // EILSEQ or EINVAL: not valid in the source encoding
            break;
        }
    }
    iconv_close(cd);
    return ok ? std::optional<std::string>(std::move(out)) : std::nullopt;
}
#endif

} // namespace

std::optional<std::string> gb18030ToUtf8(std::string_view bytes)
{
    return convert(bytes, true);
}

std::optional<std::string> utf8ToGb18030(std::string_view text)
{
    return convert(text, false);
}

std::optional<Decoded> decodeText(std::string_view bytes, std::string& error)
{
    if (bytes.starts_with(csv::kUtf8Bom)) {
        bytes.remove_prefix(csv::kUtf8Bom.size());
        if (csv::isUtf8(bytes))
            return Decoded{std::string(bytes), "UTF-8"};
        error = "文件开头标明是UTF-8编码，但其中有不是UTF-8的字节，文件可能已损坏";
        return std::nullopt;
    }
    for (const bool bigEndian : {false, true}) {
        if (bytes.starts_with(bigEndian ? std::string_view("\xFE\xFF") : std::string_view("\xFF\xFE"))) {
            if (auto text = utf16ToUtf8(bytes.substr(2), bigEndian))
                return Decoded{std::move(*text), bigEndian ? "UTF-16BE" : "UTF-16LE"};
            error = "文件开头标明是UTF-16（Unicode 文本）编码，但内容不完整，文件可能已损坏";
            return std::nullopt;
        }
    }
    if (csv::isUtf8(bytes))
        return Decoded{std::string(bytes), "UTF-8"};
    if (auto text = gb18030ToUtf8(bytes))
        return Decoded{std::move(*text), "GB18030"};
    error = "无法识别文件的编码（既不是UTF-8，也不是GBK/GB18030或UTF-16）。请在Excel中“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”或“Excel 工作簿(*.xlsx)”后再导入";
    return std::nullopt;
}

} // namespace shouwang::encoding
