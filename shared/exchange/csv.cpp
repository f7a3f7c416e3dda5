#include "csv.h"

#include "domain/text.h"

namespace shouwang::csv {

Document parse(std::string_view text, char separator)
{
    Document doc;
    if (text.starts_with(kUtf8Bom))
        text.remove_prefix(kUtf8Bom.size());

    std::size_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        Row row;
        row.line = line;
        std::string field;
        bool rowDone = false;
        while (!rowDone) {
            if (i < text.size() && text[i] == '"') {
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field += '"';
                            ++i;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n')
                            ++line;
                        field += c;
                    }
                }
                if (!closed) {
                    doc.error = "第" + std::to_string(row.line) + "行的引号没有闭合，该行及其后的内容无法读取";
                    doc.errorLine = row.line;
                    return doc;
                }
            }
            // Unquoted text, or whatever follows a closing quote up to the separator.
            while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r')
                field += text[i++];
            row.fields.push_back(std::move(field));
            field.clear();
            if (i >= text.size()) {
                rowDone = true;
            } else if (text[i] == separator) {
                ++i;
            } else {
                if (text[i] == '\r')
                    ++i;
                if (i < text.size() && text[i] == '\n')
                    ++i;
                ++line;
                rowDone = true;
            }
        }
        doc.rows.push_back(std::move(row));
    }
    return doc;
}

std::string quote(std::string_view field)
{
    const bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos
        || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs)
        return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {

bool isPlainNumber(std::string_view text)
{
    std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9')
            digits = true;
        else if (text[i] == '.' && !dot)
            dot = true;
        else
            return false;
    }
    return digits;
}

// Whether a spreadsheet could take the cell for a formula (or a DDE call).
bool looksLikeFormula(std::string_view field)
{
    const auto start = field.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return false;
    const char first = field[start];
    if (first != '=' && first != '+' && first != '-' && first != '@')
        return false;
    return !isPlainNumber(field.substr(start));
}

// Cells that already start with quotes before such text are guarded too, so that import can
// tell a guard from a ' that was typed: the mapping is one to one.
bool needsGuard(std::string_view field)
{
    const auto text = field.find_first_not_of('\'');
    return text != std::string_view::npos && looksLikeFormula(field.substr(text));
}

} // namespace

std::string neutralise(std::string_view field)
{
    return needsGuard(field) ? "'" + std::string(field) : std::string(field);
}

std::string_view unneutralise(std::string_view field)
{
    return field.size() > 1 && field[0] == '\'' && needsGuard(field.substr(1)) ? field.substr(1) : field;
}

void writeRow(std::ostream& out, const std::vector<std::string>& fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out << ',';
        out << quote(neutralise(fields[i]));
    }
    out << "\r\n";
}

bool isUtf8(std::string_view text)
{
    return shouwang::isUtf8(text);
}

} // namespace shouwang::csv
