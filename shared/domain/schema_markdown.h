#pragma once

#include <string>

namespace shouwang {

// The data model as Markdown, straight from the schema description, so that
// docs/data-model.md can never silently disagree with the code (a test compares them).
std::string schemaMarkdown();

} // namespace shouwang
