#include "domain/schema_markdown.h"
#include "domain/schema_names_source.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

TEST_CASE("docs/data-model.md is the schema as the code describes it")
{
    std::ifstream in(SHOUWANG_SOURCE_DIR "/docs/data-model.md", std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    // On a mismatch, regenerate: build/<preset>/tools/shouwang-schema-doc > docs/data-model.md
    CHECK(text.str() == shouwang::schemaMarkdown());
}

TEST_CASE("shared/domain/schema_names.h names exactly the schema's entities and fields")
{
    std::ifstream in(SHOUWANG_SOURCE_DIR "/shared/domain/schema_names.h", std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    // On a mismatch, regenerate: build/<preset>/tools/shouwang-schema-names > shared/domain/schema_names.h
    CHECK(text.str() == shouwang::schemaNamesHeader());
}
