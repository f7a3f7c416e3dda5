#pragma once

#include <QString>

namespace shouwang::ui {

class LedgerSession;

// Enrollment (登记本机) in the clerk's words: the fields checked before anything is sent,
// and what came back said as one Chinese sentence with its cause and the next step — never
// called a sync, never English from the network library, never "will retry" when it will not.

// The server address as typed, with "http://" added when no scheme was given.
QString completeServerUrl(const QString& typed);
// Why these fields cannot be sent; "" when they can.
QString enrollmentFieldProblem(const QString& url, const QString& code);
// The message for an enrollment that failed with `errorCode` (SyncErrorCode) and the sync
// client's `detail`.
QString enrollmentFailureMessage(int errorCode, const QString& detail, const QString& url);
// A Chinese message from the sync client without the network library's English reason in
// brackets ("（Connection refused）"), which a clerk cannot act on.
QString withoutLatinAsides(QString text);
// The scope as people name it: the village (or township, county) from the divisions table.
QString scopeDisplayName(LedgerSession& session);

} // namespace shouwang::ui
