#include "api.h"
#include "change_intake.h"
#include "cli.h"
#include "enrollment.h"
#include "http_server.h"
#include "metrics.h"
#include "rate_limiter.h"
#include "server_store.h"

#include "store/change_codec.h"
#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/meta.h"
#include "store/private_file.h"
#include "store/sqlite_database.h"
#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/protocol.h"
#include "sync/registration.h"

#include "domain/date.h"
#include "domain/divisions.h"
#include "domain/hlc.h"
#include "domain/ids.h"
#include "domain/text.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace shouwang::server {
namespace {

// Enrollment attempts per client address per minute (docs/protocol.md).
constexpr std::size_t kEnrollAttemptsPerMinute = 10;
// From every address together: a guesser with a thousand addresses still gets this few.
constexpr std::size_t kEnrollAttemptsPerMinuteInAll = 120;

std::unique_ptr<CountyStore> openStore(const CommandLine& cl)
{
    return openCountyStore(cl.option("db"));
}

// A database that has been through `init`, and its county.
std::string requireCounty(CountyStore& store)
{
    std::string county = store.countyCode();
    if (county.empty())
        throw CommandError{"数据库尚未初始化，请先运行 init --county 区县代码 / database not initialised, run init first"};
    return county;
}

std::size_t unsignedOption(const CommandLine& cl, const std::string& name, std::size_t fallback)
{
    const std::string text = cl.option(name);
    if (text.empty())
        return fallback;
    try {
        std::size_t used = 0;
        const unsigned long value = std::stoul(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception&) {
    }
    throw CommandError{"--" + name + " 应为非负整数 / must be a whole number: " + text, 2};
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CommandError{"无法读取文件 / cannot read file: " + path};
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Written beside the target, then renamed: a pulled USB stick never holds half an answer.
// A secret (a registration file: a token and a private key) is readable by its owner only
// from before its first byte is written.
void writeFileAtomically(const std::string& path, const std::string& bytes, bool secret = false)
{
    const std::string temp = path + ".part";
    if (secret) {
        std::error_code error;
        std::filesystem::remove(temp, error);
        std::ofstream(temp, std::ios::binary | std::ios::trunc).close();
        std::filesystem::permissions(temp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::replace, error);
        if (error)
            throw CommandError{"无法设置文件权限 / cannot restrict the file's permissions: " + path};
    }
    {
        // An answer carries the village's records: owner-only from its first byte.
        if (!createPrivateFile(temp))
            throw CommandError{"无法写入文件 / cannot write file: " + path};
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out)
            throw CommandError{"无法写入文件 / cannot write file: " + path};
    }
    // std::filesystem::rename replaces an existing file on Windows too (std::rename does not).
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error)
        throw CommandError{"无法写入文件 / cannot write file: " + path};
}

// The county enrolls the device itself, spending the code it just made exactly as the
// device would over the network, and writes what the device would have been answered, with
// a signing key made for it: the county keeps only the key's public half.
void writeRegistration(CountyStore& store, const EnrollmentCode& code, const std::string& name, const std::string& path,
                       std::ostream& out)
{
    const crypto::SigningKeyPair deviceKey = crypto::newSigningKeyPair();
    const std::string token = crypto::newToken();
    Device device;
    device.id = newUuid();
    device.name = name;
    device.tokenHash = crypto::tokenHash(token);
    device.signingKey = deviceKey.publicKey;
    if (store.enroll(code.codeHash, device, code.createdAt) != EnrollVerdict::Enrolled)
        throw CommandError{"无法登记设备 / could not register the device"};

    const std::string countyKey = store.signingKeyFor(code.scope);
    wire::Registration registration;
    registration.set_protocol_version(protocol::kVersion);
    registration.set_created_at(code.createdAt);
    registration.set_device_signing_key(deviceKey.privateKey);
    wire::EnrollResponse* enrollment = registration.mutable_enrollment();
    enrollment->set_device_id(device.id);
    enrollment->set_token(token);
    enrollment->set_scope(code.scope.toString());
    enrollment->set_county_code(code.scope.countyCode());
    enrollment->set_county_key(crypto::publicKeyOf(countyKey));
    writeFileAtomically(path, writeRegistrationFile(registration, countyKey), true);
    store.audit({device.id, {}, {}, "enroll-file", 1, 0, enrollment->scope()});
    out << "已写出登记文件（一次有效；内含本设备的凭据，请像钥匙一样保管，登记后从 U 盘删除）/ registration file written, "
           "works once; it holds the device's credentials, delete it from the stick after use\n"
        << "范围 / scope: " << code.scope.toString() << "  " << divisionPath(code.scope.code) << "\n"
        << "设备 / device: " << device.id << "\n"
        << path << "\n";
}

} // namespace

