// The one place that reads .xlsx: minizip for the zip, expat for the XML parts.
#include "xlsx_reader.h"

#include "domain/date.h"

#include <expat.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace shouwang::xlsx {
namespace {

// Excel's own limits (a sheet has 16,384 columns and 1,048,576 rows), and what one part of a
// workbook may unpack to: a 100,000-elder ledger's sheet is well under 100 MB of XML.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxPartBytes = std::size_t{512} << 20;
// Cells held while a sheet is read, empty ones before a filled one included: a 100,000-row
// ledger of 30 columns holds 3 million; a forged sheet of far-right cells would hold billions.
constexpr std::size_t kMaxCells = 10'000'000;

// minizip reading from memory: the caller has the file's bytes already (read through the
// same helpers on every platform, so a path with Chinese characters works on Windows too).
struct MemoryFile {
    std::string_view bytes;
    std::size_t position = 0;
};

voidpf ZCALLBACK memOpen(voidpf opaque, const void*, int)
{
    return opaque;
}
uLong ZCALLBACK memRead(voidpf, voidpf stream, void* buf, uLong size)
{
    auto* file = static_cast<MemoryFile*>(stream);
    const std::size_t n = std::min<std::size_t>(size, file->bytes.size() - file->position);
    std::memcpy(buf, file->bytes.data() + file->position, n);
    file->position += n;
    return static_cast<uLong>(n);
}
uLong ZCALLBACK memWrite(voidpf, voidpf, const void*, uLong)
{
    return 0;
}
ZPOS64_T ZCALLBACK memTell(voidpf, voidpf stream)
{
    return static_cast<MemoryFile*>(stream)->position;
}
long ZCALLBACK memSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto* file = static_cast<MemoryFile*>(stream);
    ZPOS64_T base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = file->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = file->bytes.size();
    if (base + offset > file->bytes.size())
        return -1;
    file->position = static_cast<std::size_t>(base + offset);
    return 0;
}
int ZCALLBACK memClose(voidpf, voidpf)
{
    return 0;
}
int ZCALLBACK memError(voidpf, voidpf)
{
    return 0;
}

class Zip {
public:
    explicit Zip(std::string_view bytes)
        : m_file{bytes}
    {
        zlib_filefunc64_def functions{memOpen, memRead, memWrite, memTell, memSeek, memClose, memError, &m_file};
        m_zip = unzOpen2_64("memory", &functions);
    }
    ~Zip()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;
    bool ok() const { return m_zip != nullptr; }

    // A part's bytes, nullopt when the workbook has no such part (or it is damaged).
    std::optional<std::string> part(const std::string& name)
    {
        if (unzLocateFile(m_zip, name.c_str(), 0) != UNZ_OK || unzOpenCurrentFile(m_zip) != UNZ_OK)
            return std::nullopt;
        std::string out;
        char buffer[16384];
        int n = 0;
        while ((n = unzReadCurrentFile(m_zip, buffer, sizeof buffer)) > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
            if (out.size() > kMaxPartBytes) { // a zip bomb, not a ledger: refuse it before memory runs out
                unzCloseCurrentFile(m_zip);
                return std::nullopt;
            }
        }
        const bool crcOk = unzCloseCurrentFile(m_zip) == UNZ_OK;
        if (n < 0 || !crcOk)
            return std::nullopt;
        return out;
    }

private:
    MemoryFile m_file;
    unzFile m_zip = nullptr;
};

// An expat parse with callbacks by local element name (the namespace prefix some writers
// put on every element is dropped). False when the XML is not well formed.
struct XmlHandlers {
    std::function<void(std::string_view name, const char** attributes)> start;
    std::function<void(std::string_view name)> end;
    std::function<void(std::string_view text)> text;
};

std::string_view localName(const char* name)
{
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attributes, std::string_view wanted)
{
    for (int i = 0; attributes[i]; i += 2) {
        if (localName(attributes[i]) == wanted)
            return attributes[i + 1];
    }
    return nullptr;
}

bool parseXml(const std::string& xml, XmlHandlers& handlers)
{
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &handlers);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* h = static_cast<XmlHandlers*>(data);
            if (h->start)
                h->start(localName(name), attributes);
        },
        [](void* data, const XML_Char* name) {
            auto* h = static_cast<XmlHandlers*>(data);
            if (h->end)
                h->end(localName(name));
        });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int len) {
        auto* h = static_cast<XmlHandlers*>(data);
        if (h->text)
            h->text(std::string_view(text, static_cast<std::size_t>(len)));
    });
    const bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
    XML_ParserFree(parser);
    return ok;
}

