#include "load_commands.h"

#include "bench_report.h"
#include "fixture.h"
#include "http_load.h"
#include "ledger_queries.h"
#include "wire_json.h"

#include "client/net/beast_transport.h"
#include "domain/date.h"
#include "domain/ids.h"
#include "store/change_codec.h"
#include "store/elder_query.h"
#include "store/ledger.h"
#include "store/meta.h"
#include "sync/gzip.h"
#include "sync/protocol.h"
#include "sync/sync_client.h"

#include "shouwang/sync.pb.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace shouwang::bench {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string option(const std::vector<std::string>& args, const std::string& name, const std::string& fallback = {})
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--" + name)
            return args[i + 1];
    }
    if (fallback.empty())
        throw std::invalid_argument("missing --" + name);
    return fallback;
}

std::vector<std::vector<std::string>> readPlan(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<std::string> row;
        for (std::string w; words >> w;)
            row.push_back(w);
        if (!row.empty())
            rows.push_back(std::move(row));
    }
    return rows;
}

// The body as SyncClient sends it: without the local sequence numbers, gzip above 4 KiB.
struct Body {
    std::string bytes;
    bool gzip = false;
};

Body pushBody(const std::vector<Change>& changes, std::size_t from, std::size_t to)
{
    wire::PushRequest request;
    request.set_protocol_version(protocol::kVersion);
    for (std::size_t i = from; i < to; ++i) {
        wire::Change* out = request.add_changes();
        toWire(changes[i], *out);
        out->clear_seq(); // as SyncClient::pushBatch: the village's own numbering stays home
    }
    Body body{request.SerializeAsString(), false};
    if (body.bytes.size() > 4096) {
        body.bytes = gzip::compress(body.bytes);
        body.gzip = true;
    }
    return body;
}

std::optional<std::string> plainBody(const HttpReply& reply)
{
    if (!reply.gzip)
        return reply.body;
    return gzip::decompress(reply.body, 256 * 1024 * 1024);
}

// Counts how many results of a push answer were accepted.
int acceptedIn(const HttpReply& reply)
{
    auto body = plainBody(reply);
    wire::PushResponse answer;
    if (reply.status != 200 || !body || !answer.ParseFromString(*body))
        return -1;
    int n = 0;
    for (const auto& r : answer.results())
        n += r.accepted() ? 1 : 0;
    return n;
}

// Why a push was not taken whole, in the server's words: its error, or its first change's.
std::string whyRefused(const HttpReply& reply)
{
    auto body = plainBody(reply);
    wire::Error error;
    if (reply.status != 200 && body && error.ParseFromString(*body)) {
        for (const auto& r : error.results()) {
            if (!r.accepted())
                return error.message() + " (" + r.error().message() + ")";
        }
        return error.message();
    }
    wire::PushResponse answer;
    if (body && answer.ParseFromString(*body)) {
        for (const auto& r : answer.results()) {
            if (!r.accepted())
                return r.error().message();
        }
    }
    return reply.error;
}

// ---- load-upload -------------------------------------------------------------------------

int loadUpload(const std::vector<std::string>& args)
{
    const auto servers = endpointsOf(option(args, "url"));
    const auto plan = readPlan(option(args, "plan"));
    const int connections = std::stoi(option(args, "connections", "4"));
    asio::io_context io;
    std::atomic<std::size_t> next{0};
    std::size_t changes = 0, accepted = 0, requests = 0, bytesOut = 0, errors = 0;
    std::string firstError;
    const auto start = Clock::now();
    auto worker = [&](asio::ip::tcp::endpoint server) -> asio::awaitable<void> {
        LoadConnection connection(io, server);
        for (std::size_t v = next++; v < plan.size(); v = next++) {
            const std::string& token = plan[v].at(0);
            std::vector<Change> outbox;
            {
                auto db = openLedgerDatabase(plan[v].at(1));
                Ledger ledger(*db);
                outbox = ledger.changeLog().pending(100000000);
            }
            for (std::size_t from = 0; from < outbox.size(); from += protocol::kDefaultPushBatch) {
                const std::size_t to = std::min(outbox.size(), from + protocol::kDefaultPushBatch);
                const Body body = pushBody(outbox, from, to);
                const HttpReply reply = co_await connection.post(protocol::kPushPath, body.bytes, body.gzip, token);
                ++requests;
                bytesOut += body.bytes.size();
                changes += to - from;
                const int ok = acceptedIn(reply);
                if (ok != static_cast<int>(to - from)) {
                    ++errors;
                    if (firstError.empty())
                        firstError = "status " + std::to_string(reply.status) + " " + reply.error;
                }
                accepted += ok > 0 ? static_cast<std::size_t>(ok) : 0;
            }
        }
        connection.close();
    };
    // With several server processes (scenario 8) the connections are split between them.
    for (int c = 0; c < connections; ++c)
        asio::co_spawn(io, worker(servers[static_cast<std::size_t>(c) % servers.size()]), asio::detached);
    io.run();
    const double seconds = secondsSince(start);
    std::printf("seconds %.3f\nchanges %zu\naccepted %zu\nrequests %zu\nbytes_out %zu\nerrors %zu\nfirst_error %s\n",
                seconds, changes, accepted, requests, bytesOut, errors, firstError.empty() ? "-" : firstError.c_str());
    return 0;
}

