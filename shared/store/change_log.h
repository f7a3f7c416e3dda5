#pragma once

#include "domain/change.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

class Database;
class Statement;

enum class ChangeOrigin { Local = 0, Remote = 1 };
enum class ChangeState { Pending = 0, Acknowledged = 1, Refused = 2 };

struct LoggedChange {
    Change change;
    ChangeOrigin origin = ChangeOrigin::Local;
    ChangeState state = ChangeState::Pending;
    int errorCode = 0;
    std::string errorMessage;
    std::string loggedAt;
};

// The change log (DESIGN.md §4): every change a replica made or received, in the same
// transaction as the data it describes. Local pending rows are the outbox.
class ChangeLog {
public:
    explicit ChangeLog(Database& db)
        : m_db(db)
    {
    }

    // Appends a change; returns its sequence number, or nullopt if the change id is
    // already logged (a duplicate delivery). `encoded`: the change's bytes as received
    // (ReceivedChange::bytes), stored as they are but for the head its columns hold
    // (changeHead); empty: the change is encoded here.
    std::optional<std::uint64_t> append(const Change& change, ChangeOrigin origin,
                                        ChangeState state = ChangeState::Pending, std::string_view encoded = {});
    // As append, for a caller that does not need the place: the insert is sent ahead
    // (Statement::send), so a merge on a database server does not wait for each one.
    void add(const Change& change, ChangeOrigin origin, ChangeState state, std::string_view encoded = {});
    bool contains(std::string_view changeId);
    std::optional<LoggedChange> get(std::string_view changeId);
    std::optional<std::uint64_t> seqOf(std::string_view changeId);

    // The outbox, oldest first.
    std::vector<Change> pending(std::size_t limit);
    // What a push sends: the outbox and the received changes being relayed, oldest first.
    std::vector<Change> outgoing(std::size_t limit);

    // Relaying to a county restored from a backup (docs/protocol.md, "Lifecycle"): the
    // changes this replica received from local seq `firstSeq` on are sent back, for the
    // county may have lost them with their author's copy. Each leaves the relay when the
    // county has answered for it (endRelay: true if it was being relayed).
    std::size_t relayFrom(std::uint64_t firstSeq);
    bool endRelay(std::string_view changeId);
    // Where each stretch (epoch) of the county's log began arriving here, and the first local
    // seq of the latest one of `known` (0 when none is known).
    void noteEpoch(std::string_view epoch, std::uint64_t firstSeq);
    std::uint64_t receivedSinceEpochs(const std::vector<std::string>& known);
    std::size_t pendingCount();
    // Whether any change came here from the county (a replica that has synced before).
    bool hasReceived();
    // The latest change received (not made here) from each village under `villagePrefix`:
    // (village code, logged_at), by code.
    std::vector<std::pair<std::string, std::string>> lastReceivedByVillage(std::string_view villagePrefix);
    // Both return whether the change moved (it was pending).
    bool markAcknowledged(std::string_view changeId);
    // Quarantines a change the server refused: kept, shown to the user, not sent again.
    // Only a pending change moves, so a replayed answer (a bundle imported twice) never
    // overturns an earlier acknowledgement.
    bool markRefused(std::string_view changeId, int code, std::string_view message);
    std::vector<LoggedChange> refused();

    // Who made the change to `recordId` stamped `hlc` ("" when it is not logged here).
    std::string operatorOf(std::string_view recordId, const Hlc& hlc);
    // Removes a change that is being stamped again under a new id.
    void remove(std::string_view changeId);
    // Puts back in the outbox this device's acknowledged changes logged after `lastChangeId`
    // (all of them when it is empty): the county no longer holds them (docs/protocol.md,
    // "Lifecycle"). Returns how many.
    // `device` "" means changes stamped with any id (a ledger enrolled again). Remembered as
    // re-sends until acknowledged (isResend).
    // `received`: also what came back from the county stamped with `device` (one of this
    // ledger's earlier ids, after the laptop itself was restored).
    std::size_t resendAfter(std::string_view lastChangeId, std::string_view device, bool received = false);
    bool isResend(std::string_view changeId);

    // Received changes this replica could read only in part (a newer county's fields or
    // entities): kept, to be applied whole once the replica is upgraded.
    void defer(std::string_view changeId);
    void undefer(std::string_view changeId);
    std::vector<Change> deferred();

    // What happened to one record, oldest first (the record's change history).
    std::vector<LoggedChange> history(std::string_view recordId);

    // Changes after `cursor` (server side), for the villages a scope covers. `villagePrefix`
    // selects by code prefix ("" for all); `alsoCodes` adds exact codes (county reference
    // data for a village). Changes made by `excludeDevice` are skipped.
    std::vector<Change> after(std::uint64_t cursor, std::string_view villagePrefix, const std::vector<std::string>& alsoCodes,
                              std::string_view excludeDevice, std::size_t limit, std::uint64_t& lastSeqScanned,
                              bool& more);
    std::uint64_t lastSeq();

private:
    // The insert of append and add, bound: it returns the place, or no row for a duplicate.
    Statement& bindAppend(const Change& change, ChangeOrigin origin, ChangeState state, std::string_view encoded);
    Database& m_db;
};

} // namespace shouwang
