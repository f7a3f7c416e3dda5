#pragma once

// Runs one job of the real sync page (enroll, sync now) on its worker thread and waits for
// it, as a clerk waits for the page to say it is done.

#include "ui/sync/sync_view.h"

#include <QDebug>
#include <QSignalSpy>

namespace shouwang::test {

inline bool finishes(ui::SyncView& view, void (ui::SyncView::*job)())
{
    QSignalSpy finished(&view, &ui::SyncView::syncFinished);
    (view.*job)();
    if (!finished.wait(60000))
        return false;
    if (!finished.first().first().toBool())
        qWarning() << view.resultText();
    return finished.first().first().toBool();
}

} // namespace shouwang::test