// The villages and village committees under `code` (a county's, or the city's).
std::pair<std::size_t, std::size_t> villagesUnder(std::string_view code)
{
    std::size_t villages = 0, committees = 0;
    for (const Division& d : allDivisions()) {
        if (d.level() == DivisionLevel::Village && d.code.starts_with(code)) {
            ++villages;
            committees += d.isVillageCommittee() ? 1 : 0;
        }
    }
    return {villages, committees};
}

void cmdInit(const CommandLine& cl, std::ostream& out)
{
    // A county server's database holds one county; the city's (on PostgreSQL) all of them.
    const bool city = cl.has("city");
    if (city == cl.has("county"))
        throw CommandError{"用法 / usage: init --county 区县代码 | init --city " + std::string(kCityCode), 2};
    const std::string code = cl.option(city ? "city" : "county");
    const Division* county = city ? nullptr : findDivision(code);
    if (city ? code != kCityCode : !county || county->level() != DivisionLevel::County)
        throw CommandError{city ? "城市代码应为 " + std::string(kCityCode) + "（重庆市）/ the city code is "
                                   + std::string(kCityCode)
                                : "未知的区县代码 / unknown county code: " + code
                                   + "（应为重庆市的6位区县代码 / a 6-digit Chongqing county code）",
                           2};
    auto store = openStore(cl);
    const std::string existing = store->countyCode();
    if (!existing.empty() && existing != code)
        throw CommandError{"该数据库已属于 " + existing + " / this database already belongs to " + existing};
    store->setCountyCode(code);
    store->countySigningKey(); // made now, so every answer and registration is signed by one key

    const auto [villages, committees] = villagesUnder(code);
    if (city) {
        std::size_t counties = 0;
        for (const Division& d : allDivisions())
            counties += d.level() == DivisionLevel::County ? 1 : 0;
        out << "已建立城市数据库：" << kCityName << "（" << code << "），" << counties << " 个区县，" << villages
            << " 个村（社区），其中村民委员会 " << committees << " 个\n"
            << "city database ready: " << code << ", " << counties << " counties, " << villages
            << " villages and communities (" << committees << " village committees)\n";
        return;
    }
    const auto townships = childDivisions(code);
    out << "已建立区县数据库：" << county->name << "（" << code << "），" << townships.size() << " 个乡镇（街道），"
        << villages << " 个村（社区），其中村民委员会 " << committees << " 个\n"
        << "county database ready: " << code << ", " << townships.size() << " townships, " << villages
        << " villages and communities (" << committees << " village committees)\n";
}

