#include "ledger_queries.h"

namespace shouwang::bench {

std::vector<LedgerQuery> ledgerQueries(const std::vector<ElderRow>& firstPage)
{
    const std::string someName = firstPage.empty() ? "张" : firstPage[firstPage.size() / 2].name;
    const std::string surname = someName.substr(0, 3); // one CJK character in UTF-8
    const std::string idPart = firstPage.empty() ? "1950" : firstPage[firstPage.size() / 3].idNumber.substr(6, 6);

    std::vector<LedgerQuery> queries;
    auto add = [&](std::string name, auto&& setup) {
        ElderFilter f;
        f.limit = 500; // ElderTableModel::kPageSize: what the table loads first
        setup(f);
        queries.push_back({std::move(name), f});
    };
    add("name_full", [&](ElderFilter& f) { f.text = someName; });
    add("name_surname", [&](ElderFilter& f) { f.text = surname; });
    add("id_substring", [&](ElderFilter& f) { f.text = idPart; });
    add("flag_advanced_age", [](ElderFilter& f) { f.flags = ElderFilter::AdvancedAge; });
    add("flag_disabled", [](ElderFilter& f) { f.flags = ElderFilter::Disabled; });
    add("flag_dementia", [](ElderFilter& f) { f.flags = ElderFilter::Dementia; });
    add("flag_alone", [](ElderFilter& f) { f.flags = ElderFilter::Alone; });
    add("flag_hardship", [](ElderFilter& f) { f.flags = ElderFilter::Hardship; });
    add("flag_key_target", [](ElderFilter& f) { f.flags = ElderFilter::KeyTarget; });
    add("flag_eligible", [](ElderFilter& f) { f.flags = ElderFilter::Eligible; });
    add("risk_high", [](ElderFilter& f) { f.riskLevel = "high"; });
    add("overdue", [](ElderFilter& f) { f.overdue = true; });
    add("sort_by_visit_due", [](ElderFilter& f) { f.sortColumn = "visitDue"; });
    return queries;
}

} // namespace shouwang::bench
