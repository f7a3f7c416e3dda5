#include "meta.h"

#include "database.h"

namespace shouwang {

std::optional<std::string> Meta::get(std::string_view key)
{
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
    Statement& st = m_db.cached("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

void Meta::erase(std::string_view key)
{
    Statement& st = m_db.cached("DELETE FROM meta WHERE key = ?");
    st.bind(1, key);
    st.run();
}

} // namespace shouwang
