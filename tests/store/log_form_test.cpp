#include "store/change_codec.h"
#include "store/log_form.h"

#include "domain/ids.h"
#include "domain/schema.h"

#include "shouwang/sync.pb.h"

#include <catch2/catch.hpp>

#include <random>

using namespace shouwang;

namespace {

// What the log keeps of a change before its own form: the bytes after the head.
std::string headless(const Change& change)
{
    return serializeChange(change).substr(changeHead(change).size());
}

Change visit()
{
    Change c;
    c.changeId = newUuid();
    c.entity = "visit";
    c.recordId = newUuid();
    c.villageCode = "500154002200";
    c.hlc = {0x0192f1a2b3c40001, newUuid()};
    c.operatorName = "李主任";
    c.fields = {{"elder_id", newUuid(), {}},
                {"date", "2025-12-11", {}},
                {"mode", "home", {}},
                {"visitor", "何林", {}},
                {"visitor_role", "cadre", {}},
                {"finding", "attention", {}},
                {"hazards", "electric", {}},
                {"needs", "想去县医院复查", {}},
                {"services_given", "送米送油", {}},
                {"follow_up", "下次探访时再了解情况", {}},
                {"next_due", "2025-12-18", {}}};
    return c;
}

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const unsigned char c : text)
        hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

} // namespace

TEST_CASE("the log form writes a visit in well under the wire's bytes and gives them back exactly")
{
    const std::string payload = headless(visit());
    const std::string stored = toLogForm(payload);
    REQUIRE_FALSE(stored.empty());
    CHECK(stored.front() == '\0');
    // Eleven names as codes (85 bytes less) and the elder's id as 16 bytes (20 less).
    CHECK(payload.size() - stored.size() >= 100);
    CHECK(fromLogForm(stored) == payload);
}

TEST_CASE("every field change comes back byte for byte: unknown names, bases, lists of ids, empty values")
{
    std::mt19937 random(20261203);
    const auto& all = entities();
    for (int round = 0; round < 500; ++round) {
        Change c = visit();
        c.fields.clear();
        c.operatorName = round % 7 == 0 ? "" : "操作员" + std::to_string(round);
        const EntityDef& entity = all[random() % all.size()];
        c.entity = std::string(entity.name);
        const int n = static_cast<int>(random() % 12);
        for (int i = 0; i < n; ++i) {
            FieldChange f;
            switch (random() % 6) {
            case 0:
                f.name = "a_field_of_a_later_version";
                break;
            case 1:
                f.name = std::string(kDeletedField);
                break;
            default:
                f.name = std::string(entity.fields[random() % entity.fields.size()].name);
            }
            switch (random() % 5) {
            case 0:
                f.value = newUuid();
                break;
            case 1:
                f.value = newUuid() + "," + newUuid();
                break;
            case 2:
                f.value = "";
                break;
            case 3:
                f.value = "C7E016FE-1E7D-4B58-B35B-729AF2B2FC62";
                break; // upper case stays text
            default:
                f.value = "值" + std::to_string(random());
            }
            if (random() % 3 == 0)
                f.base = {0x0192f1a2b3c40000ULL + random(), newUuid()};
            c.fields.push_back(f);
        }
        const std::string payload = headless(c);
        INFO("round " << round);
        CHECK(fromLogForm(toLogForm(payload)) == payload);
        const std::string whole = serializeChange(c); // kept whole, as before version 7
        CHECK(fromLogForm(toLogForm(whole)) == whole);
    }
}

TEST_CASE("a payload the log form cannot give back exactly is kept as it came")
{
    // A field change with a field of a later protocol in the numbers the log form takes.
    wire::Change message;
    message.set_operator_name("李主任");
    auto* f = message.add_fields();
    f->set_name("date");
    f->set_value("2025-12-11");
    f->GetReflection()->MutableUnknownFields(f)->AddVarint(14, 3);
    const std::string later = message.SerializeAsString();
    CHECK(toLogForm(later) == later);

    // A varint padded to more bytes than it needs decodes the same but would not re-encode so.
    const std::string plain = headless(visit());
    std::string padded = plain;
    const std::size_t tag = padded.find('\x3a'); // the first field change: its length
    REQUIRE(tag != std::string::npos);
    padded.insert(tag + 1, 1, '\x80');
    padded[tag + 1] = static_cast<char>(static_cast<unsigned char>(padded[tag + 2]) | 0x80);
    padded[tag + 2] = '\0';
    CHECK(toLogForm(padded) == padded);

    CHECK(toLogForm("") == "");
    CHECK(fromLogForm("") == "");
}

TEST_CASE("a damaged payload in the log form is no change at all, never a different one")
{
    const std::string stored = toLogForm(headless(visit()));
    REQUIRE(stored.front() == '\0');
    CHECK_FALSE(fromLogForm(stored.substr(0, stored.size() - 3)));
    // A field change whose name is a code no version has given (field 14, varint 9,999).
    const std::string unknownCode = std::string("\0\x3a\x03\x70\x8f\x4e", 6);
    CHECK(logFieldName(9999).empty());
    CHECK_FALSE(fromLogForm(unknownCode));
    CHECK(fromLogForm(std::string("\0\x3a\x02\x70\x01", 5))
          == std::string("\x3a\x09\x0a\x07"
                         "deleted"));
}

TEST_CASE("the codes of field names never move: logged changes must read the same in every later version")
{
    // The names of codes 1 to 145 as schema version 8 numbers them. A new field (with a new
    // schema version) only adds codes after them; one inserted among them would change what
    // every file holding a change of that entity reads.
    constexpr std::uint64_t kCodes = 145;
    std::string names;
    for (std::uint64_t code = 1; code <= kCodes; ++code) {
        REQUIRE_FALSE(logFieldName(code).empty());
        names += std::string(logFieldName(code)) + "\n";
    }
    CHECK(fnv1a(names) == 0xbdd82529853c9158ULL);
    CHECK(logFieldCode("deleted") == 1);
    CHECK(logFieldName(logFieldCode("elder_id")) == "elder_id");
    for (const auto& entity : entities()) {
        for (const auto& field : entity.fields)
            CHECK(logFieldName(logFieldCode(field.name)) == field.name);
    }
    CHECK(logFieldCode("a_field_of_a_later_version") == 0);
}
