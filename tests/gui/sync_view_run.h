#pragma once

// Runs one job of the real sync page (enroll, sync now) on its worker thread and waits for
// it, as a clerk waits for the page to say it is done.

#include "server_process.h"

#include "ui/sync/sync_view.h"

#include <QDebug>
#include <QLineEdit>
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

// Enrolls the page's ledger with `county` for `scope`, as the clerk types server and code.
inline bool enrolls(ui::SyncView& view, const CountyServer& county, const QString& scope)
{
    view.serverEdit()->setText(county.url);
    view.codeEdit()->setText(county.enrollmentCode(scope));
    return finishes(view, &ui::SyncView::enroll);
}

} // namespace shouwang::test
