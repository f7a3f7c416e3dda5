// enroll, register-file, sync, export-bundle, import-bundle: the device's side of the protocol.
#include "cli.h"

#include "net/beast_transport.h"
#include "net/server_url.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "store/database.h"
#include "store/id_number_notices.h"
#include "store/ledger.h"
#include "store/private_file.h"
#include "sync/registration.h"
#include "sync/sync_client.h"

#include <cstdlib>
#include <iostream>
#include <ostream>

namespace shouwang::cli {
namespace {

net::TransportOptions transportOptions(const CommandLine& cl, Ledger& ledger)
{
    net::TransportOptions options;
    const auto seconds = std::chrono::seconds(cl.number("timeout", 30));
    options.connectTimeout = seconds;
    options.readTimeout = seconds;
    options.caFile = cl.option("ca", ledger.meta().value(meta::kServerCaFile));
    options.userAgent = "shouwang-cli";
    return options;
}

SyncOptions syncOptions(const CommandLine& cl)
{
    SyncOptions options;
    options.maxAttempts = static_cast<int>(std::max<std::size_t>(1, cl.number("retries", 4)));
    options.baseDelay = std::chrono::milliseconds(cl.number("retry-delay-ms", 1000));
    return options;
}

// One line, Chinese (the server's own words when it gave some) then the category in English.
[[noreturn]] void fail(const SyncError& error, std::string_view what)
{
    throw CommandError{error.message + " / " + std::string(what) + " failed: " + std::string(syncErrorName(error.code)),
                       error.tryAgain ? kExitTryAgain : kExitFailed};
}

void printReport(const SyncReport& report, Ledger& ledger, std::ostream& out)
{
    out << "pushed " << report.pushed << '\n'
        << "acknowledged " << report.acknowledged << '\n'
        << "refused " << report.refused << '\n'
        << "pulled " << report.pulled << '\n'
        << "conflicts " << report.conflicts << '\n';
    // What the county told of this village's elders whose 身份证号 another village holds:
    // every notice still held, not only this sync's, until the clerk settles it.
    const std::vector<IdNumberNotice> held = IdNumberNotices(ledger.database()).held();
    out << "same-id-elsewhere " << held.size() << '\n';
    for (const IdNumberNotice& notice : held)
        out << "notice " << notice.elderName << "（" << maskIdNumber(notice.idNumber) << "）：" << notice.message << '\n';
}

// What the county admin sees in the device list when no --name was given.
std::string defaultDeviceName()
{
    for (const char* variable : {"COMPUTERNAME", "HOSTNAME"}) {
        if (const char* name = std::getenv(variable); name && *name)
            return name;
    }
    return "shouwang";
}

// Bundles travel on a USB stick: the sync client needs a transport, and this one refuses.
struct OfflineTransport final : Transport {
    HttpResponse post(std::string_view, std::string_view, const HttpHeaders&) override
    {
        HttpResponse response;
        response.networkError = "offline";
        return response;
    }
};

} // namespace

void cmdEnroll(const CommandLine& cl, std::ostream& out)
{
    if (!cl.has("server") || !cl.has("code"))
        throw CommandError{"enroll 需要 --server URL 和 --code CODE / enroll needs --server URL and --code CODE", kExitUsage};
    OpenLedger open(cl, false);
    Ledger& ledger = *open.ledger;
    const std::string url = cl.option("server");
    net::BeastTransport transport(url, transportOptions(cl, ledger));
    if (!transport.configError().empty())
        throw CommandError{transport.configError(), kExitUsage};
    if (net::isPlainHttpOffLoopback(url))
        std::cerr << net::kPlainHttpWarning << '\n';
    {
        Transaction tx(*open.db);
        ledger.meta().set(meta::kServerUrl, url);
        if (cl.has("ca"))
            ledger.meta().set(meta::kServerCaFile, cl.option("ca"));
        tx.commit();
    }
    SyncClient client(ledger, transport);
    const EnrollResult result = client.enroll(cl.option("code"), cl.option("name", defaultDeviceName()), syncOptions(cl));
    if (!result.ok())
        fail(result.error, "enroll");
    out << "device " << result.deviceId << '\n'
        << "scope " << result.scope << '\n'
        << "county " << result.countyCode << '\n';
}

void cmdRegisterFile(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "IN (登记文件 / registration file)");
    OpenLedger open(cl, false);
    const EnrollResult result = registerFromFile(*open.ledger, path);
    if (!result.ok())
        fail(result.error, "register-file");
    out << "device " << result.deviceId << '\n'
        << "scope " << result.scope << '\n'
        << "county " << result.countyCode << '\n';
}

