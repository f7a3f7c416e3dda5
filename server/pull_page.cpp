#include "pull_page.h"

#include "store/change_codec.h"

namespace shouwang::server {

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
    // Room for the cursor and flag fields, and each change's tag and length prefix.
    constexpr std::size_t kFraming = 32;
    std::size_t bytes = kFraming;
    for (const auto& change : page.changes) {
        wire::Change out;
        toWire(change, out);
        out.set_seq(change.seq);
        const std::size_t size = out.ByteSizeLong() + 8;
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

} // namespace shouwang::server
