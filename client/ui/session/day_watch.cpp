#include "day_watch.h"

#include "ledger_session.h"
#include "ledger_task.h"

#include "domain/date.h"
#include "store/database.h"
#include "store/meta.h"

#include <QTimer>

namespace shouwang::ui {
namespace {
constexpr int kCheckEveryMs = 60 * 1000;
} // namespace

DayWatch::DayWatch(LedgerSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kCheckEveryMs);
    connect(m_timer, &QTimer::timeout, this, &DayWatch::check);
    m_timer->start();
    QTimer::singleShot(0, this, &DayWatch::check);
}

DayWatch::~DayWatch() = default;

void DayWatch::check()
{
    if (m_refreshing)
        return;
    // One small read a minute on this thread; the refresh itself runs on the worker. A file
    // that cannot be read now is tried again next minute: the user hears of it from what
    // they are doing (GuardedApplication), not from this background check.
    try {
        if (m_session.ledger().meta().value(meta::kDerivedDay) == formatDate(today()))
            return;
    } catch (const StoreError&) {
        return;
    }
    m_refreshing = true;
    LedgerTask* task = LedgerTask::start(m_session.path(), [](LedgerSession& own, LedgerTask&) {
        own.ledger().derived().refreshForToday();
        return QString();
    });
    connect(task, &LedgerTask::finished, this, [this](bool ok, const QString&) {
        m_refreshing = false;
        m_session.ledger().derived().forgetStandard();
        if (ok)
            m_session.notifyChanged();
        emit refreshed(ok);
    });
}

} // namespace shouwang::ui
