// Prints docs/data-model.md from the schema description.
#include "domain/schema_markdown.h"

#include <iostream>

int main()
{
    std::cout << shouwang::schemaMarkdown();
    return 0;
}
