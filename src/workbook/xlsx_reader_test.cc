#include "workbook/xlsx_reader.h"

#include <gtest/gtest.h>

#include "workbook/csv_reader.h"
#include "workbook/workbook_testing.h"

namespace stdok {
namespace {

using testing::MiniXlsx;
using testing::ZipBytes;

Workbook Read(const std::string& bytes, std::string* error, const WorkbookLimits& limits = {}) {
  Workbook workbook;
  error->clear();
  ReadXlsx(bytes, limits, &workbook, error);
  return workbook;
}

TEST(XlsxReader, SharedInlineNumbersBooleansAndFormulaCachedValues) {
  std::string error;
  const Workbook wb = Read(
      MiniXlsx("Placeringar",
               R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline</t></is></c></row>)"
               R"(<row r="3"><c r="C3"><v>42.5</v></c><c r="D3" t="b"><v>1</v></c>)"
               R"(<c r="E3" t="str"><f>A1&amp;"x"</f><v>Hejx</v></c><c r="F3"><f>1+1</f><v>2</v></c>)"
               R"(<c r="G3" t="e"><v>#N/A</v></c><c r="H3"><f>1/0</f></c></row>)",
               R"(<si><t>Hej</t></si><si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>phonetic</t></rPh></si>)"),
      &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(wb.sheets.size(), 1u);
  const Sheet& s = wb.sheets[0];
  EXPECT_EQ(s.name, "Placeringar");
  EXPECT_EQ(s.At(0, 0).text, "Hej");
  EXPECT_EQ(s.At(0, 1).text, "Inline");
  EXPECT_EQ(s.At(1, 0).kind, Cell::Kind::kEmpty);  // row 2 is missing
  EXPECT_EQ(s.At(2, 2).kind, Cell::Kind::kNumber);
  EXPECT_EQ(s.At(2, 2).number, 42.5);
  EXPECT_EQ(s.At(2, 3).kind, Cell::Kind::kBool);
  EXPECT_EQ(s.At(2, 4).text, "Hejx");  // a formula's cached text, never evaluated
  EXPECT_EQ(s.At(2, 5).number, 2);
  EXPECT_EQ(s.At(2, 6).kind, Cell::Kind::kError);
  EXPECT_EQ(s.At(2, 7).kind, Cell::Kind::kEmpty);  // a formula without a cached value
}

TEST(XlsxReader, RichTextLeavesOutPhoneticRuns) {
  std::string error;
  const Workbook wb = Read(MiniXlsx("S", R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                                    R"(<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>x</t></rPh></si>)"),
                           &error);
  EXPECT_EQ(wb.sheets.at(0).At(0, 0).text, "Rich text");
}

TEST(XlsxReader, NumberFormatsMarkDatesAndPercentages) {
  std::string error;
  const Workbook wb = Read(MiniXlsx("S",
                                    R"(<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c>)"
                                    R"(<c r="C1" s="3"><v>0.8</v></c><c r="D1" s="4"><v>3</v></c><c r="E1"><v>3</v></c></row>)",
                                    "", "", R"(<workbookPr date1904="1"/>)"),
                           &error);
  const Sheet& s = wb.sheets.at(0);
  EXPECT_TRUE(s.At(0, 0).date);
  EXPECT_TRUE(s.At(0, 1).date);
  EXPECT_TRUE(s.At(0, 2).percent);
  EXPECT_FALSE(s.At(0, 3).date);  // letters inside quotes are literal text
  EXPECT_FALSE(s.At(0, 4).date);
  EXPECT_TRUE(wb.date1904);
}

TEST(XlsxReader, MergedRangesTakeTheTopLeftValue) {
  std::string error;
  const Workbook wb = Read(MiniXlsx("S", R"(<row r="2"><c r="B2" t="inlineStr"><is><t>M</t></is></c></row>)", "",
                                    R"(<mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>)"),
                           &error);
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(s.At(1, 2).text, "M");
  EXPECT_EQ(s.At(2, 1).text, "M");
  EXPECT_EQ(s.At(2, 2).text, "M");
  EXPECT_EQ(s.At(0, 0).kind, Cell::Kind::kEmpty);
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  std::string error;
  Read("this is not a zip", &error);
  EXPECT_NE(error.find("not a zip"), std::string::npos) << error;
  Read(ZipBytes({{"hello.txt", "hi"}}), &error);
  EXPECT_NE(error.find("no xl/workbook.xml"), std::string::npos) << error;
  Read(MiniXlsx("S", "<row><c><v>1</v></c>"), &error);  // malformed sheet XML
  EXPECT_NE(error.find("not well-formed"), std::string::npos) << error;
  Read(MiniXlsx("S", R"(<row r="1"><c r="A1" t="s"><v>7</v></c></row>)", "<si><t>a</t></si>"), &error);
  EXPECT_NE(error.find("shared string 7"), std::string::npos) << error;
}

TEST(XlsxReader, RefusesAZipBomb) {
  std::string error;
  Workbook wb;
  WorkbookLimits limits;
  std::string bytes = MiniXlsx("S", std::string(16u << 20, ' '));
  ReadXlsx(bytes, limits, &wb, &error);
  EXPECT_NE(error.find("zip bomb"), std::string::npos) << error;
  limits.max_ratio = 100000;
  limits.max_uncompressed_bytes = 4u << 20;
  error.clear();
  ReadXlsx(bytes, limits, &wb, &error);
  EXPECT_NE(error.find("larger than 4 MiB"), std::string::npos) << error;
}

TEST(XlsxReader, RefusesSheetsOverTheLimits) {
  std::string error;
  Read(MiniXlsx("Stor", R"(<row r="1048576"><c r="A1048576"><v>1</v></c></row>)"), &error);
  EXPECT_NE(error.find("the sheet 'Stor' has a row 1048576"), std::string::npos) << error;
  WorkbookLimits limits;
  limits.max_cells = 3;
  Read(MiniXlsx("S", R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c><c r="C1"><v>1</v></c><c r="D1"><v>1</v></c></row>)"),
       &error, limits);
  EXPECT_NE(error.find("over 3 cells"), std::string::npos) << error;
  Read(MiniXlsx("S", R"(<row r="1"><c r="ZZZZ1"><v>1</v></c></row>)"), &error);
  EXPECT_NE(error.find("a cell named 'ZZZZ1'"), std::string::npos) << error;
}

TEST(CsvReader, Utf8WithBomAndCommas) {
  Sheet sheet;
  CsvFormat format;
  std::string error;
  ASSERT_TRUE(ReadCsv("\xEF\xBB\xBFId,Namn\r\nT-1,\"Åsa, \"\"Öberg\"\"\"\r\nT-2,\"två\nrader\"\r\n", {}, &sheet, &format, &error));
  EXPECT_EQ(format.encoding, "UTF-8");
  EXPECT_EQ(format.separator, ',');
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.At(0, 0).text, "Id");
  EXPECT_EQ(sheet.At(1, 1).text, "Åsa, \"Öberg\"");
  EXPECT_EQ(sheet.At(2, 1).text, "två\nrader");
}

TEST(CsvReader, Windows1252WithSemicolonsAndBomlessUtf8) {
  Sheet sheet;
  CsvFormat format;
  std::string error;
  ASSERT_TRUE(ReadCsv("Id;Efternamn\r\nT-1;\xD6""berg;x\r\n", {}, &sheet, &format, &error));  // Ö in Windows-1252
  EXPECT_EQ(format.encoding, "Windows-1252");
  EXPECT_EQ(format.separator, ';');
  EXPECT_EQ(sheet.At(1, 1).text, "Öberg");
  ASSERT_TRUE(ReadCsv("Id;Efternamn\nT-1;Öberg\n", {}, &sheet, &format, &error));
  EXPECT_EQ(format.encoding, "UTF-8");
  EXPECT_EQ(sheet.At(1, 1).text, "Öberg");
  EXPECT_EQ(sheet.At(1, 2).kind, Cell::Kind::kEmpty);
}

TEST(CsvReader, RefusesAnOpenQuoteAndTooManyRows) {
  Sheet sheet;
  CsvFormat format;
  std::string error;
  EXPECT_FALSE(ReadCsv("a;b\n1;\"open\n2;3\n", {}, &sheet, &format, &error));
  EXPECT_NE(error.find("begins on line 2"), std::string::npos) << error;
  WorkbookLimits limits;
  limits.max_rows = 2;
  EXPECT_FALSE(ReadCsv("a\nb\nc\nd\n", limits, &sheet, &format, &error));
  EXPECT_NE(error.find("limits"), std::string::npos) << error;
}

}  // namespace
}  // namespace stdok
