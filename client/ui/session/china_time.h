#pragma once

#include <QDate>
#include <QDateTime>

namespace shouwang::ui {

// Today and now in China Standard Time, as the core counts days (domain/date.h): a form's
// default date, a report's period and the core's overdue and age rules must agree even on
// a computer whose clock is set to another time zone (a laptop left on UTC), where
// QDate::currentDate() is a day off for eight hours of every day.
QDate chinaToday();
QDateTime chinaNow(); // the wall time in China, as a local date and time

} // namespace shouwang::ui
