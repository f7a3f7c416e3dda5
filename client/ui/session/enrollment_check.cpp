#include "enrollment_check.h"

#include "labels.h"
#include "ledger_session.h"

#include "domain/divisions.h"
#include "sync/sync_client.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace shouwang::ui {

QString completeServerUrl(const QString& typed)
{
    const QString url = typed.trimmed();
    if (url.isEmpty() || url.contains(QStringLiteral("://")))
        return url;
    return QStringLiteral("http://") + url;
}

QString enrollmentFieldProblem(const QString& url, const QString& code)
{
    if (url.isEmpty() && code.trimmed().isEmpty())
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Fill in the server address and the enrollment code the county gave you, "
                                           "then click Enroll this computer.");
    if (url.isEmpty())
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Fill in the server address the county gave you (for example "
                                           "http://192.168.1.10:8443), then click Enroll this computer.");
    const QUrl parsed(url, QUrl::StrictMode);
    const bool schemeOk = parsed.scheme() == u"http" || parsed.scheme() == u"https";
    if (!parsed.isValid() || !schemeOk || parsed.host().isEmpty() || url.contains(u' '))
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "The server address “%1” is not valid: write it as the county gave it, "
                                           "such as http://192.168.1.10:8443.")
            .arg(url);
    if (code.trimmed().isEmpty())
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Fill in the enrollment code the county gave you, then click Enroll this "
                                           "computer.");
    return {};
}

QString withoutLatinAsides(QString text)
{
    static const QRegularExpression aside(QStringLiteral("\\s*[（(][^（）()]*[A-Za-z][^（）()]*[）)]"));
    return text.remove(aside).trimmed();
}

QString enrollmentFailureMessage(int errorCode, const QString& detail, const QString& url)
{
    switch (static_cast<SyncErrorCode>(errorCode)) {
    case SyncErrorCode::Network:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: the server %1 did not answer. Check that the address "
                                           "and port are the ones the county gave and that this computer is on the "
                                           "network, then click Enroll this computer again.")
            .arg(url);
    case SyncErrorCode::BadEnrollmentCode:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: the enrollment code is wrong or has already been used. "
                                           "Ask the county for a new code and enroll again.");
    case SyncErrorCode::RateLimited:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: too many attempts from this computer. Wait a few "
                                           "minutes, then click Enroll this computer again.");
    case SyncErrorCode::Certificate:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: the server's certificate could not be verified. Ask the "
                                           "county administrator to check the server address and certificate.");
    case SyncErrorCode::Malformed:
    case SyncErrorCode::NotFound:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: %1 is not the county's Shouwang server. Check the "
                                           "address and port with the county.")
            .arg(url);
    case SyncErrorCode::ProtocolVersion:
        return QCoreApplication::translate("shouwang::ui::Enrollment",
                                           "Enrollment failed: this program is too old for the county's server. "
                                           "Install the version the county provides, then enroll again.");
    default:
        break;
    }
    const QString cause = withoutLatinAsides(detail);
    return cause.isEmpty()
        ? QCoreApplication::translate("shouwang::ui::Enrollment",
                                      "Enrollment failed. Check the address and code with the county and try again.")
        : QCoreApplication::translate("shouwang::ui::Enrollment", "Enrollment failed: %1").arg(cause);
}

QString scopeDisplayName(LedgerSession& session)
{
    const std::string code = session.scopeCode();
    return code.empty() ? QString() : qs(divisionPath(code));
}

} // namespace shouwang::ui