void cmdSync(const CommandLine& cl, std::ostream& out)
{
    OpenLedger open(cl, true);
    Ledger& ledger = *open.ledger;
    const std::string url = ledger.meta().value(meta::kServerUrl);
    if (url.empty() && !ledger.meta().value(meta::kToken).empty())
        throw CommandError{"本机用登记文件登记，没有服务器地址：请用 export-bundle / import-bundle 经 U 盘交换 / registered "
                           "from a file with no server address: exchange bundles by USB stick"};
    if (url.empty())
        throw CommandError{"本机尚未登记，请先运行 enroll / this device is not enrolled, run enroll first"};
    if (net::isPlainHttpOffLoopback(url))
        std::cerr << net::kPlainHttpWarning << '\n';
    net::BeastTransport transport(url, transportOptions(cl, ledger));
    SyncClient client(ledger, transport);
    const SyncReport report = client.sync(syncOptions(cl));
    printReport(report, *open.ledger, out);
    if (!report.ok())
        fail(report.error, "sync");
}

void cmdEnrollmentCode(const CommandLine& cl, std::ostream& out)
{
    const auto scope = Scope::parse(cl.option("scope"));
    if (!scope)
        throw CommandError{
            "用法 / usage: enrollment-code --scope village:CODE|township:CODE|county:CODE [--expires-days N]",
            kExitUsage};
    const std::size_t days = cl.number("expires-days", 7);
    if (days == 0 || days > 365)
        throw CommandError{"--expires-days 应在 1 到 365 之间 / must be between 1 and 365", kExitUsage};
    OpenLedger open(cl, true);
    Ledger& ledger = *open.ledger;
    const std::string url = ledger.meta().value(meta::kServerUrl);
    if (url.empty())
        throw CommandError{"本机尚未经网络登记到服务器 / this device is not enrolled with a server"};
    net::BeastTransport transport(url, transportOptions(cl, ledger));
    const EnrollmentCodeResult made
        = SyncClient(ledger, transport).makeEnrollmentCode(*scope, static_cast<int>(days), syncOptions(cl));
    if (!made.ok())
        fail(made.error, "enrollment-code");
    // As the server's own command prints it: the code alone on the last line.
    out << "设备登记码（一次有效，" << made.expiresAt << " 前使用）/ enrollment code, works once, until "
        << made.expiresAt << "\n范围 / scope: " << made.scope << "  " << divisionPath(scope->code) << "\n"
        << made.code << "\n";
}

void cmdExportBundle(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "OUT (数据包文件 / bundle file)");
    OpenLedger open(cl, true);
    OfflineTransport offline;
    SyncClient client(*open.ledger, offline);
    const BundleExport result = client.exportBundle(path);
    if (!result.ok())
        fail(result.error, "export-bundle");
    out << "changes " << result.changes << '\n' << "file " << path << kPrivateFileNote << '\n';
}

void cmdImportBundle(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "IN (数据包文件 / bundle file)");
    OpenLedger open(cl, true);
    OfflineTransport offline;
    SyncClient client(*open.ledger, offline);
    const SyncReport report = client.importBundleAnswer(path);
    if (!report.ok())
        fail(report.error, "import-bundle");
    printReport(report, *open.ledger, out);
}

} // namespace shouwang::cli