void cmdEnroll(const CommandLine& cl, std::ostream& out)
{
    auto store = openStore(cl);
    const std::string county = requireCounty(*store);
    const auto scope = Scope::parse(cl.option("scope"));
    if (!scope)
        throw CommandError{"范围格式应为 village:12位代码、township:9位代码、county:6位代码 或 city:50 / scope must be "
                           "village:CODE, township:CODE, county:CODE or city:50",
                           2};
    // A county's database enrolls its own units; the city's any county's, and the city.
    if (!mayEnrollWithin(*Scope::forCode(county), *scope))
        throw CommandError{
            "范围不在本数据库的区域或代码不存在 / scope outside " + county + " or unknown code: " + scope->code, 2};
    const std::size_t days = unsignedOption(cl, "expires-days", kDefaultCodeDays);
    if (days == 0 || days > kLongestCodeDays)
        throw CommandError{"--expires-days 应在 1 到 365 之间 / must be between 1 and 365", 2};

    const std::string file = cl.option("file");
    if (cl.has("file") && file.empty())
        throw CommandError{"--file 需要文件名 / --file needs a file name", 2};
    std::error_code ignored;
    if (!file.empty() && std::filesystem::exists(file, ignored))
        throw CommandError{"登记文件已存在，请换一个文件名 / registration file exists: " + file, 2};

    const auto [code, entry] = issueEnrollmentCode(*scope, static_cast<int>(days), HybridClock::systemMillis());
    store->addEnrollmentCode(entry);
    if (!file.empty()) {
        writeRegistration(*store, entry, cl.option("name", "U盘登记 " + scope->toString()), file, out);
        return;
    }
    out << "设备登记码（一次有效，" << entry.expiresAt << " 前使用）/ enrollment code, works once, until " << entry.expiresAt
        << "\n范围 / scope: " << scope->toString() << "  " << divisionPath(scope->code) << "\n"
        << code << "\n";
}

void cmdDevices(const CommandLine& cl, std::ostream& out)
{
    auto store = openStore(cl);
    if (cl.words.size() >= 2) {
        if (cl.words[1] != "revoke" || cl.words.size() != 3)
            throw CommandError{"用法 / usage: devices [revoke DEVICE_ID]", 2};
        if (!store->revokeDevice(cl.words[2]))
            throw CommandError{"没有这个设备 / no such device: " + cl.words[2]};
        out << "已停用设备 / device revoked: " << cl.words[2] << "\n";
        return;
    }
    out << "DEVICE_ID\tSCOPE\tSTATUS\tENROLLED\tLAST_SEEN\tNAME\n";
    for (const auto& d : store->devices()) {
        out << d.id << '\t' << d.scope.toString() << '\t' << (d.revoked ? "revoked" : "active") << '\t' << d.enrolledAt
            << '\t' << (d.lastSeen.empty() ? "-" : d.lastSeen) << '\t' << terminalSafe(d.name) << '\n';
    }
}

void cmdConflicts(const CommandLine& cl, std::ostream& out)
{
    auto store = openStore(cl);
    if (cl.words.size() >= 2) {
        if (cl.words[1] != "resolve" || cl.words.size() != 3 || !cl.has("value"))
            throw CommandError{"用法 / usage: conflicts resolve CONFLICT_ID --value V", 2};
        const std::string why = store->resolveConflict(cl.words[2], cl.option("value"), cl.option("operator", "区县管理员"));
        if (!why.empty())
            throw CommandError{why + " / conflict not resolved"};
        out << "冲突已处理，所选的值将同步到各设备 / conflict resolved: " << cl.words[2] << "\n";
        return;
    }
    out << "CONFLICT_ID\tENTITY\tVILLAGE\tFIELD\tVALUE_A\tOPERATOR_A\tVALUE_B\tOPERATOR_B\n";
    for (const auto& c : store->openConflicts()) {
        // Values and names came from devices: printed with their control characters made
        // visible, so nothing a village typed can drive the admin's terminal.
        out << terminalSafe(c.id) << '\t' << terminalSafe(c.entity) << '\t' << terminalSafe(c.villageCode) << '\t'
            << terminalSafe(c.field) << '\t' << terminalSafe(c.valueA) << '\t' << terminalSafe(c.operatorA) << '\t'
            << terminalSafe(c.valueB) << '\t' << terminalSafe(c.operatorB) << '\n';
    }
}

