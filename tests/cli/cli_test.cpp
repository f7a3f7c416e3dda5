// The `shouwang` command line as an admin's script sees it: words, output lines, exit statuses.
#include "county_fixture.h"

#include "sync/protocol.h"

#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

struct Cli {
    TempDir dir;
    Exec operator()(std::vector<std::string> args) const
    {
        args.insert(args.begin(), SHOUWANG_CLI_EXE);
        return run(args, dir.path().string());
    }
};

std::size_t lines(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("--help and --version succeed and say what the tool is")
{
    Cli cli;
    const Exec help = cli({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("export-bundle") != std::string::npos);
    const Exec version = cli({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.rfind("shouwang ", 0) == 0);
    // The protocol the tool speaks, from the one constant the sync code uses.
    CHECK(version.out.find("(protocol " + std::to_string(protocol::kVersion) + ")\n") != std::string::npos);
}

TEST_CASE("a wrong command line fails with status 2 and one line in Chinese and English")
{
    Cli cli;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"sync"}, {"--db", cli.dir.file("x.db")}, {"--db", cli.dir.file("x.db"), "fly"}, {"--db", "x.db", "--bogus", "sync"}}) {
        const Exec e = cli(args);
        CHECK(e.status == 2);
        CHECK(lines(e.err) == 1);
        CHECK(e.err.find(" / ") != std::string::npos);
    }
}

TEST_CASE("a sync that cannot reach the server exits 3 (try again later) and keeps the outbox")
{
    Cli cli;
    County county;
    const std::string db = cli.dir.file("v.db");
    REQUIRE(cli({"--db", db, "enroll", "--server", county.server.url(), "--code", county.code("village:500154102200")}).status == 0);
    REQUIRE(cli({"--db", db, "demo", "--elders", "2"}).status == 0);
    county.server.stop();
    const Exec e = cli({"--db", db, "sync", "--retries", "2", "--retry-delay-ms", "0"});
    CHECK(e.status == 3);
    CHECK(lines(e.err) == 1);
    CHECK(e.err.find("服务器暂时无法连接") != std::string::npos);
    CHECK(e.err.find("NETWORK") != std::string::npos);
    const Exec status = cli({"--db", db, "status"});
    CHECK(valueOf(status.out, "pending") != "0");
    CHECK(valueOf(status.out, "last-error").find("服务器暂时无法连接") != std::string::npos);
}

TEST_CASE("a used enrollment code is refused with status 1 and the server's reason")
{
    Cli cli;
    County county;
    const std::string code = county.code("village:500154102200");
    REQUIRE(cli({"--db", cli.dir.file("a.db"), "enroll", "--server", county.server.url(), "--code", code}).status == 0);
    const Exec again = cli({"--db", cli.dir.file("b.db"), "enroll", "--server", county.server.url(), "--code", code});
    CHECK(again.status == 1);
    CHECK(lines(again.err) == 1);
    CHECK(again.err.find("BAD_ENROLLMENT_CODE") != std::string::npos);
}

TEST_CASE("enroll, demo, sync, stats and status work end to end, and a second village pulls nothing of the first")
{
    Cli cli;
    County county;
    const std::string a = cli.dir.file("a.db"), b = cli.dir.file("b.db");
    const Exec enrolled = cli({"--db", a, "enroll", "--server", county.server.url(), "--code", county.code("village:500154102200"),
                               "--name", "大坝村委会"});
    REQUIRE(enrolled.status == 0);
    CHECK(valueOf(enrolled.out, "scope") == "village:500154102200");
    REQUIRE(cli({"--db", b, "enroll", "--server", county.server.url(), "--code", county.code("village:500154102201")}).status == 0);

    const Exec demo = cli({"--db", a, "demo", "--elders", "5"});
    REQUIRE(demo.status == 0);
    CHECK(valueOf(demo.out, "elders") == "5");
    const Exec synced = cli({"--db", a, "sync"});
    REQUIRE(synced.status == 0);
    CHECK(valueOf(synced.out, "acknowledged") == valueOf(synced.out, "pushed"));
    CHECK(valueOf(synced.out, "refused") == "0");

    const Exec stats = cli({"--db", a, "stats"});
    REQUIRE(stats.status == 0);
    CHECK(valueOf(stats.out, "elder") == "5");
    CHECK(valueOf(stats.out, "pending") == "0");
    CHECK(valueOf(stats.out, "conflicts") == "0");
    const Exec serverStats = county.admin({"stats"});
    CHECK(valueOf(serverStats.out, "elder") == "5");
    CHECK(valueOf(serverStats.out, "visit") == valueOf(stats.out, "visit"));

    const Exec other = cli({"--db", b, "sync"});
    REQUIRE(other.status == 0);
    CHECK(valueOf(cli({"--db", b, "stats"}).out, "elder") == "0");

    const Exec status = cli({"--db", a, "status"});
    REQUIRE(status.status == 0);
    CHECK(valueOf(status.out, "scope") == "village:500154102200");
    CHECK(valueOf(status.out, "last-sync") != "-");
    CHECK(valueOf(status.out, "last-error") == "-");
}

TEST_CASE("export-bundle and import-bundle carry a village's changes through the server's import, once")
{
    Cli cli;
    County county;
    const std::string a = cli.dir.file("a.db");
    REQUIRE(cli({"--db", a, "enroll", "--server", county.server.url(), "--code", county.code("village:500154102200")}).status == 0);
    REQUIRE(cli({"--db", a, "demo", "--elders", "3"}).status == 0);
    const std::string out = cli.dir.file("out.shw"), answer = cli.dir.file("answer.shw");
    const Exec exported = cli({"--db", a, "export-bundle", out});
    REQUIRE(exported.status == 0);
    const std::string changes = valueOf(exported.out, "changes");
    REQUIRE(county.admin({"import-bundle", out, "--answer", answer}).status == 0);
    const Exec imported = cli({"--db", a, "import-bundle", answer});
    REQUIRE(imported.status == 0);
    CHECK(valueOf(imported.out, "acknowledged") == changes);
    CHECK(valueOf(cli({"--db", a, "import-bundle", answer}).out, "acknowledged") == "0");
    CHECK(valueOf(cli({"--db", a, "stats"}).out, "pending") == "0");
    // The village's own export is not an answer: importing it back is refused.
    const Exec wrong = cli({"--db", a, "import-bundle", out});
    CHECK(wrong.status == 1);
    CHECK(lines(wrong.err) == 1);
}

TEST_CASE("enroll and sync warn about a plain http:// address of another machine, never about this one")
{
    Cli cli;
    County county;
    const std::string db = cli.dir.file("v.db");
    const Exec local = cli({"--db", db, "enroll", "--server", county.server.url(), "--code", county.code("village:500154102200")});
    REQUIRE(local.status == 0);
    CHECK(local.err.find("http://") == std::string::npos);
    CHECK(cli({"--db", db, "sync"}).err.find("http://") == std::string::npos);

    // TEST-NET-1 (RFC 5737): never a real machine, so the attempt fails after the warning.
    const Exec remote = cli({"--db", cli.dir.file("w.db"), "enroll", "--server", "http://192.0.2.1:9", "--code",
                             "AAAA-BBBB-CCCC", "--timeout", "1", "--retries", "1"});
    CHECK(remote.status != 0);
    CHECK(remote.err.find("未加密的 http://") != std::string::npos);
    CHECK(remote.err.find("plain http://") != std::string::npos);
}
