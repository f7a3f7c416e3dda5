// The real shouwang-server process on 127.0.0.1: started on port 0 with a temp database,
// driven over HTTP with a tiny synchronous Beast client, killed and restarted.
#include "../support/process.h"
#include "../support/temp_dir.h"

#include "store/change_codec.h"
#include "sync/protocol.h"

#include "domain/hlc.h"
#include "domain/ids.h"

#include "shouwang/sync.pb.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace shouwang;

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

struct RunResult {
    int status = -1;
    std::string output; // stdout and stderr together
};

// `args`: words separated by spaces (none of the tests' words has one).
RunResult runServerCli(const std::string& args)
{
    const test::TempDir scratch;
    std::vector<std::string> argv{SHOUWANG_SERVER_EXE};
    std::istringstream words(args);
    for (std::string word; words >> word;)
        argv.push_back(word);
    const test::Exec done = test::run(argv, scratch.path().string());
    return {done.status, done.out + done.err};
}

std::string lastLine(const std::string& text)
{
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n')
        trimmed.pop_back();
    return trimmed.substr(trimmed.rfind('\n') + 1);
}

// `shouwang-server serve` over `db` with two threads, started on a port the system chose.
struct Serve : test::ServerProcess {
    Serve(const test::TempDir& dir, const std::string& db)
        : test::ServerProcess(SHOUWANG_SERVER_EXE, db, dir.path().string())
    {
        extraArgs = {"--threads", "2"};
        start();
    }
    unsigned short portNumber() const { return static_cast<unsigned short>(port()); }
};

struct HttpAnswer {
    unsigned status = 0;
    std::string body;
};

HttpAnswer call(unsigned short port, http::verb verb, std::string_view target, const std::string& body = {},
                const std::string& token = {})
{
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, protocol::kContentType);
    if (!token.empty())
        req.set(http::field::authorization, "Bearer " + token);
    req.body() = body;
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    beast::error_code ec;
    stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
    return {res.result_int(), res.body()};
}

std::string enrollBody(const std::string& code, const std::string& deviceId)
{
    wire::EnrollRequest req;
    req.set_protocol_version(protocol::kVersion);
    req.set_code(code);
    req.set_device_id(deviceId);
    req.set_device_name("测试笔记本");
    return req.SerializeAsString();
}

std::string pushBody(const std::string& deviceId, int count, std::uint64_t& counter)
{
    wire::PushRequest req;
    req.set_protocol_version(protocol::kVersion);
    for (int i = 0; i < count; ++i) {
        Change c;
        c.changeId = newUuid();
        c.entity = "household";
        c.recordId = newUuid();
        c.villageCode = "500154102200";
        c.hlc = Hlc{(static_cast<std::uint64_t>(HybridClock::systemMillis()) << 16) | (++counter & 0xffff), deviceId};
        c.fields = {{"head_name", "户主" + std::to_string(counter), {}}, {"address", "二组", {}}};
        toWire(c, *req.add_changes());
    }
    return req.SerializeAsString();
}

