#include "meta.h"

#include "database.h"

namespace shouwang {

std::optional<std::string> Meta::get(std::string_view key)
{
    if (auto it = m_db.m_metaAtCommit.find(key); it != m_db.m_metaAtCommit.end())
        return it->second;
    Statement& st = m_db.cached("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    std::optional<std::string> value;
    if (st.step())
        value = st.text(0);
    st.reset();
    return value;
}

std::string Meta::value(std::string_view key, std::string_view fallback)
{
    auto v = get(key);
    return v ? *v : std::string(fallback);
}

void Meta::set(std::string_view key, std::string_view value)
{
    forgetAtCommit(key); // this write is the newer one
    Statement& st = m_db.cached("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

void Meta::erase(std::string_view key)
{
    forgetAtCommit(key);
    Statement& st = m_db.cached("DELETE FROM meta WHERE key = ?");
    st.bind(1, key);
    st.run();
}

void Meta::setAtCommit(std::string_view key, std::string value)
{
    if (!m_db.inTransaction()) {
        set(key, value);
        return;
    }
    m_db.m_metaAtCommit.insert_or_assign(std::string(key), std::move(value));
}

void Meta::forgetAtCommit(std::string_view key)
{
    if (auto it = m_db.m_metaAtCommit.find(key); it != m_db.m_metaAtCommit.end())
        m_db.m_metaAtCommit.erase(it);
}

void Meta::writeAtCommit(Database& db)
{
    auto pending = std::move(db.m_metaAtCommit);
    db.m_metaAtCommit.clear();
    Meta meta(db);
    for (const auto& [key, value] : pending)
        meta.set(key, value);
}

void Meta::dropAtCommit(Database& db)
{
    db.m_metaAtCommit.clear();
}

} // namespace shouwang