void cmdServe(const CommandLine& cl, std::ostream& out)
{
    auto store = openStore(cl);
    requireCounty(*store);
    ServeOptions options;
    const std::string listen = cl.option("listen", "127.0.0.1:8443");
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos)
        throw CommandError{"--listen 应为 地址:端口 / must be ADDRESS:PORT: " + listen, 2};
    options.address = listen.substr(0, colon);
    if (options.address.size() > 2 && options.address.front() == '[' && options.address.back() == ']')
        options.address = options.address.substr(1, options.address.size() - 2);
    CommandLine portOnly;
    portOnly.options["port"] = listen.substr(colon + 1);
    const std::size_t port = unsignedOption(portOnly, "port", 8443);
    if (port > 65535)
        throw CommandError{"端口无效 / bad port: " + listen, 2};
    options.port = static_cast<unsigned short>(port);
    options.threads = static_cast<unsigned>(unsignedOption(cl, "threads", 0));
    options.certFile = cl.option("cert");
    options.keyFile = cl.option("key");
    options.maxConnections = unsignedOption(cl, "max-connections", options.maxConnections);
    options.maxConnectionsPerAddress = unsignedOption(cl, "max-connections-per-address", options.maxConnectionsPerAddress);
    if (options.maxConnections == 0 || options.maxConnectionsPerAddress == 0)
        throw CommandError{"--max-connections 和 --max-connections-per-address 至少为 1 / must be at least 1", 2};
    // The writer and at least one reader; the readers are what the bound holds back.
    if (cl.has("db-connections")) {
        const std::size_t most = unsignedOption(cl, "db-connections", 0);
        if (most < 2)
            throw CommandError{"--db-connections 至少为 2（一个写连接，至少一个读连接）/ must be at least 2 (the "
                               "writer and a reader)",
                               2};
        store->limitReaders(most - 1);
    }

    Metrics metrics;
    RateLimiter limiter(kEnrollAttemptsPerMinute, std::chrono::minutes(1), kEnrollAttemptsPerMinuteInAll);
    Services services{*store, metrics, limiter, HybridClock::systemMillis};
    serve(options, services, out);
    out << "已停止 / stopped\n";
}

void cmdImportBundle(const CommandLine& cl, std::ostream& out)
{
    if (cl.words.size() != 2 || !cl.has("answer"))
        throw CommandError{"用法 / usage: import-bundle IN --answer OUT", 2};
    auto store = openStore(cl);
    requireCounty(*store);
    const std::string bytes = readFile(cl.words[1]);
    const auto deviceId = peekBundleDevice(bytes);
    if (!deviceId)
        throw CommandError{"不是守望数据包或文件已损坏 / not a Shouwang bundle, or damaged"};
    const auto device = store->device(*deviceId);
    if (!device)
        throw CommandError{"数据包来自未登记的设备 / bundle from an unknown device: " + deviceId->substr(0, 64)};
    if (device->revoked)
        throw CommandError{"数据包来自已停用的设备 / bundle from a revoked device: " + device->id};
    std::string error;
    // A device that enrolled with a signing key must have signed: the token hash this
    // database holds is not enough to make its bundle. Older devices have only the mac.
    const auto bundle = readBundleFile(bytes, BundleTrust{device->signingKey, device->tokenHash}, error);
    if (!bundle)
        throw CommandError{error + " / bundle refused"};
    if (bundle->device_id() != device->id)
        throw CommandError{"数据包的设备编号不一致 / bundle device id mismatch"};

    // The bundle's changes were decoded with the signed file, not from bytes of their own:
    // the log encodes each (ReceivedChange without bytes).
    std::vector<ReceivedChange> changes;
    for (const auto& c : bundle->changes())
        changes.push_back({fromWire(c), {}});
    const IntakeResult intake
        = intakeChanges(*store, *device, std::move(changes), HybridClock::systemMillis(), "bundle", "import-bundle");
    store->touchDevice(device->id, nowDateTime(), true);

    wire::Bundle answer;
    answer.set_protocol_version(protocol::kVersion);
    answer.set_device_id(device->id);
    answer.set_scope(device->scope.toString());
    for (const auto& r : intake.results)
        *answer.add_results() = r;
    // Every update since the village's cursor in one page: the stick is its only link. A
    // cursor this log never gave (the county was restored) starts again from 0.
    wire::PullResponse* updates = answer.mutable_updates();
    std::uint64_t cursor = bundle->cursor();
    std::string epoch = bundle->cursor_epoch();
    for (bool more = true; more;) {
        ChangePage page = store->changesAfter(cursor, epoch, device->scope, device->id, protocol::kMaxPullLimit);
        if (page.cursorReset) {
            cursor = 0;
            epoch.clear();
            updates->set_cursor_reset(true);
            store->openRelayWindow(device->id, formatDateTime(HybridClock::systemMillis() + protocol::kRelayWindowMillis));
            for (const auto& known : page.knownEpochs)
                updates->add_known_epochs(known);
            continue;
        }
        for (const auto& change : page.changes) {
            wire::Change* w = updates->add_changes();
            toWire(change, *w);
            w->set_seq(change.seq);
        }
        cursor = page.nextCursor;
        epoch = page.epochAt(cursor);
        more = page.hasMore;
    }
    updates->set_next_cursor(cursor);
    updates->set_cursor_epoch(epoch);
    updates->set_has_more(false);
    answer.set_last_change_id(store->device(device->id)->lastChange);
    // Signed with the county's key; the mac is for a device enrolled before keys.
    writeFileAtomically(cl.option("answer"),
                        writeBundleFile(answer, BundleSeal{store->signingKeyFor(device->scope), device->tokenHash}));
    out << "已导入：接收 " << intake.accepted << " 条，拒绝 " << intake.refused << " 条；回执含 " << updates->changes_size()
        << " 条更新\nimported: " << intake.accepted << " accepted, " << intake.refused << " refused; answer holds "
        << updates->changes_size() << " updates -> " << cl.option("answer") << kPrivateFileNote << "\n";
}

