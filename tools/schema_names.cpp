// Prints shared/domain/schema_names.h from the schema description.
#include "domain/schema_names_source.h"

#include <iostream>

int main()
{
    std::cout << shouwang::schemaNamesHeader();
    return 0;
}
