#pragma once

namespace shouwang {

class Database;

// The record tables' secondary indexes set aside while a large snapshot loads
// (docs/performance.md, scenario 3). Records arrive in the county's order, so every index
// keyed by a random id (a visit's elder, a record's created time) takes each insert at a
// random leaf, and a county-scope replica wrote its indexes out again with every group of
// pages: 5.8x its file. Without them the tables grow at their ends; CREATE INDEX then sorts
// each index once and writes it once. A table's own key (its id) stays: the merge looks
// records up by it.

// Drops every secondary index of the record tables (nothing when some are aside already).
// Their SQL is kept in the meta table in the same transaction, so whatever stops the load,
// restoreIndexes brings them back: the snapshot when it ends or stops, its resumption after
// a crash, or an open of the file with no snapshot under way (openLedgerDatabase).
void setIndexesAside(Database& db);

// Makes again the indexes set aside and forgets them; false when none were.
bool restoreIndexes(Database& db);

} // namespace shouwang
