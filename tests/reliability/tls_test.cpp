// TLS (docs/admin-guide.md §5, docs/cli.md "HTTPS"): the server serves HTTPS with the
// county's certificate; a device verifies it against the county CA given with --ca. A
// certificate the device cannot verify stops the sync at once with a clear message: it is
// not a network hiccup to retry (exit status 1, not 3). Certificates are made here with
// the openssl command, as the admin guide tells the county to.
#include "../cli/county_fixture.h"

#include <filesystem>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr const char* kOpenssl = "/usr/bin/openssl";

// A CA and a server certificate for 127.0.0.1 signed by it, in `dir` as NAME-ca.crt,
// NAME-server.crt, NAME-server.key.
void makeChain(const TempDir& dir, const std::string& name)
{
    const std::string scratch = dir.path().string(), p = dir.file(name);
    const std::vector<std::vector<std::string>> steps = {
        {kOpenssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
         p + "-ca.key", "-out", p + "-ca.crt", "-days", "2", "-subj", "/O=Test County/CN=" + name + " CA"},
        {kOpenssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
         p + "-server.key", "-out", p + "-server.csr", "-subj", "/CN=127.0.0.1", "-addext",
         "subjectAltName=IP:127.0.0.1,DNS:localhost"},
        {kOpenssl, "x509", "-req", "-in", p + "-server.csr", "-CA", p + "-ca.crt", "-CAkey", p + "-ca.key",
         "-CAcreateserial", "-out", p + "-server.crt", "-days", "2", "-copy_extensions", "copy"},
    };
    for (const auto& step : steps) {
        const Exec e = run(step, scratch);
        INFO(e.err);
        REQUIRE(e.status == 0);
    }
}

// The county's server, restarted on its port to serve HTTPS with the chain `name`.
std::string serveTls(County& county, const std::string& name)
{
    const int port = county.server.port();
    county.server.stop();
    county.server.extraArgs = {"--cert", county.dir.file(name + "-server.crt"), "--key", county.dir.file(name + "-server.key")};
    county.server.start(port);
    return "https://127.0.0.1:" + std::to_string(county.server.port());
}

} // namespace

TEST_CASE("a device syncs over HTTPS with the county CA, and without it stops at once with a certificate message")
{
    if (!std::filesystem::exists(kOpenssl)) {
        WARN("openssl command not found: TLS test not run");
        return;
    }
    County county;
    makeChain(county.dir, "county");
    makeChain(county.dir, "stranger");
    const std::string url = serveTls(county, "county");
    const std::string scratch = county.dir.path().string();

    // With the county CA: enroll and sync work, and the CA file is remembered.
    const std::string good = county.dir.file("good.db");
    const Exec enrolled = run({SHOUWANG_CLI_EXE, "--db", good, "enroll", "--server", url, "--code",
                               county.code(std::string("village:") + kVillageA), "--ca", county.dir.file("county-ca.crt")},
                              scratch);
    INFO(enrolled.err);
    REQUIRE(enrolled.status == 0);
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", good, "demo", "--elders", "2"}, scratch).status == 0);
    const Exec synced = run({SHOUWANG_CLI_EXE, "--db", good, "sync"}, scratch);
    INFO(synced.err);
    CHECK(synced.status == 0);

    // Without a CA that vouches for the server (system store only, or another CA): status
    // 1, one clear line, and no time spent backing off (retries would meet the same cert).
    for (const std::vector<std::string>& caArgs : std::vector<std::vector<std::string>>{
             {}, {"--ca", county.dir.file("stranger-ca.crt")}}) {
        std::vector<std::string> args{SHOUWANG_CLI_EXE, "--db", county.dir.file("bad.db"), "enroll", "--server", url,
                                      "--code", county.code(std::string("village:") + kVillageA), "--retry-delay-ms", "5000"};
        args.insert(args.end(), caArgs.begin(), caArgs.end());
        const auto started = std::chrono::steady_clock::now();
        const Exec refused = run(args, scratch);
        INFO(refused.err);
        CHECK(refused.status == 1);
        CHECK(refused.err.find("无法验证服务器的证书") != std::string::npos);
        CHECK(refused.err.find("CERTIFICATE") != std::string::npos);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
    }

    // The server comes back with a certificate of another CA (a wrong machine, or a man in
    // the middle): the enrolled device stops with the same message and keeps its outbox.
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", good, "demo", "--elders", "1", "--seed", "9"}, scratch).status == 0);
    serveTls(county, "stranger");
    const Exec intercepted = run({SHOUWANG_CLI_EXE, "--db", good, "sync", "--retry-delay-ms", "5000"}, scratch);
    CHECK(intercepted.status == 1);
    CHECK(intercepted.err.find("CERTIFICATE") != std::string::npos);
    const Exec status = run({SHOUWANG_CLI_EXE, "--db", good, "status"}, scratch);
    CHECK(status.out.find("pending 0\n") == std::string::npos); // the new changes wait
}

TEST_CASE("the sync client reports an untrusted certificate as CERTIFICATE, not to be retried")
{
    if (!std::filesystem::exists(kOpenssl))
        return;
    County county;
    makeChain(county.dir, "county");
    const std::string url = serveTls(county, "county");
    Device device(county.dir, "village");
    device.ledger->meta().set(meta::kServerUrl, url);
    device.options.maxAttempts = 4;
    device.options.baseDelay = std::chrono::milliseconds(2000);
    net::BeastTransport transport(url, Device::shortTimeouts()); // no CA: the system store
    const auto started = std::chrono::steady_clock::now();
    const EnrollResult result = SyncClient(*device.ledger, transport).enroll(county.code(std::string("village:") + kVillageA),
                                                                            "笔记本", device.options);
    CHECK(result.error.code == SyncErrorCode::Certificate);
    CHECK_FALSE(result.error.tryAgain);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("the server offers forward secrecy with authenticated encryption only: ECDHE with AEAD on TLS 1.2, and TLS 1.3")
{
    if (!std::filesystem::exists(kOpenssl))
        return;
    County county;
    makeChain(county.dir, "county");
    serveTls(county, "county");
    const std::string scratch = county.dir.path().string();
    const auto handshake = [&](const std::string& options) {
        const Exec e = run({"/bin/sh", "-c",
                            std::string(kOpenssl) + " s_client -connect 127.0.0.1:" + std::to_string(county.server.port())
                                + " " + options + " </dev/null"},
                           scratch);
        return e.status == 0 && e.out.find("Cipher is (NONE)") == std::string::npos;
    };
    CHECK(handshake("-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256"));
    CHECK(handshake("-tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305"));
    CHECK(handshake("-tls1_3"));
    CHECK_FALSE(handshake("-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA"));    // CBC: no AEAD
    CHECK_FALSE(handshake("-tls1_2 -cipher ECDHE-ECDSA-AES256-SHA384")); // CBC
    CHECK_FALSE(handshake("-tls1_1"));
}
