#pragma once

#include "server_store.h"

#include "store/database.h"

#include <cstdint>
#include <memory>
#include <string>

namespace shouwang::server {

// What the county store needs of its database beyond the store's statements, which run on
// either backend as they are (docs/architecture.md, "The city on PostgreSQL"): how readers
// are opened, how the devices' "last seen" hints are written, how a copy is taken.
class StoreBackend {
public:
    virtual ~StoreBackend() = default;

    // Whether reads may go on connections of their own beside the writer (openReader);
    // otherwise they go through the writer.
    virtual bool readsBeside() const = 0;
    virtual std::unique_ptr<Database> openReader() = 0;
    // Around the writing of hints that need not survive a power cut (outside a transaction).
    virtual void relaxDurability(Database& writer, bool relaxed) = 0;
    // A consistent copy into the file `path`, while the server runs.
    virtual void backup(Database& writer, const std::string& path) = 0;
    // See CountyStore::limitPagesForTesting.
    virtual void limitPagesForTesting(Database& writer, std::int64_t pages) = 0;
};

// The county store over `writer`, a database already at the newest schema with the sync
// service's tables: the same store, merge and pages whichever backend it is.
std::unique_ptr<CountyStore> openLedgerCountyStore(std::unique_ptr<Database> writer,
                                                   std::unique_ptr<StoreBackend> backend);

} // namespace shouwang::server