std::vector<std::string> sharedStrings(Zip& zip)
{
    std::vector<std::string> strings;
    const auto xml = zip.part("xl/sharedStrings.xml");
    if (!xml)
        return strings;
    bool inText = false;
    bool inPhonetic = false; // <rPh>: the furigana-like reading Excel may keep, not the text
    XmlHandlers h;
    h.start = [&](std::string_view name, const char**) {
        if (name == "si")
            strings.emplace_back();
        else if (name == "rPh")
            inPhonetic = true;
        else if (name == "t" && !inPhonetic)
            inText = true;
    };
    h.end = [&](std::string_view name) {
        if (name == "t")
            inText = false;
        else if (name == "rPh")
            inPhonetic = false;
    };
    h.text = [&](std::string_view text) {
        if (inText && !strings.empty())
            strings.back() += text;
    };
    parseXml(*xml, h);
    return strings;
}

// Excel's built-in date formats, and a custom format with y, m or d outside quotes and
// brackets (yyyy"年"m"月"d"日", yyyy/m/d).
bool isDateFormat(int id, const std::string& code)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    bool quoted = false, bracket = false;
    for (char c : code) {
        if (c == '"')
            quoted = !quoted;
        else if (c == '[')
            bracket = true;
        else if (c == ']')
            bracket = false;
        else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D'))
            return true;
    }
    return false;
}

// Per cell style index: whether the style shows a date.
std::vector<bool> dateStyles(Zip& zip)
{
    std::vector<bool> styles;
    const auto xml = zip.part("xl/styles.xml");
    if (!xml)
        return styles;
    std::map<int, std::string> customFormats;
    std::vector<int> formatIds;
    bool inCellXfs = false;
    XmlHandlers h;
    h.start = [&](std::string_view name, const char** attributes) {
        if (name == "numFmt") {
            const char* id = attribute(attributes, "numFmtId");
            const char* code = attribute(attributes, "formatCode");
            if (id && code)
                customFormats[std::atoi(id)] = code;
        } else if (name == "cellXfs") {
            inCellXfs = true;
        } else if (name == "xf" && inCellXfs) {
            const char* id = attribute(attributes, "numFmtId");
            formatIds.push_back(id ? std::atoi(id) : 0);
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "cellXfs")
            inCellXfs = false;
    };
    parseXml(*xml, h);
    for (int id : formatIds)
        styles.push_back(isDateFormat(id, customFormats.count(id) ? customFormats[id] : std::string{}));
    return styles;
}

// "AB12" → column 27 (0-based), row 12.
std::pair<std::size_t, std::size_t> cellPosition(std::string_view ref)
{
    std::size_t column = 0, row = 0, i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
        column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i)
        row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
    return {column == 0 ? 0 : column - 1, row};
}

std::string serialAsDate(const std::string& value)
{
    char* end = nullptr;
    const double serial = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || serial < 1 || serial > 2958465)
        return value;
    using namespace std::chrono;
    return formatDate(sys_days(year{1899} / December / 30) + days{static_cast<int>(serial)});
}

struct SheetEntry {
    std::string name;
    std::string part; // "xl/worksheets/sheet1.xml"
};

std::vector<SheetEntry> sheetEntries(Zip& zip)
{
    std::map<std::string, std::string> targets; // relationship id → part
    if (const auto rels = zip.part("xl/_rels/workbook.xml.rels")) {
        XmlHandlers h;
        h.start = [&](std::string_view name, const char** attributes) {
            const char* id = attribute(attributes, "Id");
            const char* target = attribute(attributes, "Target");
            if (name == "Relationship" && id && target) {
                std::string part = target;
                part = part.starts_with('/') ? part.substr(1) : "xl/" + part;
                targets[id] = part;
            }
        };
        parseXml(*rels, h);
    }
    std::vector<SheetEntry> sheets;
    if (const auto workbook = zip.part("xl/workbook.xml")) {
        XmlHandlers h;
        h.start = [&](std::string_view name, const char** attributes) {
            const char* sheetName = attribute(attributes, "name");
            const char* id = attribute(attributes, "id");
            if (name == "sheet" && sheetName && id && targets.count(id))
                sheets.push_back({sheetName, targets[id]});
        };
        parseXml(*workbook, h);
    }
    return sheets;
}

} // namespace

bool looksLikeZip(std::string_view bytes)
{
    return bytes.starts_with("PK\x03\x04");
}

