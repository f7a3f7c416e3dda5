#include "log_epochs.h"

#include "change_log.h"
#include "database.h"

#include "domain/ids.h"

namespace shouwang {

void LogEpochs::begin()
{
    m_db.exec("CREATE TABLE IF NOT EXISTS log_epochs (first_seq INTEGER PRIMARY KEY, epoch TEXT NOT NULL)");
    // A moved-in county's epochs: what each became here, and how far its places moved.
    m_db.exec("CREATE TABLE IF NOT EXISTS moved_epochs (epoch TEXT PRIMARY KEY, renamed TEXT NOT NULL, "
              "shift INTEGER NOT NULL)");
    // Under the writer's lock: another process serving the same database (the city's) may
    // be logging changes meanwhile.
    Transaction tx(m_db);
    // An epoch begun by an opening that then wrote nothing holds no cursor yet: the next
    // opening may rename it.
    auto st = m_db.prepare("INSERT INTO log_epochs (first_seq, epoch) VALUES (?, ?) "
                           "ON CONFLICT (first_seq) DO UPDATE SET epoch = excluded.epoch");
    st.bind(1, static_cast<std::int64_t>(ChangeLog(m_db).lastSeq() + 1)).bind(2, newUuid());
    st.run();
    tx.commit();
}

std::string LogEpochs::epochOf(std::uint64_t seq)
{
    Statement& st = m_db.cached("SELECT epoch FROM log_epochs WHERE first_seq <= ? ORDER BY first_seq DESC LIMIT 1");
    st.bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(seq, INT64_MAX)));
    std::string epoch = st.step() ? st.text(0) : std::string{};
    st.reset();
    return epoch;
}

std::vector<std::string> LogEpochs::all()
{
    auto st = m_db.prepare("SELECT epoch FROM log_epochs ORDER BY first_seq");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

std::vector<std::pair<std::uint64_t, std::string>> LogEpochs::span(std::uint64_t from, std::uint64_t to)
{
    auto st = m_db.prepare("SELECT first_seq, epoch FROM log_epochs WHERE first_seq <= ?2 AND first_seq >= "
                           "coalesce((SELECT max(first_seq) FROM log_epochs WHERE first_seq <= ?1), 0) ORDER BY first_seq");
    st.bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(from, INT64_MAX)));
    st.bind(2, static_cast<std::int64_t>(std::min<std::uint64_t>(to, INT64_MAX)));
    std::vector<std::pair<std::uint64_t, std::string>> out;
    while (st.step())
        out.emplace_back(static_cast<std::uint64_t>(st.integer(0)), st.text(1));
    return out;
}

std::pair<std::uint64_t, std::string> LogEpochs::translated(std::uint64_t cursor, std::string_view epoch)
{
    if (cursor == 0 || epoch.empty())
        return {cursor, std::string(epoch)};
    Statement& st = m_db.cached("SELECT renamed, shift FROM moved_epochs WHERE epoch = ?");
    st.bindText(1, epoch);
    std::pair<std::uint64_t, std::string> out{cursor, std::string(epoch)};
    if (st.step())
        out = {cursor + static_cast<std::uint64_t>(st.integer(1)), st.text(0)};
    st.reset();
    return out;
}

bool LogEpochs::isPlace(std::uint64_t cursor, std::string_view epoch)
{
    if (cursor == 0)
        return true;
    if (cursor > ChangeLog(m_db).lastSeq())
        return false;
    if (epoch.empty()) {
        Statement& moved = m_db.cached("SELECT 1 FROM moved_epochs LIMIT 1");
        const bool anyMoved = moved.step();
        moved.reset();
        return !anyMoved;
    }
    return epochOf(cursor) == epoch;
}

} // namespace shouwang
