#pragma once

#include "pg_migrations.h"

#include <memory>
#include <span>
#include <string>

namespace shouwang::pg {

// The city database's schema steps, oldest first: the county store's tables in
// PostgreSQL's types (ids as text, times and clocks as bigint, a record's clocks as bytea),
// so the store's statements (shared/store) run on them as they run on a county file.
std::span<const Migration> citySchema();

// Connects to the city database at `url` and brings it to the newest schema.
std::unique_ptr<Database> openCityDatabase(const std::string& url);

} // namespace shouwang::pg