bool looksLikeOldXls(std::string_view bytes)
{
    return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

Sheet readSheet(std::string_view fileBytes, const std::string& sheetName)
{
    Sheet sheet;
    Zip zip(fileBytes);
    if (!zip.ok()) {
        sheet.error = "文件不是有效的Excel工作簿（.xlsx），可能已损坏";
        return sheet;
    }
    const std::vector<SheetEntry> entries = sheetEntries(zip);
    for (const SheetEntry& entry : entries)
        sheet.sheetNames.push_back(entry.name);
    if (entries.empty()) {
        sheet.error = "Excel工作簿中没有工作表，文件可能已损坏";
        return sheet;
    }
    auto chosen = sheetName.empty() ? entries.begin()
                                    : std::find_if(entries.begin(), entries.end(),
                                                   [&](const SheetEntry& e) { return e.name == sheetName; });
    if (chosen == entries.end()) {
        std::string names;
        for (const SheetEntry& entry : entries)
            names += (names.empty() ? "" : "、") + entry.name;
        sheet.error = "工作簿中没有名为“" + sheetName + "”的工作表（有：" + names + "）";
        return sheet;
    }
    sheet.name = chosen->name;
    const auto xml = zip.part(chosen->part);
    if (!xml) {
        sheet.error = "无法读取工作表“" + chosen->name + "”，文件可能已损坏";
        return sheet;
    }
    const std::vector<std::string> strings = sharedStrings(zip);
    const std::vector<bool> dates = dateStyles(zip);

    // The cell being read: its column, type, style and the text gathered from <v> or <is><t>.
    std::size_t rowNumber = 0, column = 0, nextColumn = 0;
    std::string type, value;
    std::size_t style = 0;
    bool inValue = false, inInline = false, inText = false;
    std::map<std::size_t, csv::Row> rows;
    bool outOfRange = false;
    std::size_t cellsHeld = 0;
    XmlHandlers h;
    h.start = [&](std::string_view name, const char** attributes) {
        if (name == "row") {
            const char* r = attribute(attributes, "r");
            rowNumber = r ? static_cast<std::size_t>(std::atol(r)) : rowNumber + 1;
            nextColumn = 0;
        } else if (name == "c") {
            const char* r = attribute(attributes, "r");
            column = r ? cellPosition(r).first : nextColumn;
            nextColumn = column + 1;
            const char* t = attribute(attributes, "t");
            type = t ? t : "n";
            const char* s = attribute(attributes, "s");
            style = s ? static_cast<std::size_t>(std::atol(s)) : 0;
            value.clear();
        } else if (name == "v") {
            inValue = true;
        } else if (name == "is") {
            inInline = true;
        } else if (name == "t" && inInline) {
            inText = true;
        }
    };
    h.end = [&](std::string_view name) {
        if (name == "v") {
            inValue = false;
        } else if (name == "t") {
            inText = false;
        } else if (name == "is") {
            inInline = false;
        } else if (name == "c") {
            std::string text;
            if (type == "s") {
                const auto index = static_cast<std::size_t>(std::atol(value.c_str()));
                text = index < strings.size() ? strings[index] : std::string{};
            } else if (type == "b") {
                text = value == "1" ? "是" : "否";
            } else if (type == "n" && style < dates.size() && dates[style] && !value.empty()) {
                text = serialAsDate(value);
            } else {
                text = value; // str (a formula's result), inlineStr, e (an error such as #N/A), plain numbers
            }
            if (column >= kMaxColumns || rowNumber > kMaxRows) {
                outOfRange = true; // beyond any sheet Excel can write: a damaged or forged file
            } else if (!text.empty()) {
                csv::Row& row = rows[rowNumber];
                row.line = rowNumber;
                if (row.fields.size() <= column) {
                    cellsHeld += column + 1 - row.fields.size();
                    if (cellsHeld > kMaxCells) {
                        outOfRange = true;
                        return;
                    }
                    row.fields.resize(column + 1);
                }
                row.fields[column] = std::move(text);
            }
        }
    };
    h.text = [&](std::string_view text) {
        if (inValue || inText)
            value += text;
    };
    if (!parseXml(*xml, h) || outOfRange) {
        sheet.error = "工作表“" + chosen->name + "”的内容无法读取，文件可能已损坏";
        return sheet;
    }
    for (auto& [number, row] : rows)
        sheet.rows.push_back(std::move(row));
    return sheet;
}

} // namespace shouwang::xlsx
