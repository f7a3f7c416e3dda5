#include "api.h"

#include "change_intake.h"
#include "enrollment.h"
#include "metrics.h"
#include "pull_page.h"
#include "push_limits.h"
#include "rate_limiter.h"
#include "server_store.h"

#include "store/change_codec.h"
#include "store/database.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

#include "domain/date.h"
#include "domain/hlc.h"
#include "domain/ids.h"
#include "domain/text.h"

#include "shouwang/sync.pb.h"

#include <chrono>
#include <iostream>
#include <optional>

namespace shouwang::server {
namespace {

// Bodies smaller than this are sent as they are: gzip would cost more than it saves.
constexpr std::size_t kCompressAbove = 1024;
constexpr std::size_t kCompressFastAbove = 1024 * 1024; // a snapshot page, a full pull page (gzip::Effort)

// A message already encoded (a snapshot page, built as it was read).
Response encodedResponse(unsigned status, std::string body)
{
    Response r;
    r.status = status;
    r.contentType = std::string(protocol::kContentType);
    r.body = std::move(body);
    return r;
}

Response protobufResponse(unsigned status, const google::protobuf::MessageLite& message)
{
    return encodedResponse(status, message.SerializeAsString());
}

Response errorResponse(unsigned status, wire::ErrorCode code, std::string message, bool tryAgain = false)
{
    wire::Error error;
    error.set_code(code);
    error.set_message(std::move(message));
    error.set_try_again(tryAgain);
    return protobufResponse(status, error);
}

std::string codeName(wire::ErrorCode code)
{
    return wire::ErrorCode_Name(code);
}

// A refused request goes to the audit trail: ids and codes only, never personal data.
void auditRefusal(Services& services, const Request& request, std::string_view action, const Response& response,
                  std::string_view deviceId)
{
    wire::Error error;
    AuditEntry entry;
    entry.deviceId = std::string(deviceId);
    entry.address = request.clientAddress;
    entry.action = std::string(action);
    entry.refused = 1;
    entry.detail = "status=" + std::to_string(response.status);
    if (error.ParseFromString(response.body))
        entry.detail += " code=" + codeName(error.code());
    // A client without a valid token is known only by its address: its refusals are
    // sampled (one row per address and action a minute), so a flood cannot queue one
    // synchronous write each on the county's single writer.
    if (deviceId.empty() && !services.auditSampler->sample(request.clientAddress + " " + entry.action)) {
        services.metrics.countUnauditedRefusal();
        return;
    }
    try {
        services.store.audit(entry);
    } catch (const StoreError&) {
        // A full disk must not turn a refusal into a crash; the answer still goes out.
    }
}

// Inflates a gzip body and checks the limits; nullopt with `refusal` set when it fails.
std::optional<std::string> requestBody(const Request& request, Response& refusal)
{
    if (request.body.size() > protocol::kMaxBodyBytes) {
        refusal = bodyTooLargeResponse();
        return std::nullopt;
    }
    if (request.contentEncoding.empty() || request.contentEncoding == "identity")
        return request.body;
    if (request.contentEncoding != "gzip") {
        // Quoted back only as printable ASCII: a header is raw bytes, an Error message UTF-8.
        std::string shown;
        for (char c : std::string_view(request.contentEncoding).substr(0, 32))
            shown += (c >= 0x20 && c < 0x7f) ? c : '?';
        refusal = errorResponse(400, wire::MALFORMED, "不支持的请求压缩方式：" + shown);
        return std::nullopt;
    }
    bool tooLarge = false;
    if (auto inflated = gzip::decompress(request.body, protocol::kMaxInflatedBytes, &tooLarge))
        return inflated;
    refusal = tooLarge ? bodyTooLargeResponse() : errorResponse(400, wire::MALFORMED, "请求内容的压缩数据已损坏");
    return std::nullopt;
}

Response malformedBody()
{
    return errorResponse(400, wire::MALFORMED, "请求内容无法解析（不是预期的消息格式）");
}

template <typename Message>
std::optional<Message> parseBody(const Request& request, Response& refusal)
{
    auto body = requestBody(request, refusal);
    if (!body)
        return std::nullopt;
    Message message;
    if (!message.ParseFromString(*body)) {
        refusal = malformedBody();
        return std::nullopt;
    }
    if (message.protocol_version() != protocol::kVersion) {
        refusal = errorResponse(409, wire::PROTOCOL_VERSION,
                                "客户端的同步协议版本（" + std::to_string(message.protocol_version())
                                    + "）与服务器不一致，请升级守望软件到最新版本");
        return std::nullopt;
    }
    return message;
}

// The device behind a bearer token, or a 401 answer.
std::optional<Device> authenticate(const Request& request, CountyStore& store, Response& refusal)
{
    constexpr std::string_view kBearer = "Bearer ";
    std::string_view header = request.authorization;
    if (header.substr(0, kBearer.size()) != kBearer || header.size() == kBearer.size()) {
        refusal = errorResponse(401, wire::UNAUTHENTICATED, "缺少设备凭据，请先在本机登记（注册）本设备");
        return std::nullopt;
    }
    const std::string hash = crypto::tokenHash(header.substr(kBearer.size()));
    auto device = store.deviceByTokenHash(hash);
    if (!device || !crypto::constantTimeEquals(device->tokenHash, hash)) {
        refusal = errorResponse(401, wire::UNAUTHENTICATED, "设备凭据无效，请向区县管理员申请新的登记码重新登记");
        return std::nullopt;
    }
    if (device->revoked) {
        refusal = errorResponse(401, wire::UNAUTHENTICATED, "本设备已被区县管理员停用，请联系区县民政局重新登记");
        return std::nullopt;
    }
    return device;
}

// authenticate(), keeping the device's id for the audit once it is known.
std::optional<Device> authenticatedDevice(const Request& request, Services& services, std::string& deviceId,
                                          Response& refusal)
{
    auto device = authenticate(request, services.store, refusal);
    if (device)
        deviceId = device->id;
    return device;
}

// An endpoint of an enrolled device: the device is authenticated and its request parsed
// before `answer` runs; the refusal of either step otherwise.
template <typename Message, Response (*answer)(const Request&, Services&, const Device&, const Message&)>
Response deviceEndpoint(const Request& request, Services& services, std::string& deviceId)
{
    Response refusal;
    auto device = authenticatedDevice(request, services, deviceId, refusal);
    if (!device)
        return refusal;
    auto message = parseBody<Message>(request, refusal);
    if (!message)
        return refusal;
    return answer(request, services, *device, *message);
}

Response enroll(const Request& request, Services& services, std::string& deviceId)
{
    if (!services.enrollLimiter.allow(request.clientAddress))
        return errorResponse(429, wire::RATE_LIMITED, "登记尝试次数过多，请过几分钟再试", true);
    Response refusal;
    auto message = parseBody<wire::EnrollRequest>(request, refusal);
    if (!message)
        return refusal;
    if (!isValidDeviceId(message->device_id()))
        return errorResponse(400, wire::MALFORMED, "设备编号无效");
    deviceId = message->device_id(); // into the audit only once it is known to be an id

    Device device;
    device.id = message->device_id();
    device.name = utf8Prefix(message->device_name(), 200);
    for (const auto& earlier : message->previous_device_ids()) {
        if (device.previousIds.size() < 64 && isValidDeviceId(earlier))
            device.previousIds.push_back(earlier);
    }
    // An Ed25519 public key is 32 bytes; a device that sent none (older software) keeps
    // sealing its USB bundles with the token-hash mac.
    if (!message->signing_key().empty() && message->signing_key().size() != 32)
        return errorResponse(400, wire::MALFORMED, "设备签名公钥无效");
    device.signingKey = message->signing_key();
    const std::string token = crypto::newToken();
    device.tokenHash = crypto::tokenHash(token);
    const std::string now = formatDateTime(services.nowMillis());
    switch (services.store.enroll(enrollmentCodeHash(message->code()), device, now)) {
    case EnrollVerdict::UnknownCode:
        return errorResponse(401, wire::BAD_ENROLLMENT_CODE, "登记码不正确，请核对后重新输入");
    case EnrollVerdict::UsedCode:
        return errorResponse(401, wire::BAD_ENROLLMENT_CODE, "该登记码已经使用过，请向区县管理员申请新的登记码");
    case EnrollVerdict::ExpiredCode:
        return errorResponse(401, wire::BAD_ENROLLMENT_CODE, "该登记码已过期，请向区县管理员申请新的登记码");
    case EnrollVerdict::Enrolled:
        break;
    }
    // device.id is now the one the county holds: the asked-for id, or a new one.
    auto enrolled = services.store.device(device.id);
    wire::EnrollResponse answer;
    answer.set_device_id(device.id);
    answer.set_token(token);
    answer.set_scope(enrolled ? enrolled->scope.toString() : std::string{});
    // The device's own county (the city's code for the city): on the city's database the
    // store's code is the city's, and a county's reference data is filed under its county.
    answer.set_county_code(enrolled ? enrolled->scope.countyCode() : services.store.countyCode());
    answer.set_county_key(crypto::publicKeyOf(enrolled ? services.store.signingKeyFor(enrolled->scope)
                                                       : services.store.countySigningKey()));
    services.store.audit({device.id, {}, request.clientAddress, "enroll", 1, 0, answer.scope()});
    return protobufResponse(200, answer);
}

Response push(const Request& request, Services& services, std::string& deviceId)
{
    Response refusal;
    auto device = authenticatedDevice(request, services, deviceId, refusal);
    if (!device)
        return refusal;
    if (auto limit = checkPushLimits(request.body, request.contentEncoding))
        return errorResponse(limit->status, static_cast<wire::ErrorCode>(limit->code), std::move(limit->message));
    // Each change read as the bytes it came in, and decoded from them once: the log keeps
    // those bytes (store/change_codec.h, ReceivedChange).
    auto message = parseBody<wire::PushRequestAsSent>(request, refusal);
    if (!message)
        return refusal;
    if (static_cast<std::size_t>(message->changes_size()) > protocol::kMaxPushChanges)
        return errorResponse(413, wire::TOO_LARGE, "一次上传的变更过多，请分批上传");

    std::vector<ReceivedChange> changes;
    changes.reserve(static_cast<std::size_t>(message->changes_size()));
    for (auto& bytes : *message->mutable_changes()) {
        auto received = receiveChange(std::move(bytes));
        if (!received)
            return malformedBody();
        changes.push_back(std::move(*received));
    }
    const bool any = !changes.empty();
    IntakeResult intake
        = intakeChanges(services.store, *device, std::move(changes), services.nowMillis(), request.clientAddress, "push");
    services.metrics.countChanges(intake.merged, intake.refused, intake.conflicts);
    services.store.touchDevice(device->id, formatDateTime(services.nowMillis()), true);

    if (any && intake.accepted == 0) {
        // Nothing taken: the status of the first refusal, with every result, so the client
        // quarantines them the same way as in a 200 answer.
        const wire::Error& first = intake.results.front().error();
        wire::Error error;
        error.set_code(first.code());
        error.set_message(first.message());
        for (auto& r : intake.results)
            *error.add_results() = std::move(r);
        return protobufResponse(first.code() == wire::OUT_OF_SCOPE ? 403 : 422, error);
    }
    wire::PushResponse answer;
    for (auto& r : intake.results)
        *answer.add_results() = std::move(r);
    return protobufResponse(200, answer);
}

Response pull(const Request&, Services& services, const Device& device, const wire::PullRequest& message)
{
    std::uint32_t limit = message.limit() == 0 ? protocol::kDefaultPullLimit : message.limit();
    limit = std::min(limit, protocol::kMaxPullLimit);

    ChangePage page
        = services.store.changesAfter(message.cursor(), message.cursor_epoch(), device.scope,
                                      message.include_own() ? std::string_view{} : std::string_view(device.id), limit);
    services.store.touchDevice(device.id, formatDateTime(services.nowMillis()), false);
    if (page.cursorReset) // this county was restored: the device may relay what it lost, for a while
        services.store.openRelayWindow(device.id, formatDateTime(services.nowMillis() + protocol::kRelayWindowMillis));
    return protobufResponse(200, pullAnswer(page));
}

Response snapshot(const Request&, Services& services, const Device& device, const wire::SnapshotRequest& message)
{
    std::uint32_t limit = message.limit() == 0 ? protocol::kDefaultSnapshotLimit : message.limit();
    limit = std::min(limit, protocol::kMaxSnapshotLimit);
    SnapshotAnswer answer;
    const std::optional<SnapshotPage> page
        = services.store.snapshotPage(message.at(), message.at_epoch(), message.after(), device.scope, limit,
                                      [&](Record&& record, std::string&& key) { return answer.add(record, key); });
    if (!page)
        return errorResponse(400, wire::MALFORMED, "快照的续传位置无效，请重新开始同步");
    services.store.touchDevice(device.id, formatDateTime(services.nowMillis()), false);
    return encodedResponse(200, answer.finish(*page));
}

Response history(const Request&, Services& services, const Device& device, const wire::HistoryRequest& message)
{
    if (!isValidDeviceId(message.record_id()))
        return errorResponse(400, wire::MALFORMED, "记录编号无效");
    bool truncated = false;
    wire::HistoryResponse answer;
    for (const Change& change :
         services.store.recordHistory(message.record_id(), device.scope, protocol::kMaxHistoryChanges, truncated))
        toWire(change, *answer.add_changes());
    answer.set_truncated(truncated);
    return protobufResponse(200, answer);
}

// A county admin makes enrollment codes for the county's units from the county client;
// the city's admin for any county. No device below a county makes any.
Response enrollmentCode(const Request& request, Services& services, const Device& device,
                        const wire::EnrollmentCodeRequest& message)
{
    if (device.scope.kind != Scope::Kind::County && device.scope.kind != Scope::Kind::City)
        return errorResponse(403, wire::OUT_OF_SCOPE, "只有区县或市级管理员的设备可以生成登记码");
    const auto scope = Scope::parse(message.scope());
    if (!scope)
        return errorResponse(400, wire::MALFORMED, "登记范围的格式无效");
    if (!mayEnrollWithin(device.scope, *scope))
        return errorResponse(403, wire::OUT_OF_SCOPE, "只能为本设备管辖范围内的村、乡镇或区县生成登记码");
    const int days = message.expires_days() == 0 ? kDefaultCodeDays : static_cast<int>(message.expires_days());
    if (days > kLongestCodeDays)
        return errorResponse(400, wire::MALFORMED, "登记码的有效期应在 1 到 365 天之间");
    const IssuedCode issued = issueEnrollmentCode(*scope, days, services.nowMillis());
    services.store.addEnrollmentCode(issued.entry);
    // The audit names the scope, never the code.
    services.store.audit({device.id, {}, request.clientAddress, "enrollment-code", 1, 0, scope->toString()});
    wire::EnrollmentCodeResponse answer;
    answer.set_code(issued.code);
    answer.set_scope(scope->toString());
    answer.set_expires_at(issued.entry.expiresAt);
    return protobufResponse(200, answer);
}

Response hello(const Request&, Services& services, const Device& device, const wire::HelloRequest&)
{
    wire::HelloResponse answer;
    answer.set_last_change_id(device.lastChange);
    for (const auto& earlier : services.store.earlierIds(device.id)) {
        wire::DeviceHistory* history = answer.add_earlier_ids();
        history->set_device_id(earlier.id);
        history->set_last_change_id(earlier.lastChange);
    }
    answer.set_server_time(static_cast<std::uint64_t>(services.nowMillis()));
    answer.set_max_clock_ahead(static_cast<std::uint64_t>(protocol::kMaxClockAheadMillis));
    answer.set_id_shared(services.store.wasForked(device.id));
    return protobufResponse(200, answer);
}

// A device that found the county holds changes of its own it has never seen is a restored
// backup or a copy of another laptop's file: it goes on as a new device of the same scope,
// so two copies never stamp the same clocks, and pulls everything again under its new name.
Response fork(const Request& request, Services& services, const Device& device, const wire::ForkRequest&)
{
    Device copy;
    copy.id = newUuid();
    copy.name = utf8Prefix(device.name, 180) + "（副本）";
    const std::string token = crypto::newToken();
    copy.tokenHash = crypto::tokenHash(token);
    // The copy is the same ledger file, holding the same signing key.
    copy.signingKey = device.signingKey;
    services.store.addFork(device, copy, formatDateTime(services.nowMillis()));
    wire::EnrollResponse answer;
    answer.set_device_id(copy.id);
    answer.set_token(token);
    answer.set_scope(device.scope.toString());
    answer.set_county_code(device.scope.countyCode());
    answer.set_county_key(crypto::publicKeyOf(services.store.signingKeyFor(device.scope)));
    services.store.audit({copy.id, {}, request.clientAddress, "fork", 1, 0, "from=" + device.id});
    return protobufResponse(200, answer);
}

// The device API, one row per path: its handler and its name in the audit.
struct Endpoint {
    std::string_view path;
    std::string_view action;
    Response (*handler)(const Request&, Services&, std::string&);
};

constexpr Endpoint kEndpoints[] = {
    {protocol::kEnrollPath, "enroll", enroll},
    {protocol::kPushPath, "push", push},
    {protocol::kPullPath, "pull", deviceEndpoint<wire::PullRequest, pull>},
    {protocol::kHelloPath, "hello", deviceEndpoint<wire::HelloRequest, hello>},
    {protocol::kForkPath, "fork", deviceEndpoint<wire::ForkRequest, fork>},
    {protocol::kSnapshotPath, "snapshot", deviceEndpoint<wire::SnapshotRequest, snapshot>},
    {protocol::kHistoryPath, "history", deviceEndpoint<wire::HistoryRequest, history>},
    {protocol::kEnrollmentCodePath, "enrollment-code", deviceEndpoint<wire::EnrollmentCodeRequest, enrollmentCode>},
};

const Endpoint* endpointOf(std::string_view path)
{
    for (const Endpoint& e : kEndpoints) {
        if (e.path == path)
            return &e;
    }
    return nullptr;
}

std::string_view actionOf(std::string_view path)
{
    const Endpoint* e = endpointOf(path);
    return e ? e->action : std::string_view("request");
}

Response route(const Request& request, Services& services)
{
    const std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
    if (path == protocol::kHealthPath || path == protocol::kMetricsPath) {
        if (request.method != "GET" && request.method != "HEAD")
            return errorResponse(400, wire::MALFORMED, "请求方法不正确");
        Response r;
        r.contentType = "text/plain; charset=utf-8";
        if (path == protocol::kMetricsPath) {
            r.contentType = "text/plain; version=0.0.4; charset=utf-8";
            r.body = services.metrics.prometheusText();
        } else if (services.store.healthy()) {
            r.body = "ok\n";
        } else {
            return errorResponse(503, wire::BUSY, "数据库暂时无法访问", true);
        }
        return r;
    }

    const Endpoint* endpoint = endpointOf(path);
    if (!endpoint)
        return errorResponse(404, wire::NOT_FOUND, "没有这个接口");
    const auto handler = endpoint->handler;
    const std::string_view action = endpoint->action;
    if (request.method != "POST")
        return errorResponse(400, wire::MALFORMED, "请求方法不正确");

    std::string deviceId;
    Response response;
    try {
        response = handler(request, services, deviceId);
    } catch (const StoreError& e) {
        if (e.full())
            response = errorResponse(503, wire::STORAGE_FULL, "服务器磁盘已满或数据库只读，本次同步未保存任何数据，请稍后重试", true);
        else if (e.busy())
            response = errorResponse(503, wire::BUSY, "服务器繁忙，本次同步未保存任何数据，请稍后重试", true);
        else if (e.unreachable())
            response
                = errorResponse(503, wire::BUSY, "服务器暂时无法访问数据库，本次同步未保存任何数据，请稍后重试", true);
        else {
            // The device is told only to retry; the admin needs the cause, in the service's log.
            std::cerr << "shouwang-server: " << action << ": " << e.what() << '\n';
            response = errorResponse(500, wire::INTERNAL, "服务器内部错误，请稍后重试", true);
        }
    }
    // Pushes audit themselves inside their transaction; every other refusal is audited here.
    const bool pushAudited = action == "push" && (response.status == 200 || response.status == 403 || response.status == 422);
    if (response.status != 200 && !pushAudited)
        auditRefusal(services, request, action, response, deviceId);
    return response;
}

void compressIfAsked(const Request& request, Response& response)
{
    if (response.body.size() <= kCompressAbove || request.acceptEncoding.find("gzip") == std::string::npos)
        return;
    response.body = gzip::compress(
        response.body, response.body.size() > kCompressFastAbove ? gzip::Effort::Fast : gzip::Effort::Default);
    response.contentEncoding = "gzip";
}

} // namespace

Response bodyTooLargeResponse()
{
    return errorResponse(413, wire::TOO_LARGE, "上传的数据过大，请分批上传");
}

bool needsDeviceToken(std::string_view path)
{
    return path == protocol::kPushPath || path == protocol::kPullPath || path == protocol::kHelloPath
        || path == protocol::kForkPath || path == protocol::kSnapshotPath || path == protocol::kHistoryPath
        || path == protocol::kEnrollmentCodePath;
}

std::size_t bodyLimit(std::string_view target)
{
    const std::string_view path = target.substr(0, target.find('?'));
    if (path == protocol::kPushPath || path == protocol::kPullPath)
        return protocol::kMaxBodyBytes;
    return 64 * 1024; // an enrollment is a few hundred bytes; health and metrics have none
}

std::optional<Response> refuseBeforeBody(const Request& head, std::optional<std::uint64_t> contentLength,
                                         Services& services)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string_view path = std::string_view(head.target).substr(0, head.target.find('?'));
    std::optional<Response> refusal;
    std::string_view action;
    try {
        if (contentLength && *contentLength > bodyLimit(head.target)) {
            refusal = bodyTooLargeResponse();
            action = actionOf(path);
        } else if (needsDeviceToken(path)) {
            Response response;
            if (!authenticate(head, services.store, response)) {
                refusal = std::move(response);
                action = actionOf(path);
            }
        }
        if (!refusal)
            return std::nullopt;
        auditRefusal(services, head, action, *refusal, {});
    } catch (const std::exception&) {
        // The database cannot say who this is: the request's own handler will answer.
        return std::nullopt;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    services.metrics.countRequest(path, refusal->status, took.count());
    return refusal;
}

Response handle(const Request& request, Services& services)
{
    const auto started = std::chrono::steady_clock::now();
    Response response;
    try {
        response = route(request, services);
    } catch (const std::exception& e) {
        std::cerr << "shouwang-server: " << request.target << ": " << e.what() << '\n';
        response = errorResponse(500, wire::INTERNAL, "服务器内部错误，请稍后重试", true);
    }
    compressIfAsked(request, response);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    services.metrics.countRequest(std::string_view(request.target).substr(0, request.target.find('?')), response.status,
                                  took.count());
    return response;
}

} // namespace shouwang::server