// ---- load-rush ---------------------------------------------------------------------------

struct RushDevice {
    std::string token;
    Body push;
    std::size_t changes = 0;
};

int loadRush(const std::vector<std::string>& args)
{
    const auto servers = endpointsOf(option(args, "url"));
    const auto plan = readPlan(option(args, "plan"));
    const std::uint64_t cursor = std::stoull(option(args, "cursor", "0"));
    const std::string cursorEpoch = option(args, "cursor-epoch", "");
    const int perDevice = std::stoi(option(args, "changes", "50"));
    // 0: every device at the same instant; else starts spread evenly over this window.
    const int spreadMs = std::stoi(option(args, "spread-ms", "0"));

    std::vector<RushDevice> devices;
    for (const auto& row : plan) {
        // token deviceId templateHex
        std::string bytes;
        for (std::size_t i = 0; i + 1 < row.at(2).size(); i += 2)
            bytes.push_back(static_cast<char>(std::stoi(row[2].substr(i, 2), nullptr, 16)));
        auto visit = parseChange(bytes);
        if (!visit)
            throw std::runtime_error("bad template change in the plan");
        const auto changes = dayOfWork(*visit, row.at(1), perDevice);
        devices.push_back({row[0], pushBody(changes, 0, changes.size()), changes.size()});
    }

    asio::io_context io;
    std::vector<double> pushMs, pullMs, syncMs;
    std::size_t requests = 0, errors = 0, pulled = 0, accepted = 0;
    std::string firstError;
    auto fail = [&](const std::string& why) {
        ++errors;
        if (firstError.empty())
            firstError = why;
    };
    auto device = [&](RushDevice& d, int delayMs, asio::ip::tcp::endpoint server) -> asio::awaitable<void> {
        if (delayMs > 0) {
            asio::steady_timer wait(io, std::chrono::milliseconds(delayMs));
            co_await wait.async_wait(asio::use_awaitable);
        }
        LoadConnection connection(io, server);
        const auto begin = Clock::now();
        auto t = Clock::now();
        HttpReply reply = co_await connection.post(protocol::kPushPath, d.push.bytes, d.push.gzip, d.token);
        pushMs.push_back(secondsSince(t) * 1000);
        ++requests;
        const int ok = acceptedIn(reply);
        if (ok != static_cast<int>(d.changes))
            fail("push: status " + std::to_string(reply.status) + " " + whyRefused(reply));
        accepted += ok > 0 ? static_cast<std::size_t>(ok) : 0;
        std::uint64_t at = cursor;
        std::string epoch = cursorEpoch;
        for (int page = 0; page < 1000; ++page) {
            wire::PullRequest request;
            request.set_protocol_version(protocol::kVersion);
            request.set_cursor(at);
            request.set_cursor_epoch(epoch);
            t = Clock::now();
            reply = co_await connection.post(protocol::kPullPath, request.SerializeAsString(), false, d.token);
            pullMs.push_back(secondsSince(t) * 1000);
            ++requests;
            auto body = plainBody(reply);
            wire::PullResponse answer;
            if (reply.status != 200 || !body || !answer.ParseFromString(*body)) {
                fail("pull: status " + std::to_string(reply.status) + " " + reply.error);
                break;
            }
            if (answer.cursor_reset()) { // the rush's pulls would be a whole new replica's
                fail("pull: the server voided the cursor");
                break;
            }
            pulled += static_cast<std::size_t>(answer.changes_size());
            at = answer.next_cursor();
            epoch = answer.cursor_epoch();
            if (!answer.has_more())
                break;
        }
        syncMs.push_back(secondsSince(begin) * 1000);
        connection.close();
    };
    const auto start = Clock::now();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const int delay = spreadMs > 0 ? static_cast<int>(static_cast<long>(spreadMs) * static_cast<long>(i)
                                                          / static_cast<long>(devices.size()))
                                       : 0;
        // With several server processes (scenario 8) the devices are split between them.
        asio::co_spawn(io, device(devices[i], delay, servers[i % servers.size()]), asio::detached);
    }
    io.run();
    const double seconds = secondsSince(start);
    std::printf("devices %zu\nseconds %.3f\nrequests %zu\nerrors %zu\naccepted %zu\npulled %zu\n", devices.size(),
                seconds, requests, errors, accepted, pulled);
    std::printf("push_p50 %.1f\npush_p99 %.1f\npush_max %.1f\n", percentileValue(pushMs, 50),
                percentileValue(pushMs, 99), percentileValue(pushMs, 100));
    std::printf("pull_p50 %.1f\npull_p99 %.1f\n", percentileValue(pullMs, 50), percentileValue(pullMs, 99));
    std::printf("sync_p50 %.1f\nsync_p99 %.1f\nfirst_error %s\n", percentileValue(syncMs, 50),
                percentileValue(syncMs, 99), firstError.empty() ? "-" : firstError.c_str());
    return 0;
}

// ---- client-pull -------------------------------------------------------------------------

