#include "gui_fixture.h"

#include "domain/idcard.h"
#include "ui/session/china_time.h"

#include <QDate>
#include <QtTest>

namespace shouwang::test {

GuiLedger::GuiLedger()
    : session(std::make_unique<ui::LedgerSession>(path()))
{
    session->setVillage(kVillage);
    session->setOperatorName("测试员");
}

std::string GuiLedger::addElder(const std::string& name, const std::string& birth, const std::string& living)
{
    static int serial = 100;
    Record elder;
    elder.entity = "elder";
    elder.set("name", name);
    elder.set("id_number", validIdNumber(birth, ++serial));
    elder.set("living", living);
    elder.set("status", "active");
    SaveResult result = session->save(elder);
    if (!result.ok())
        qFatal("fixture elder refused: %s", result.message.c_str());
    return elder.id;
}

void GuiLedger::addVisit(const std::string& elderId, int daysAgo)
{
    Record visit;
    visit.entity = "visit";
    visit.set("elder_id", elderId);
    visit.set("date", ui::chinaToday().addDays(-daysAgo).toString(Qt::ISODate).toStdString());
    visit.set("mode", "home");
    visit.set("visitor", "测试员");
    visit.set("finding", "normal");
    SaveResult result = session->save(visit);
    if (!result.ok())
        qFatal("fixture visit refused: %s", result.message.c_str());
}

std::string validIdNumber(const std::string& birthYyyymmdd, int serial)
{
    const std::string first17 = "500154" + birthYyyymmdd + std::to_string(100 + serial % 900);
    return first17 + idCheckDigit(first17);
}

} // namespace shouwang::test

namespace shouwang::test {

void typeInto(QWidget* widget, const QString& text)
{
    widget->setFocus();
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &release);
    }
}

} // namespace shouwang::test
