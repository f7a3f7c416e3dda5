// import, export, template: the elder ledger as .xlsx or CSV (docs/csv-template.md).
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
    const std::string& path = cl.word(1, "FILE");
    OpenLedger open(cl, false);
    ImportOptions options;
    options.operatorName = cl.option("operator", open.ledger->meta().value(meta::kOperator, options.operatorName));
    options.villagePrefix = scopePrefix(*open.ledger);
    options.dryRun = cl.has("dry-run");
    options.sheet = cl.option("sheet");
    const ImportReport report = importEldersFile(*open.ledger, path, options);
    // The counts first (scripts read them), then what a clerk checks line by line.
    out << (report.dryRun ? "would import " : "imported ") << report.imported << '\n'
        << (report.dryRun ? "would update " : "updated ") << report.updated << '\n'
        << "unchanged " << report.unchanged << '\n'
        << "skipped " << report.skipped << '\n'
        << "refused " << report.refused << '\n';
    for (const RowUpdate& update : report.updates) {
        out << "  update line " << update.line << ": " << update.who;
        for (const FieldUpdate& change : update.changes)
            out << "  " << change.field << " “" << change.before << "” → “" << change.after << "”";
        out << '\n';
    }
    for (const RowError& e : report.skippedRows)
        out << "  skipped line " << e.line << ": " << e.message << '\n';
    for (const RowError& e : report.warnings)
        out << "  warning line " << e.line << ": " << e.message << '\n';
    for (const RowError& e : report.errors)
        out << "  line " << e.line << ": " << e.message << '\n';
    if (cl.has("refused") && !report.refusedRows.empty()) {
        const std::string refusedPath = cl.option("refused");
        if (const std::string why = writeRefusedRowsCsv(report, refusedPath); !why.empty())
            throw CommandError{why + " / cannot write " + refusedPath};
        out << "refused rows " << refusedPath << kPrivateFileNote << '\n';
    }
    out << importSummary(report) << '\n';
    if (report.wholeFileRefused)
        throw CommandError{report.errors.front().message + " / cannot import " + path};
    if (report.refused > 0)
        throw CommandError{importSummary(report) + " / " + std::to_string(report.refused) + " rows refused"};
}

void cmdExportCsv(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "FILE.xlsx|FILE.csv");
    OpenLedger open(cl, true);
    ExportOptions options;
    options.villagePrefix = scopePrefix(*open.ledger);
    options.revealPersonalData = cl.has("reveal");
    if (const std::string why = exportLedgerFile(*open.ledger, path, options); !why.empty())
        throw CommandError{why + " / cannot write " + path};
    out << "file " << path << kPrivateFileNote << '\n';
}

void cmdTemplate(const CommandLine& cl, std::ostream& out)
{
    const std::string& path = cl.word(1, "FILE.xlsx|FILE.csv");
    if (const std::string why = writeElderTemplateFile(path); !why.empty())
        throw CommandError{why + " / cannot write " + path};
    out << "file " << path << '\n';
}

} // namespace shouwang::cli
