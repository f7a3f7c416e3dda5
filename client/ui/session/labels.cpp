#include "labels.h"

#include "domain/enums.h"
#include "domain/schema.h"

#include <QCoreApplication>
#include <QStringList>

namespace shouwang::ui {
namespace {
bool g_chinese = true;
}

bool chineseLabels()
{
    return g_chinese;
}

void setChineseLabels(bool chinese)
{
    g_chinese = chinese;
}

QString label(const EntityDef& entity)
{
    return qs(g_chinese ? entity.zh : entity.en);
}

QString label(const FieldDef& field)
{
    return qs(g_chinese ? field.zh : field.en);
}

QString label(const EnumOption& option)
{
    return qs(g_chinese ? option.zh : option.en);
}

QString enumLabel(std::string_view enumName, std::string_view code)
{
    if (const EnumDef* def = findEnum(enumName)) {
        if (const EnumOption* option = def->find(code))
            return label(*option);
    }
    return qs(code);
}

QString enumSetLabel(std::string_view enumName, std::string_view codes)
{
    QStringList labels;
    for (const QString& code : qs(codes).split(u',', Qt::SkipEmptyParts))
        labels << enumLabel(enumName, ss(code));
    return labels.join(QStringLiteral("、"));
}

QString plainHttpWarning()
{
    return QCoreApplication::translate(
        "shouwang::ui::ServerAddress",
        "This address is plain http:// to another computer: anyone on the network in between can read the "
        "records and change what this computer receives. Ask the county for its https:// address and CA certificate.");
}

} // namespace shouwang::ui
