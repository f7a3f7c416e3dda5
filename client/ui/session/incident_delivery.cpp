#include "incident_delivery.h"

#include "labels.h"
#include "ledger_session.h"

#include "domain/incident_workflow.h"
#include "domain/schema_names.h"
#include "store/delivery_state.h"

#include <QCoreApplication>

namespace shouwang::ui {

QString deliveryLabel(bool awaitingUpload)
{
    return awaitingUpload ? QCoreApplication::translate("shouwang::ui::IncidentDelivery", "Waiting to upload")
                          : QCoreApplication::translate("shouwang::ui::IncidentDelivery", "Delivered to the township");
}

QString incidentStateLabel(const Record& incident, bool awaitingUpload, bool refused)
{
    if (refused && !awaitingUpload)
        return QCoreApplication::translate("shouwang::ui::IncidentDelivery",
                                           "Refused by the county, not delivered (see the change history)");
    const std::string& status = incident.value(schema::incident::status);
    if (status.empty() || status == incident_status::kReported)
        return deliveryLabel(awaitingUpload);
    const QString handled = enumLabel("incident_status", status);
    return awaitingUpload
        ? QCoreApplication::translate("shouwang::ui::IncidentDelivery", "%1 (not yet uploaded)").arg(handled)
        : handled;
}

std::set<std::string> incidentsAwaitingUpload(LedgerSession& session)
{
    return recordsAwaitingUpload(session.database(), "incident");
}

std::set<std::string> incidentsRefused(LedgerSession& session)
{
    // The query reads the whole change log: cheap on a village's ledger, not on a county's.
    if (session.villageCode().empty())
        return {};
    return recordsRefused(session.database(), "incident");
}

QString townshipPhone(LedgerSession& session)
{
    const std::string village = session.villageCode();
    if (village.empty())
        return {};
    ListFilter filter;
    filter.villagePrefix = session.countyCode();
    filter.equals
        = {{schema::township_contact::township_code, std::string(enclosingCode(village, DivisionLevel::Township))}};
    filter.orderBy = "updated_at";
    filter.descending = true;
    filter.limit = 1;
    const auto contacts = session.list(schema::township_contact::entity, filter);
    return contacts.empty() ? QString() : qs(contacts.front().value(schema::township_contact::phone));
}

QString emergencyCallAdvice(LedgerSession& session)
{
    const QString phone = townshipPhone(session);
    return phone.isEmpty()
        ? QCoreApplication::translate("shouwang::ui::IncidentDelivery", "In an emergency, phone the township now.")
        : QCoreApplication::translate("shouwang::ui::IncidentDelivery", "In an emergency, phone the township now: %1.")
              .arg(phone);
}

QString pendingIncidentsWarning(LedgerSession& session)
{
    // A village reports to its township; a township's or county's unsent changes to a report
    // are its handling, which the village learns of at the next sync anyway.
    if (session.villageCode().empty())
        return {};
    // Reports the township has never seen: an edit still unsent to a report it already has
    // (or one it handled) is not an emergency left unreported.
    int waiting = 0;
    for (const std::string& id : incidentsAwaitingUpload(session)) {
        const auto incident = session.get(schema::incident::entity, id);
        waiting += incident && !incident->deleted
            && incident->value(schema::incident::status) == incident_status::kReported;
    }
    if (waiting == 0)
        return {};
    return QCoreApplication::translate("shouwang::ui::IncidentDelivery",
                                       "%n incident report(s) have not reached the township yet (waiting to upload). ",
                                       nullptr, waiting)
        + emergencyCallAdvice(session);
}

} // namespace shouwang::ui
