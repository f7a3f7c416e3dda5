// Scenario 6: the same records replicated from PouchDB to pouchdb-server, against our
// upload of the same villages, in the same run.
#include "child_process.h"
#include "scenarios.h"
#include "wire_json.h"

#include "domain/schema.h"
#include "store/ledger.h"

#include <filesystem>
#include <fstream>

namespace shouwang::bench {

namespace fs = std::filesystem;

namespace {

// One document per record, as a PouchDB app would keep the ledger.
std::size_t exportDocuments(const std::vector<VillageLedger>& villages, const std::string& path)
{
    std::ofstream out(path);
    std::size_t docs = 0;
    for (const auto& v : villages) {
        auto db = openLedgerDatabase(v.dbPath);
        Ledger ledger(*db);
        ListFilter all;
        all.includeDeleted = true;
        for (const auto& entity : entities()) {
            for (const auto& record : ledger.list(entity.name, all)) {
                std::string line = "{";
                appendJsonMember(line, "_id", record.id);
                appendJsonMember(line, "type", record.entity);
                appendJsonMember(line, "village_code", record.villageCode);
                appendJsonMember(line, "created_at", record.createdAt);
                appendJsonMember(line, "updated_at", record.updatedAt);
                line += record.deleted ? ",\"deleted\":true" : ",\"deleted\":false";
                for (const auto& [name, value] : record.values)
                    appendJsonMember(line, name, value);
                out << line << "}\n";
                ++docs;
            }
        }
    }
    return docs;
}

} // namespace

void runPeer(BenchRun& run)
{
    Report& r = run.report;
    const std::string peerDir = SHOUWANG_BENCH_PEER_DIR;
    if (!fs::exists(fs::path(peerDir) / "node_modules" / "pouchdb-server")) {
        r.note("6 peer skipped: bench/peer/node_modules missing (tools/bench.sh runs `npm ci` there)");
        return;
    }
    std::vector<VillageLedger> subset(run.villages.begin(),
                                      run.villages.begin() + static_cast<long>(std::min(run.scale.peerVillages,
                                                                                         run.villages.size())));
    std::size_t changes = 0;
    for (const auto& v : subset)
        changes += v.changes;
    const std::string docsFile = (fs::path(run.workDir) / "peer-docs.jsonl").string();
    const std::size_t docs = exportDocuments(subset, docsFile);

    // Ours: the same villages through a fresh server, one connection like one replication.
    const std::string db = run.freshCountyDb("peer-county.db");
    const UploadOutcome ours = uploadThroughServer(run, subset, db, 1);

    const ChildResult peer = runChild({"/usr/bin/env", "node", peerDir + "/replicate.js", docsFile,
                                       (fs::path(run.workDir) / "pouchdb").string()},
                                      run.errLog);
    const Facts f = parseFacts(peer.out);
    const double peerSeconds = factNumber(f, "seconds");
    if (peer.exitCode != 0 || peerSeconds <= 0) {
        r.note("6 peer failed (node exit " + std::to_string(peer.exitCode) + "); see " + run.errLog);
        return;
    }
    const double ratio = peerSeconds / ours.seconds;
    r.add({"6 peer", std::to_string(subset.size()) + " villages, " + thousands(static_cast<double>(docs))
                         + " records: PouchDB → pouchdb-server seconds",
           fixed(peerSeconds, 2), "", ""});
    r.add({"6 peer", "ours: " + thousands(static_cast<double>(changes)) + " changes → shouwang-server seconds (1 connection)",
           fixed(ours.seconds, 2), "", ours.errors == 0 ? "" : "ERRORS"});
    r.add({"6 peer", "PouchDB time / our time", fixed(ratio, 1) + "×", "≫ 1 (wide margin)", ratio >= 2 ? "met" : "MISSED"});
    r.add({"6 peer", "peak memory: pouchdb-server / PouchDB client",
           megabytes(factNumber(f, "server_peak_kb") * 1024) + " / " + megabytes(factNumber(f, "local_peak_kb") * 1024),
           "", ""});
    r.add({"6 peer", "peak memory: shouwang-server / our load process",
           megabytes(ours.serverPeakKb * 1024.0) + " / " + megabytes(ours.loadPeakKb * 1024.0), "", ""});
    if (factNumber(f, "remote_docs") != static_cast<double>(docs))
        r.note("peer: pouchdb-server holds " + fixed(factNumber(f, "remote_docs"), 0) + " of " + std::to_string(docs)
               + " documents");
}

} // namespace shouwang::bench
