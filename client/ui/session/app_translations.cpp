#include "app_translations.h"

#include "labels.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace shouwang::ui {

void installTranslations(QCoreApplication& app, const QString& language)
{
    setChineseLabels(language != u"en");
    if (language == u"en")
        return;
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/shouwang_zh_CN.qm")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral(":/i18n/qtbase_zh_CN.qm"))
        || qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace shouwang::ui
