// import, export: the elder ledger as CSV (docs/csv-template.md).
#include "cli.h"

#include "exchange/elder_csv.h"

#include "store/ledger.h"
#include "store/private_file.h"
#include "sync/scope.h"

#include <ostream>

namespace shouwang::cli {
namespace {

// A device keeps to the villages it is enrolled for, so an import cannot make records the
// server would refuse at the next sync.
std::string scopePrefix(Ledger& ledger)
{
    auto scope = Scope::parse(ledger.meta().value(meta::kScope));
    return scope ? scope->code : std::string{};
}

} // namespace

void cmdImportCsv(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "FILE.csv");
    OpenLedger open(cl, false);
    ImportOptions options;
    options.operatorName = cl.option("operator", open.ledger->meta().value(meta::kOperator, options.operatorName));
    options.villagePrefix = scopePrefix(*open.ledger);
    const ImportReport report = importEldersCsvFile(*open.ledger, path, options);
    out << "imported " << report.imported << '\n'
        << "updated " << report.updated << '\n'
        << "unchanged " << report.unchanged << '\n'
        << "refused " << report.refused << '\n';
    for (const RowError& e : report.errors)
        out << "  line " << e.line << ": " << e.message << '\n';
    for (const RowError& e : report.errors) {
        if (e.line == 0)
            throw CommandError{e.message + " / cannot import " + path};
    }
    if (report.refused > 0)
        throw CommandError{std::to_string(report.refused) + " 行被拒绝，其余已导入 / " + std::to_string(report.refused)
                           + " rows refused, the others imported"};
}

void cmdExportCsv(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "FILE.csv");
    OpenLedger open(cl, true);
    ExportOptions options;
    options.villagePrefix = scopePrefix(*open.ledger);
    options.revealPersonalData = cl.has("reveal");
    if (const std::string why = exportEldersCsvFile(*open.ledger, path, options); !why.empty())
        throw CommandError{why + " / cannot write " + path};
    out << "file " << path << kPrivateFileNote << '\n';
}

} // namespace shouwang::cli
