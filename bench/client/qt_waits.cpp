#include "qt_waits.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

namespace shouwang::bench {

namespace {

// At the window's first paint event, quits `loop` once that event is done: the window's
// children paint in the same pass, so the loop returns with the whole frame drawn.
class FirstPaint final : public QObject {
public:
    explicit FirstPaint(QEventLoop& loop)
        : m_loop(loop)
    {
    }
    bool painted = false;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            QMetaObject::invokeMethod(&m_loop, &QEventLoop::quit, Qt::QueuedConnection);
        }
        return false;
    }

private:
    QEventLoop& m_loop;
};

} // namespace

std::optional<Clock::time_point> runUntilReset(QAbstractItemModel& model, const std::function<void()>& trigger,
                                               int timeoutMs)
{
    QEventLoop loop;
    std::optional<Clock::time_point> at;
    const auto connection = QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, [&] {
        if (!at) {
            at = Clock::now();
            loop.quit();
        }
    });
    trigger();
    if (!at) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QObject::disconnect(connection);
    return at;
}

std::optional<Clock::time_point> showUntilPainted(QWidget& window, int timeoutMs)
{
    QEventLoop loop;
    FirstPaint watch(loop);
    window.installEventFilter(&watch);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    window.show();
    loop.exec();
    window.removeEventFilter(&watch);
    return watch.painted ? std::optional(Clock::now()) : std::nullopt;
}

std::optional<Clock::time_point> runUntil(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return Clock::now();
    QEventLoop loop;
    std::optional<Clock::time_point> at;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!at && done()) {
            at = Clock::now();
            loop.quit();
        }
    });
    poll.start();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return at;
}

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

} // namespace shouwang::bench
