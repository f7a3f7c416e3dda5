#pragma once

#include <QString>

#include <set>
#include <string>

namespace shouwang {
struct Record;
}

namespace shouwang::ui {

class LedgerSession;

// An incident report's state as a clerk must read it. Its status field says 已上报 from the
// moment it is saved, but the township knows nothing until the change has left this device:
// 待上传 while it waits in the outbox, 已送达乡镇 once the server has acknowledged it, then
// 已受理 / 救助中 / 已办结 as the township handles it — or 被退回 when the server refused it,
// which then never reaches the township.
QString incidentStateLabel(const Record& incident, bool awaitingUpload, bool refused = false);
// The first of those steps alone: 待上传 or 已送达乡镇.
QString deliveryLabel(bool awaitingUpload);

// The incident reports written here that have not been sent yet (their ids).
std::set<std::string> incidentsAwaitingUpload(LedgerSession& session);
// Those of them the server refused (a village device only; empty elsewhere).
std::set<std::string> incidentsRefused(LedgerSession& session);

// The emergency phone of this village's township, as the county published it; "" when it
// has not (or this is not a village device).
QString townshipPhone(LedgerSession& session);

// The warning shown above every page of a village device while incident reports wait to be
// sent: how many, and to phone the township in an emergency (with the number when
// published). "" when none wait.
QString pendingIncidentsWarning(LedgerSession& session);
// "In an emergency, phone the township now" — with the number when published.
QString emergencyCallAdvice(LedgerSession& session);

} // namespace shouwang::ui
