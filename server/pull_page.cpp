#include "pull_page.h"

#include "store/change_codec.h"
#include "sync/snapshot.h"

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

wire::SnapshotResponse snapshotAnswer(const SnapshotPage& page, std::size_t maxBytes)
{
    wire::SnapshotResponse answer;
    answer.set_at(page.at);
    answer.set_at_epoch(page.atEpoch);
    if (page.atReset) {
        answer.set_at_reset(true);
        answer.set_has_more(true);
        return answer;
    }
    std::size_t bytes = kFraming + 32; // and the digest
    std::size_t sent = 0;
    for (; sent < page.records.size(); ++sent) {
        wire::RecordState out;
        snapshot::toWire(page.records[sent], out);
        const std::size_t size = out.ByteSizeLong() + kItemFraming;
        if (sent > 0 && bytes + size > maxBytes)
            break;
        bytes += size;
        *answer.add_records() = std::move(out);
    }
    const bool cut = sent < page.records.size();
    if (sent > 0)
        answer.set_after(page.keys[sent - 1]);
    answer.set_has_more(cut || page.hasMore);
    answer.set_count(sent);
    answer.set_read_through(page.readThrough);
    answer.set_digest(snapshot::pageDigest(std::span(page.records).first(sent)));
    return answer;
}

} // namespace shouwang::server
