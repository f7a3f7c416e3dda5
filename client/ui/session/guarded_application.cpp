#include "guarded_application.h"

#include "store/database.h"

#include <QDebug>
#include <QMessageBox>

namespace shouwang::ui {

GuardedApplication::GuardedApplication(int& argc, char** argv)
    : QApplication(argc, argv)
{
}

GuardedApplication::~GuardedApplication() = default;

bool GuardedApplication::notify(QObject* receiver, QEvent* event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception& e) {
        showFailure(storageFailureMessage(e));
    } catch (...) {
        showFailure(storageFailureMessage(std::runtime_error("?")));
    }
    return false;
}

void GuardedApplication::showFailure(const QString& message)
{
    ++m_failures;
    m_lastFailure = message;
    qWarning().noquote() << "guarded failure:" << message;
    // One box at a time: while it is open, later failures (every view refreshing in turn)
    // only update its text. Not modal to the event loop, so nothing waits on it.
    if (m_box) {
        m_box->setText(message);
        return;
    }
    m_box = new QMessageBox(QMessageBox::Warning, tr("Shouwang"), message, QMessageBox::Ok, activeWindow());
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    m_box->setObjectName(QStringLiteral("storageFailure"));
    m_box->open();
}

QString storageFailureMessage(const std::exception& error)
{
    const QString detail = QString::fromUtf8(error.what());
    const auto* store = dynamic_cast<const StoreError*>(&error);
    if (store && store->busy())
        return QCoreApplication::translate(
                   "shouwang::ui::GuardedApplication",
                   "The ledger file is locked by another program (%1). Close the other program (or the second "
                   "window of Shouwang), then try again. Nothing already saved is lost.")
            .arg(detail);
    if (store)
        return QCoreApplication::translate(
                   "shouwang::ui::GuardedApplication",
                   "The ledger file could not be read (%1). It may have been moved, deleted or damaged, or the "
                   "USB drive holding it removed. Put it back where it was, then try again; if it keeps "
                   "failing, restart Shouwang. Nothing already saved is lost.")
            .arg(detail);
    return QCoreApplication::translate("shouwang::ui::GuardedApplication",
                                       "Unexpected failure (%1). The program keeps running; please try again.")
        .arg(detail);
}

} // namespace shouwang::ui
