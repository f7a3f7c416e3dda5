#pragma once

#include "ui/session/ledger_session.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

namespace shouwang::test {

// A fresh ledger file for one test, configured for one village with an operator.
struct GuiLedger {
    static constexpr const char* kVillage = "500154001200";

    QTemporaryDir dir;
    std::unique_ptr<ui::LedgerSession> session;

    GuiLedger();
    QString path() const { return dir.filePath(QStringLiteral("ledger.db")); }
    // Saves an elder through the core (for tests about other screens); returns its id.
    std::string addElder(const std::string& name, const std::string& birth, const std::string& living);
    // Saves a visit dated `daysAgo` days before today.
    void addVisit(const std::string& elderId, int daysAgo);
};

// A valid 18-digit ID number for someone born on `birth` (YYYYMMDD), with the check digit.
std::string validIdNumber(const std::string& birthYyyymmdd, int serial = 123);

} // namespace shouwang::test

class QWidget;
class QString;

namespace shouwang::test {
// Types text into a widget as key presses carrying the characters (QTest::keyClicks takes
// only ASCII; a Chinese name arrives from the input method the same way).
void typeInto(QWidget* widget, const QString& text);
} // namespace shouwang::test
