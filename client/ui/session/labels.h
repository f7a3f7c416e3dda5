#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace shouwang {
struct EntityDef;
struct FieldDef;
struct EnumOption;
}

namespace shouwang::ui {

// The domain carries its own bilingual labels (schema.cpp, enums.cpp); the UI picks the
// Chinese or the English one by the language the user chose, so a field is named the same
// way in every form, list and printout.
bool chineseLabels();
void setChineseLabels(bool chinese);

QString label(const EntityDef& entity);
QString label(const FieldDef& field);
QString label(const EnumOption& option);
// The label of one code of an enumeration, or the code itself when unknown.
QString enumLabel(std::string_view enumName, std::string_view code);
// Labels of a comma-separated list of codes, joined by "、".
QString enumSetLabel(std::string_view enumName, std::string_view codes);

// Shown under every field where a server address is typed, when it is plain http:// to
// another machine (net::isPlainHttpOffLoopback).
QString plainHttpWarning();

inline QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
inline std::string ss(const QString& text)
{
    return text.toStdString();
}

} // namespace shouwang::ui
