#pragma once

#include <QString>

class QCoreApplication;

namespace shouwang::ui {

// Installs the client's own Chinese translation and Qt's (qtbase_zh_CN: the buttons and
// labels of Qt's file, print and message dialogs), unless `language` is "en". Qt's
// translation is built into the program (client/ui/CMakeLists.txt), so a Windows install
// without Qt's translations folder still shows Chinese dialogs.
void installTranslations(QCoreApplication& app, const QString& language);

} // namespace shouwang::ui
