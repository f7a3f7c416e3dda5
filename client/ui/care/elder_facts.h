#pragma once

#include "domain/derived.h"
#include "domain/record.h"
#include "domain/risk_rule.h"

namespace shouwang::ui {

class LedgerSession;

// What the rules of domain/derived.h need about one elder, gathered from the elder, the
// household, the supporters and the latest assessment, for the forms that show derived
// values live (next visit due, suggested risk factors).
ElderFacts elderFacts(LedgerSession& session, const Record& elder);
ElderFlags elderFlags(LedgerSession& session, const Record& elder);
// The county standard in force (or the default one).
const RiskStandard& riskStandard(LedgerSession& session);

} // namespace shouwang::ui
