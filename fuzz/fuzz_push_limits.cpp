// The push pre-scan (server/push_limits.h) on outside bytes, plain and gzip: it never
// crashes, and whatever it lets through and protobuf then decodes is within every limit it
// promises (so the handler never builds more than the limits allow).
#include "server/push_limits.h"

#include "sync/gzip.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace shouwang;

void checkWithinLimits(const std::string& plain)
{
    wire::PushRequest request;
    if (!request.ParseFromString(plain))
        return;
    if (static_cast<std::size_t>(request.changes_size()) > protocol::kMaxPushChanges)
        std::abort();
    for (const auto& change : request.changes()) {
        if (change.operator_name().size() > protocol::kMaxOperatorNameBytes
            || static_cast<std::size_t>(change.fields_size()) > protocol::kMaxFieldsPerChange
            || change.change_id().size() > protocol::kMaxIdBytes || change.record_id().size() > protocol::kMaxIdBytes
            || change.entity().size() > protocol::kMaxIdBytes || change.village_code().size() > protocol::kMaxIdBytes
            || change.hlc().device().size() > protocol::kMaxIdBytes)
            std::abort();
        for (const auto& field : change.fields()) {
            if (field.value().size() > protocol::kMaxFieldValueBytes || field.name().size() > protocol::kMaxIdBytes
                || field.base().device().size() > protocol::kMaxIdBytes)
                std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    if (!server::checkPushLimits(bytes, ""))
        checkWithinLimits(bytes);
    // The same bytes as a gzip body must get the same verdict.
    const std::string zipped = gzip::compress(bytes);
    if (server::checkPushLimits(zipped, "gzip").has_value() != server::checkPushLimits(bytes, "").has_value())
        std::abort();
    // And whatever comes in as gzip is scanned without crashing.
    server::checkPushLimits(bytes, "gzip");
    return 0;
}
