#include "pull_page.h"

#include "store/change_codec.h"
#include "sync/snapshot.h"

#include <google/protobuf/io/coded_stream.h>

namespace shouwang::server {
namespace {

// Room for the cursor and flag fields, and each item's tag and length prefix.
constexpr std::size_t kFraming = 32;
constexpr std::size_t kItemFraming = 8;

} // namespace

wire::PullResponse pullAnswer(const ChangePage& page, std::size_t maxBytes)
{
    wire::PullResponse answer;
    if (page.cursorReset) {
        answer.set_cursor_reset(true);
        answer.set_has_more(true);
        for (const auto& epoch : page.knownEpochs)
            answer.add_known_epochs(epoch);
        return answer;
    }
    std::size_t bytes = kFraming;
    for (const auto& change : page.changes) {
        wire::Change out;
        toWire(change, out);
        out.set_seq(change.seq);
        const std::size_t size = out.ByteSizeLong() + kItemFraming;
        if (answer.changes_size() > 0 && bytes + size > maxBytes) {
            answer.set_next_cursor(answer.changes(answer.changes_size() - 1).seq());
            answer.set_cursor_epoch(page.epochAt(answer.next_cursor()));
            answer.set_has_more(true);
            return answer;
        }
        bytes += size;
        *answer.add_changes() = std::move(out);
    }
    answer.set_next_cursor(page.nextCursor);
    answer.set_cursor_epoch(page.epochAt(page.nextCursor));
    answer.set_has_more(page.hasMore);
    return answer;
}

SnapshotAnswer::SnapshotAnswer(std::size_t maxBytes)
    : m_maxBytes(maxBytes)
    , m_bytes(kFraming + 32) // and the digest
{
}

bool SnapshotAnswer::add(const Record& record, const std::string& key)
{
    wire::RecordState out;
    snapshot::toWire(record, out);
    const std::size_t size = out.ByteSizeLong();
    if (m_count > 0 && m_bytes + size + kItemFraming > m_maxBytes) {
        m_cut = true;
        return false;
    }
    m_bytes += size + kItemFraming;
    // As SnapshotResponse encodes its `records`: the field's key ((number << 3) | 2, length
    // delimited), the length as a varint, the message. A message is the concatenation of
    // its fields, so finish() appends the others after.
    std::uint8_t frame[1 + 5]; // the key's byte, and a 32-bit length as a varint of at most 5
    frame[0] = (wire::SnapshotResponse::kRecordsFieldNumber << 3) | 2;
    const std::uint8_t* end
        = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(static_cast<std::uint32_t>(size), frame + 1);
    m_records.append(reinterpret_cast<const char*>(frame), static_cast<std::size_t>(end - frame));
    out.AppendToString(&m_records);
    m_digest.add(record);
    ++m_count;
    m_after = key;
    return true;
}

std::string SnapshotAnswer::finish(const SnapshotPage& page)
{
    wire::SnapshotResponse rest;
    rest.set_at(page.at);
    rest.set_at_epoch(page.atEpoch);
    if (page.atReset) {
        rest.set_at_reset(true);
        rest.set_has_more(true);
        return rest.SerializeAsString();
    }
    if (m_count > 0)
        rest.set_after(m_after);
    rest.set_has_more(m_cut || page.hasMore);
    rest.set_count(m_count);
    rest.set_read_through(page.readThrough);
    rest.set_digest(m_digest.finish());
    return std::move(m_records) + rest.SerializeAsString();
}

} // namespace shouwang::server