void cmdBackup(const CommandLine& cl, std::ostream& out)
{
    if (cl.words.size() != 2)
        throw CommandError{"用法 / usage: backup OUT.db", 2};
    const std::string target = cl.words[1];
    std::error_code ignored;
    if (std::filesystem::exists(target, ignored))
        throw CommandError{"备份文件已存在，请换一个文件名 / backup file exists: " + target, 2};
    auto store = openStore(cl);
    requireCounty(*store);
    store->backup(target);
    out << "已备份（可在服务运行时进行）/ backed up: " << target << "\n";
}

void cmdRestore(const CommandLine& cl, std::ostream& out)
{
    if (cl.words.size() != 2)
        throw CommandError{"用法 / usage: restore BACKUP.db（先停止服务 / stop the service first）", 2};
    const std::string source = cl.words[1];
    // A file that is not a county database is refused before the live one is touched.
    std::error_code missing;
    if (!std::filesystem::is_regular_file(source, missing))
        throw CommandError{"找不到备份文件 / no such backup file: " + source};
    try {
        SqliteDatabase candidate(source);
        if (Meta(candidate).value(meta::kCountyCode).empty())
            throw CommandError{"不是区县数据库的备份 / not a county database backup: " + source};
    } catch (const StoreError&) {
        throw CommandError{"不是区县数据库的备份 / not a county database backup: " + source};
    }
    const std::string db = cl.option("db");
    const std::string aside = db + ".before-restore";
    std::error_code ignored;
    std::filesystem::remove(aside, ignored);
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(db + suffix, ignored);
    if (std::filesystem::exists(db, ignored))
        std::filesystem::rename(db, aside);
    std::filesystem::copy_file(source, db);
    // Opening it begins a new log epoch before anything is written: every device whose
    // cursor lies past the backup learns so at its next pull (docs/protocol.md).
    auto store = openStore(cl);
    out << "已从备份恢复区县数据库（" << store->countyCode() << "）；原文件保存为 " << aside
        << "。各设备下次同步时会补传服务器缺少的数据。\nrestored from " << source << "; the previous file is kept as "
        << aside << "\n";
}

void cmdStats(const CommandLine& cl, std::ostream& out)
{
    auto store = openStore(cl);
    const LedgerStats stats = store->stats();
    for (const auto& [entity, count] : stats.liveRecords)
        out << entity << ' ' << count << '\n';
    out << "pending " << stats.pending << '\n' << "conflicts " << stats.openConflicts << '\n';
}

} // namespace shouwang::server