int acceptedIn(const HttpAnswer& answer)
{
    wire::PushResponse res;
    if (answer.status != 200 || !res.ParseFromString(answer.body))
        return -1;
    int n = 0;
    for (const auto& r : res.results())
        n += r.accepted() ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("the command line answers --help and --version with status 0", "[cli]")
{
    auto help = runServerCli("--help");
    CHECK(help.status == 0);
    CHECK(help.output.find("enroll --scope") != std::string::npos);
    auto version = runServerCli("--version");
    CHECK(version.status == 0);
    CHECK(version.output.rfind("shouwang-server ", 0) == 0);
    CHECK(version.output.find("(protocol " + std::to_string(protocol::kVersion) + ")") != std::string::npos);
    auto bad = runServerCli("--db /nonexistent/x.db frobnicate");
    CHECK(bad.status != 0);
    CHECK(bad.output.find("error") != std::string::npos);
}

TEST_CASE("init refuses unknown counties and enroll prints the code last and refuses scopes outside the county", "[cli]")
{
    test::TempDir dir;
    const std::string db = dir.file("county.db");
    CHECK(runServerCli("--db " + db + " init --county 999999").status != 0);
    auto init = runServerCli("--db " + db + " init --county 500154");
    REQUIRE(init.status == 0);
    CHECK(init.output.find("500154") != std::string::npos);

    auto enroll = runServerCli("--db " + db + " enroll --scope village:500154102200 --expires-days 3");
    REQUIRE(enroll.status == 0);
    const std::string code = lastLine(enroll.output);
    CHECK(code.size() == 14);
    CHECK(code[4] == '-');
    CHECK(code[9] == '-');
    CHECK(runServerCli("--db " + db + " enroll --scope village:500101001001").status != 0);
    CHECK(runServerCli("--db " + db + " enroll --scope township:500154999").status != 0);

    auto stats = runServerCli("--db " + db + " stats");
    REQUIRE(stats.status == 0);
    CHECK(stats.output.rfind("household 0\nelder 0\n", 0) == 0);
    CHECK(stats.output.find("\npending 0\nconflicts 0\n") != std::string::npos);
}

TEST_CASE("the real server serves healthz enroll push and pull and SIGKILL between batches loses nothing acknowledged", "[process]")
{
    test::TempDir dir;
    const std::string db = dir.file("county.db");
    REQUIRE(runServerCli("--db " + db + " init --county 500154").status == 0);
    const std::string villageCode = lastLine(runServerCli("--db " + db + " enroll --scope village:500154102200").output);
    const std::string countyCode = lastLine(runServerCli("--db " + db + " enroll --scope county:500154").output);
    const std::string village = newUuid(), county = newUuid();
    std::uint64_t counter = 0;
    int acknowledged = 0;
    std::string villageToken, countyToken;

    {
        Serve server(dir, db);
        auto health = call(server.portNumber(), http::verb::get, "/healthz");
        CHECK(health.status == 200);
        CHECK(health.body == "ok\n");
        wire::EnrollResponse enrolled;
        auto e1 = call(server.portNumber(), http::verb::post, protocol::kEnrollPath, enrollBody(villageCode, village));
        REQUIRE(e1.status == 200);
        REQUIRE(enrolled.ParseFromString(e1.body));
        villageToken = enrolled.token();
        auto e2 = call(server.portNumber(), http::verb::post, protocol::kEnrollPath, enrollBody(countyCode, county));
        REQUIRE(e2.status == 200);
        REQUIRE(enrolled.ParseFromString(e2.body));
        countyToken = enrolled.token();

        const int n = acceptedIn(call(server.portNumber(), http::verb::post, protocol::kPushPath, pushBody(village, 20, counter), villageToken));
        REQUIRE(n == 20);
        acknowledged += n;
        CHECK(server.stop(SIGKILL) == -SIGKILL);
    }
    {
        Serve server(dir, db);
        const int n = acceptedIn(call(server.portNumber(), http::verb::post, protocol::kPushPath, pushBody(village, 30, counter), villageToken));
        REQUIRE(n == 30);
        acknowledged += n;
        CHECK(server.stop(SIGKILL) == -SIGKILL);
    }
    {
        Serve server(dir, db);
        wire::PullRequest req;
        req.set_protocol_version(protocol::kVersion);
        auto pulled = call(server.portNumber(), http::verb::post, protocol::kPullPath, req.SerializeAsString(), countyToken);
        REQUIRE(pulled.status == 200);
        wire::PullResponse page;
        REQUIRE(page.ParseFromString(pulled.body));
        CHECK(page.changes_size() == acknowledged);
        CHECK_FALSE(page.has_more());
        auto metrics = call(server.portNumber(), http::verb::get, "/metrics");
        CHECK(metrics.body.find("shouwang_requests_total{path=\"/api/v1/sync/pull\",status=\"200\"} 1") != std::string::npos);
        // SIGTERM is a clean stop: status 0.
        CHECK(server.stop(SIGTERM) == 0);
    }
    auto stats = runServerCli("--db " + db + " stats");
    CHECK(stats.output.rfind("household " + std::to_string(acknowledged) + "\n", 0) == 0);
}
