// Writes the seed corpus of every fuzzer (corpus/<target>/): a few well-formed inputs each,
// so the fuzzers start from messages that reach deep code. Run once by hand:
//   build/fuzz/fuzz/shouwang-fuzz-seeds fuzz/corpus
#include "exchange/elder_csv.h"
#include "exchange/table.h"
#include "exchange/text_encoding.h"
#include "store/change_codec.h"
#include "store/ledger.h"
#include "store/log_form.h"
#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/protocol.h"
#include "sync/registration.h"

#include "shouwang/sync.pb.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace shouwang;

namespace {

std::filesystem::path root;

void write(const std::string& target, const std::string& name, const std::string& bytes)
{
    std::filesystem::create_directories(root / target);
    std::ofstream(root / target / name, std::ios::binary) << bytes;
}

Change household(int i)
{
    Change c;
    c.changeId = "seed-change-" + std::to_string(i);
    c.entity = "household";
    c.recordId = "seed-record-" + std::to_string(i);
    c.villageCode = "500154102200";
    c.hlc = Hlc{(std::uint64_t{1700000000000} << Hlc::kCounterBits) + static_cast<std::uint64_t>(i), "fuzz-device-0001"};
    c.operatorName = "村干部";
    c.fields = {{"head_name", "张三", {}}, {"address", "一组12号", {}}, {"dibao", "1", {}}};
    return c;
}

std::string http(const std::string& path, const std::string& body, const std::string& extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: county\r\nContent-Type: application/x-protobuf\r\n" + extra
        + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// UTF-8 (valid: the seeds' own text) to code points.
std::u32string utf32Of(const std::string& text)
{
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? char32_t{b} : char32_t{b} & (0x7Fu >> length);
        for (int k = 1; k < length; ++k)
            c = (c << 6) | (char32_t{static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)])} & 0x3Fu);
        out += c;
        i += static_cast<std::size_t>(length);
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: shouwang-fuzz-seeds CORPUS_DIR\n";
        return 2;
    }
    root = argv[1];

    wire::PushRequest push;
    push.set_protocol_version(protocol::kVersion);
    toWire(household(1), *push.add_changes());
    Change edit = household(1);
    edit.changeId = "seed-change-2";
    edit.fields = {{"notes", "备注", edit.hlc}};
    edit.hlc.time += 5;
    toWire(edit, *push.add_changes());
    write("fuzz_push", "plain", std::string(1, '\0') + push.SerializeAsString());
    write("fuzz_push", "gzip", std::string(1, '\1') + gzip::compress(push.SerializeAsString()));
    write("fuzz_push_limits", "plain", push.SerializeAsString());

    wire::PullRequest pull;
    pull.set_protocol_version(protocol::kVersion);
    pull.set_limit(2);
    write("fuzz_pull", "first-page", pull.SerializeAsString());
    pull.set_cursor(3);
    write("fuzz_pull", "later-page", pull.SerializeAsString());

    wire::EnrollRequest enroll;
    enroll.set_protocol_version(protocol::kVersion);
    enroll.set_code("ABCD-EFGH-JKLM");
    enroll.set_device_id("seed-device-1");
    enroll.set_device_name("村委会笔记本");
    enroll.set_signing_key(crypto::publicKeyOf(std::string(32, '\x01')));
    write("fuzz_enroll", "enroll", enroll.SerializeAsString());

    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id("fuzz-device-0001");
    bundle.set_scope("village:500154102200");
    *bundle.mutable_changes() = push.changes();
    write("fuzz_bundle", "village", writeBundleFile(bundle, std::string(64, 'a')));
    wire::Bundle answer;
    answer.set_protocol_version(protocol::kVersion);
    answer.set_device_id("fuzz-device-0001");
    answer.add_results()->set_change_id("seed-change-1");
    *answer.mutable_updates()->mutable_changes() = push.changes();
    write("fuzz_bundle", "answer", writeBundleFile(answer, std::string(64, 'a')));
    // Signed with the fixed key fuzz_bundle trusts, and a registration file.
    const std::string signingKey(32, '\x01');
    write("fuzz_bundle", "signed", writeBundleFile(bundle, BundleSeal{signingKey, std::string(64, 'a')}));
    wire::Registration registration;
    registration.set_protocol_version(protocol::kVersion);
    registration.set_device_signing_key(std::string(32, '\x02'));
    wire::EnrollResponse* enrollment = registration.mutable_enrollment();
    enrollment->set_device_id("fuzz-device-0001");
    enrollment->set_token("fuzz-token");
    enrollment->set_scope("village:500154102200");
    enrollment->set_county_code("500154");
    enrollment->set_county_key(crypto::publicKeyOf(signingKey));
    write("fuzz_bundle", "registration", writeRegistrationFile(registration, signingKey));

    {
        auto db = openLedgerDatabase(":memory:");
        Ledger ledger(*db);
        Record elder;
        elder.entity = "elder";
        elder.villageCode = "500154102200";
        elder.set("name", "张秀英");
        elder.set("id_number", "11010519491231002X");
        elder.set("phone", "13912345678");
        elder.set("living", "alone");
        elder.set("status", "active");
        elder.set("income_sources", "pension,children");
        ledger.save(elder, "seeds");
        ExportOptions options;
        options.revealPersonalData = true;
        std::ostringstream csv;
        exportEldersCsv(ledger, csv, options);
        write("fuzz_csv", "one-elder", csv.str());
        write("fuzz_csv", "quoted", csv.str() + "\"引号,\"\"里\"\"\",x\r\n");
    }

    // fuzz_import: what a county office's Excel saves. The rows meet the ledger fuzz_import
    // makes: an ID held in another village, an elder to update, a 15-digit ID, a totals row.
    {
        const std::string title = "红宝村农村留守老年人信息台账（2026年）";
        Table ledgerSheet{"台账", {"序号", "村（社区）代码", "户主姓名", "家庭住址", "姓  名", "身份证号码", "居住情况", "联系方式", "出生日期"},
                          {{"1", "500154102201", "王五", "二组3号", "王五", "11010519491231002X", "独居老人", "+86 138 0000 0000", "1949.12.31"},
                           {"2", "500154102201", "李桂兰", "一组5号", "李桂兰", "500154195003011238", "与配偶同住", "13900000001", "42064"},
                           {"3", "500154102201", "赵六", "三组", "赵六", "110105491231002", "独居", "１３９ ０００ ００００", ""},
                           {"合计", "", "", "", "", "", "", "", ""},
                           {"填表人：", "", "", "", "", "", "", "", ""}}};
        ledgerSheet.rows.insert(ledgerSheet.rows.begin(), std::vector<std::string>(ledgerSheet.headers));
        ledgerSheet.headers = {title, "", "", "", "", "", "", "", ""};
        Table visits{"探访记录", {"身份证号", "走访日期", "走访方式", "走访人"},
                     {{"11010519491231002X", "2026-03-01", "上门", "村干部"}}};
        const auto xlsxPath = std::filesystem::temp_directory_path() / "shouwang-seed.xlsx";
        if (const std::string error = writeTablesXlsx(xlsxPath.string(), {ledgerSheet, visits}); !error.empty()) {
            std::cerr << error << '\n';
            return 1;
        }
        std::ifstream in(xlsxPath, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        std::filesystem::remove(xlsxPath);
        write("fuzz_import", "workbook.xlsx", bytes.str());

        std::ostringstream text;
        text << title << "\r\n";
        for (const auto& row : ledgerSheet.rows) {
            for (std::size_t i = 0; i < row.size(); ++i)
                text << (i ? "," : "") << row[i];
            text << "\r\n";
        }
        write("fuzz_import", "gb18030.csv", encoding::utf8ToGb18030(text.str()).value_or(std::string{}));

        // "Unicode 文本": UTF-16LE with its byte order mark, tab-separated.
        std::string tabbed = text.str();
        std::replace(tabbed.begin(), tabbed.end(), ',', '\t');
        std::string utf16 = "\xFF\xFE";
        for (const char32_t c : utf32Of(tabbed)) {
            const auto unit = [&](char32_t u) {
                utf16 += static_cast<char>(u & 0xFF);
                utf16 += static_cast<char>((u >> 8) & 0xFF);
            };
            if (c >= 0x10000) {
                unit(0xD800 + ((c - 0x10000) >> 10));
                unit(0xDC00 + ((c - 0x10000) & 0x3FF));
            } else {
                unit(c);
            }
        }
        write("fuzz_import", "unicode.txt", utf16);
    }

    // What the log keeps of a change (after its head), and the whole change as it kept it
    // before version 7; a field change with a reference and one with a base.
    Change visit = household(9);
    visit.entity = "visit";
    visit.fields
        = {{"elder_id", "0192f1a2-b3c4-7d5e-9a61-2b8f3c4d5e6f", {}},
           {"date", "2025-12-11", {}},
           {"finding", "attention", Hlc{std::uint64_t{1700000000000} << Hlc::kCounterBits, "fuzz-device-0001"}}};
    write("fuzz_log_form", "headless", serializeChange(visit).substr(changeHead(visit).size()));
    write("fuzz_log_form", "whole", serializeChange(visit));
    write("fuzz_log_form", "stored", toLogForm(serializeChange(visit).substr(changeHead(visit).size())));

    write("fuzz_gzip", "text", gzip::compress("守望 shouwang"));
    write("fuzz_gzip", "push", gzip::compress(push.SerializeAsString()));

    write("fuzz_http", "push", http(std::string(protocol::kPushPath), push.SerializeAsString(), "Authorization: Bearer x\r\n"));
    write("fuzz_http", "pull-gzip", http(std::string(protocol::kPullPath), gzip::compress(pull.SerializeAsString()),
                                         "Content-Encoding: gzip\r\nAccept-Encoding: gzip\r\n"));
    write("fuzz_http", "healthz", "GET /healthz HTTP/1.1\r\nHost: county\r\n\r\n");
    write("fuzz_http", "chunked", "POST /api/v1/enroll HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    return 0;
}