// Counts what crosses the wire (bodies as sent and received, gzip included).
class CountingTransport final : public Transport {
public:
    explicit CountingTransport(Transport& inner)
        : m_inner(inner)
    {
    }
    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override
    {
        bytesOut += body.size();
        ++requests;
        HttpResponse response = m_inner.post(path, body, headers);
        bytesIn += response.body.size();
        return response;
    }
    std::size_t bytesIn = 0, bytesOut = 0, requests = 0;

private:
    Transport& m_inner;
};

// Bytes this process has caused to be written to storage so far (Linux /proc/self/io
// write_bytes: the file, its WAL and checkpoints, as the disk sees them); 0 elsewhere.
std::uint64_t bytesWrittenToDisk()
{
    std::ifstream io("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (io >> key >> value) {
        if (key == "write_bytes:")
            return value;
    }
    return 0;
}

int clientPull(const std::vector<std::string>& args)
{
    const std::string url = option(args, "url");
    const auto start = Clock::now();
    auto db = openLedgerDatabase(option(args, "db"));
    Ledger ledger(*db);
    ledger.meta().set(meta::kServerUrl, url);
    net::BeastTransport beast(url);
    CountingTransport transport(beast);
    SyncClient client(ledger, transport);
    const EnrollResult enrolled = client.enroll(option(args, "code"), "bench laptop");
    if (!enrolled.ok()) {
        std::printf("error enroll: %s\n", enrolled.error.message.c_str());
        return 1;
    }
    const double enrollSeconds = secondsSince(start);
    const auto syncStart = Clock::now();
    SyncOptions options;
    options.pullLimit = protocol::kMaxPullLimit;
    // "replay": the whole history, as before snapshots (docs/protocol.md, "Snapshot").
    options.snapshot = option(args, "mode", "snapshot") != "replay";
    const std::uint64_t writtenBefore = bytesWrittenToDisk();
    const SyncReport report = client.sync(options);
    db->exec("PRAGMA wal_checkpoint(TRUNCATE)"); // what closing the file would write anyway
    const double syncSeconds = secondsSince(syncStart);
    const std::uint64_t written = bytesWrittenToDisk() - writtenBefore;
    std::uintmax_t fileBytes = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ignored;
        const auto size = std::filesystem::file_size(option(args, "db") + suffix, ignored);
        fileBytes += ignored ? 0 : size;
    }
    std::printf("snapshot_records %zu\nbytes_written %llu\nfile_bytes %llu\n", report.snapshotRecords,
                static_cast<unsigned long long>(written), static_cast<unsigned long long>(fileBytes));
    std::printf("enroll_seconds %.3f\nsync_seconds %.3f\ntotal_seconds %.3f\npulled %zu\nrequests %zu\n",
                enrollSeconds, syncSeconds, secondsSince(start), report.pulled, transport.requests);
    std::printf("bytes_in %zu\nbytes_out %zu\nelders %zu\nvisits %zu\nerror %s\n", transport.bytesIn,
                transport.bytesOut, ledger.count("elder"), ledger.count("visit"),
                report.ok() ? "-" : report.error.message.c_str());
    return report.ok() ? 0 : 1;
}

// ---- client-queries ----------------------------------------------------------------------

int clientQueries(const std::vector<std::string>& args)
{
    const auto start = Clock::now();
    auto db = openLedgerDatabase(option(args, "db"));
    Ledger ledger(*db);
    const Date day = today();
    ElderFilter firstPage;
    firstPage.limit = 500;
    auto rows = findElders(*db, firstPage, day);
    const std::size_t total = countElders(*db, ElderFilter{}, day);
    const double coldSeconds = secondsSince(start);
    std::printf("cold_start_ms %.1f\nelders %zu\nfirst_page %zu\n", coldSeconds * 1000, total, rows.size());

    const std::vector<LedgerQuery> queries = ledgerQueries(rows);

    const int repeats = std::stoi(option(args, "repeats", "20"));
    for (const auto& q : queries) {
        std::vector<double> ms;
        std::size_t found = 0, count = 0;
        for (int r = 0; r < repeats; ++r) {
            const auto t = Clock::now();
            // What the table does: the page it shows and the count in the status bar.
            found = findElders(*db, q.filter, day).size();
            ElderFilter all = q.filter;
            all.limit = 0;
            count = countElders(*db, all, day);
            ms.push_back(secondsSince(t) * 1000);
        }
        std::printf("q.%s.p50 %.2f\nq.%s.p95 %.2f\nq.%s.rows %zu\nq.%s.count %zu\n", q.name.c_str(),
                    percentileValue(ms, 50), q.name.c_str(), percentileValue(ms, 95), q.name.c_str(), found,
                    q.name.c_str(), count);
    }
    return 0;
}

} // namespace

int runChildCommand(const std::string& command, const std::vector<std::string>& args)
{
    if (command == "load-upload")
        return loadUpload(args);
    if (command == "load-rush")
        return loadRush(args);
    if (command == "client-pull")
        return clientPull(args);
    if (command == "client-queries")
        return clientQueries(args);
    return -1;
}

} // namespace shouwang::bench
