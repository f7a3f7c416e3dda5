// Workbooks no Excel writes: a cell beyond the sheet's 16,384 columns, or so many far-right
// cells that holding them would take gigabytes. The reader refuses them with its "damaged"
// message instead of running out of memory; a real far-right cell is still read.
#include "exchange_fixture.h"

#include "exchange/xlsx_reader.h"

#include <minizip/unzip.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A one-sheet workbook written by libxlsxwriter, its sheet's XML then replaced by `sheetXml`.
std::string forgedWorkbook(const TempLedger& temp, const std::string& sheetXml)
{
    const std::string genuine = temp.file("genuine.xlsx"), forged = temp.file("forged.xlsx");
    lxw_workbook* book = workbook_new(genuine.c_str());
    worksheet_write_string(workbook_add_worksheet(book, "台账"), 0, 0, "姓名", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    unzFile in = unzOpen(genuine.c_str());
    zipFile out = zipOpen(forged.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(in);
    REQUIRE(out);
    for (int at = unzGoToFirstFile(in); at == UNZ_OK; at = unzGoToNextFile(in)) {
        char name[256] = {};
        unz_file_info info{};
        REQUIRE(unzGetCurrentFileInfo(in, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
        std::string bytes;
        if (std::string_view(name) == "xl/worksheets/sheet1.xml") {
            bytes = sheetXml;
        } else {
            REQUIRE(unzOpenCurrentFile(in) == UNZ_OK);
            char buffer[4096];
            int n = 0;
            while ((n = unzReadCurrentFile(in, buffer, sizeof buffer)) > 0)
                bytes.append(buffer, static_cast<std::size_t>(n));
            unzCloseCurrentFile(in);
        }
        REQUIRE(zipOpenNewFileInZip(out, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(out, bytes.data(), static_cast<unsigned>(bytes.size())) == ZIP_OK);
        zipCloseFileInZip(out);
    }
    unzClose(in);
    zipClose(out, nullptr);
    return readAll(forged);
}

std::string sheet(const std::string& rows)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
           "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
           + rows + "</sheetData></worksheet>";
}

std::string cell(const std::string& ref)
{
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>x</t></is></c>";
}

} // namespace

TEST_CASE("a forged xlsx with a cell beyond Excel's columns, or billions of cells to hold, is refused as damaged")
{
    TempLedger temp;
    const xlsx::Sheet wide = xlsx::readSheet(forgedWorkbook(temp, sheet("<row r=\"1\">" + cell("ZZZZZZ1") + "</row>")));
    CHECK(wide.rows.empty());
    CHECK_THAT(wide.error, Catch::Contains("可能已损坏"));

    std::string farRight; // 700 rows of one cell in column XFD: 11.5 million cells to hold
    for (int r = 1; r <= 700; ++r)
        farRight += "<row r=\"" + std::to_string(r) + "\">" + cell("XFD" + std::to_string(r)) + "</row>";
    const xlsx::Sheet heavy = xlsx::readSheet(forgedWorkbook(temp, sheet(farRight)));
    CHECK(heavy.rows.empty());
    CHECK_THAT(heavy.error, Catch::Contains("可能已损坏"));

    // Excel's last column is a real place for a note: it is read.
    const xlsx::Sheet last = xlsx::readSheet(forgedWorkbook(temp, sheet("<row r=\"1\">" + cell("XFD1") + "</row>")));
    INFO(last.error);
    REQUIRE(last.error.empty());
    REQUIRE(last.rows.size() == 1);
    CHECK(last.rows[0].fields.size() == 16384);
    CHECK(last.rows[0].fields.back() == "x");
}
