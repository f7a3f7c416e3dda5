#pragma once

#include "domain/record.h"
#include "store/ledger.h"
#include "sync/scope.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shouwang::ui {

// The open ledger file as the window sees it: one Database connection for the GUI thread,
// the Ledger over it, the village this device keeps and the operator's name. Every save made
// by a view or dialog goes through save(), which tells the other views to refresh.
class LedgerSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerSession)

public:
    // Opens or creates the file; throws StoreError when it cannot be opened.
    explicit LedgerSession(const QString& path, QObject* parent = nullptr);
    ~LedgerSession() override;

    QString path() const { return m_path; }
    Ledger& ledger() { return *m_ledger; }
    Database& database() { return *m_db; }

    // The scope code: a 12-digit village, or a shorter township/county prefix after a
    // township or county enrollment. Empty until the first-run choice is made.
    std::string scopeCode();
    // Village, township or county, from the enrolled scope (Meta kScope); a ledger not yet
    // configured counts as a village.
    Scope::Kind scopeKind();
    bool setVillage(const std::string& villageCode);
    // A village's, township's or county's code: keeps that unit (demos; enrollment stores
    // the scope the server grants). False, and nothing changed, for a code of no level.
    bool setScope(const std::string& code);
    bool isConfigured() { return !scopeCode().empty(); }
    std::string villageCode(); // the 12-digit code new records get, "" above village level
    std::string countyCode();
    // Whether this device may add and change records of `entity`: Scope::mayWrite of the
    // enrolled scope. Everything else is shown read-only.
    bool mayWrite(const EntityDef& entity);

    std::string operatorName();
    void setOperatorName(const std::string& name);

    // `loaded`: the record as the form read it, so only what the user changed is saved
    // (Ledger::save); null for a record saved whole.
    SaveResult save(Record& record, const Record* loaded = nullptr);
    // Saves `first` then `second` in one transaction (a new household and the elder who
    // joins it): both are stored or, when either is refused, neither.
    SaveResult saveTogether(Record& first, Record& second);
    SaveResult remove(const Record& record);
    std::optional<Record> get(std::string_view entity, std::string_view id);
    std::vector<Record> list(std::string_view entity, const ListFilter& filter = {});
    // A short name for a record in pickers and lists: its name, head of household, etc.
    QString title(std::string_view entity, std::string_view id);

    // Something outside save() changed the ledger (sync, import, demo): refresh every view.
    void notifyChanged() { emit changed(); }

signals:
    void changed();

private:
    Scope scope();
    void fillVillage(Record& record);
    std::string signature();

    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
};

QString recordTitle(const Record& record);

} // namespace shouwang::ui
