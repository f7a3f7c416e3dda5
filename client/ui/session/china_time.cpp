#include "china_time.h"

#include "domain/date.h"

#include <QString>

namespace shouwang::ui {

QDate chinaToday()
{
    return QDate::fromString(QString::fromStdString(formatDate(today())), Qt::ISODate);
}

QDateTime chinaNow()
{
    return QDateTime::fromString(QString::fromStdString(nowDateTime()), Qt::ISODate);
}

} // namespace shouwang::ui
