#include "workbook/workbook_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "workbook/cell_values.h"
#include "workbook/record_sheets.h"

namespace stdok {
namespace {

Cell Text(const std::string& text) { return Cell{Cell::Kind::kText, text}; }
Cell Number(double n, bool date = false, bool percent = false) {
  Cell c;
  c.kind = Cell::Kind::kNumber;
  c.number = n;
  c.date = date;
  c.percent = percent;
  return c;
}

Sheet MakeSheet(const std::string& name, std::vector<std::vector<Cell>> rows) { return Sheet{name, std::move(rows)}; }

TEST(CellValues, DatesAsSerialsTextAndNonsense) {
  std::string out, problem;
  EXPECT_TRUE(ReadDateCell(Number(45689, true), false, &out, &problem));
  EXPECT_EQ(out, "2025-02-01");
  EXPECT_TRUE(ReadDateCell(Number(1), false, &out, &problem));
  EXPECT_EQ(out, "1900-01-01");
  EXPECT_TRUE(ReadDateCell(Number(61), false, &out, &problem));
  EXPECT_EQ(out, "1900-03-01");  // after Excel's 29 February 1900
  EXPECT_TRUE(ReadDateCell(Number(0), true, &out, &problem) == false);
  EXPECT_TRUE(ReadDateCell(Number(44227), true, &out, &problem));
  EXPECT_EQ(out, "2025-02-01");  // the 1904 system
  EXPECT_TRUE(ReadDateCell(Text(" 2025-02-01\u00a0"), false, &out, &problem));
  EXPECT_EQ(out, "2025-02-01");
  EXPECT_TRUE(ReadDateCell(Text("20250201"), false, &out, &problem));
  EXPECT_TRUE(ReadDateCell(Text("2025-02-01 00:00:00"), false, &out, &problem));
  EXPECT_TRUE(ReadDateCell(Text("1/2/2025"), false, &out, &problem));
  EXPECT_EQ(out, "2025-02-01");
  EXPECT_FALSE(ReadDateCell(Text("2025-02-30"), false, &out, &problem));
  EXPECT_EQ(problem, "'2025-02-30' is not a date (write ÅÅÅÅ-MM-DD)");
}

TEST(CellValues, PercentagesNumbersFlagsAndPersonnummer) {
  std::string out, problem;
  EXPECT_TRUE(ReadPercentCell(Number(0.8, false, true), &out, &problem));
  EXPECT_EQ(out, "80");
  EXPECT_TRUE(ReadPercentCell(Number(0.625), &out, &problem));
  EXPECT_EQ(out, "62.5");
  EXPECT_TRUE(ReadPercentCell(Number(75), &out, &problem));
  EXPECT_EQ(out, "75");
  EXPECT_TRUE(ReadPercentCell(Text("80\u00a0%"), &out, &problem));
  EXPECT_EQ(out, "80");
  EXPECT_TRUE(ReadPercentCell(Text("62,5"), &out, &problem));
  EXPECT_EQ(out, "62.5");
  EXPECT_FALSE(ReadPercentCell(Text("150"), &out, &problem));
  EXPECT_TRUE(ReadNumberCell(Text("1,5"), &out, &problem));
  EXPECT_EQ(out, "1.5");
  EXPECT_FALSE(ReadNumberCell(Text("nan"), &out, &problem));
  EXPECT_TRUE(ReadFlagCell(Text("Ja"), &out, &problem));
  EXPECT_EQ(out, "yes");
  EXPECT_FALSE(ReadFlagCell(Text("kanske"), &out, &problem));
  EXPECT_TRUE(ReadPersonnummerCell(Number(198503121234.0), &out, &problem));
  EXPECT_EQ(out, "19850312-1234");
  EXPECT_TRUE(ReadPersonnummerCell(Number(101231234), &out, &problem));  // 0010123-1234 lost its zero
  EXPECT_EQ(out, "010123-1234");
  EXPECT_TRUE(ReadPersonnummerCell(Text("191212+1212"), &out, &problem));
  EXPECT_EQ(out, "191212+1212");
  EXPECT_EQ(CellText(Text(" a\u00a0\u00a0b  ")), "a b");
}

Workbook Cohort() {
  Workbook wb;
  wb.path = "kohort.xlsx";
  wb.sheets.push_back(MakeSheet("ST-läkare", {{Text("Id"), Text("Förnamn"), Text("Efternamn"), Text("Utbildning"),
                                               Text("ST påbörjas"), Text("Tjänstgöringsgrad"), Text("Personnummer")},
                                              {Text("T-1"), Text("Åsa"), Text("Öberg"), Text("st"), Number(45689, true),
                                               Number(0.8, false, true), Number(198503121234.0)},
                                              {Text("T-2"), Text("Bo"), Text("Ek"), Text("ST"), Text("2025-13-01")}}));
  wb.sheets.push_back(MakeSheet("Placeringar", {{Text("ST-läkare"), Text("Enhet (fritext)"), Text("Start"), Text("Slut")},
                                                {Text("T-1"), Text("Medicin"), Text("2025-02-01"), Text("2025-02-30")},
                                                {Text("T-1"), Text("Kirurgi"), Text("2025-03-01"), Text("2025-08-31")},
                                                {Text("T-9"), Text("Okänd"), Text("2025-03-01")}}));
  return wb;
}

TEST(WorkbookImport, RowsBecomeElementsAndEveryProblemNamesItsCell) {
  Diagnostics diagnostics;
  const ImportedRecords records = ImportWorkbook(Cohort(), &diagnostics);
  EXPECT_NE(records.xml.find(R"(<trainee id="T-1">)"), std::string::npos) << records.xml;
  EXPECT_NE(records.xml.find(R"(<programme kind="ST" start="2025-02-01" rate="80" />)"), std::string::npos)
      << records.xml;
  EXPECT_NE(records.xml.find("<personnummer>19850312-1234</personnummer>"), std::string::npos);
  EXPECT_NE(records.xml.find(R"(<placement unit-name="Kirurgi" start="2025-03-01" end="2025-08-31" />)"),
            std::string::npos);
  // The bad cell is left out, the rest of its row and the other rows are kept.
  EXPECT_NE(records.xml.find(R"(<placement unit-name="Medicin" start="2025-02-01" />)"), std::string::npos);
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[0].message, "ST-läkare!E3 (ST påbörjas): '2025-13-01' is not a date (write ÅÅÅÅ-MM-DD)");
  EXPECT_EQ(diagnostics[0].trainee_id, "T-2");
  EXPECT_EQ(diagnostics[0].location.ToString(), "kohort.xlsx:ST-läkare!E3");
  EXPECT_EQ(diagnostics[1].message, "Placeringar!D2 (Slut): '2025-02-30' is not a date (write ÅÅÅÅ-MM-DD)");
  EXPECT_EQ(diagnostics[1].rule, "records.date-invalid");
  EXPECT_EQ(diagnostics[1].trainee_id, "T-1");
  EXPECT_EQ(diagnostics[2].message,
            "Placeringar!A4 (ST-läkare): 'T-9' is not an Id on the sheet ST-läkare; the row is left out");
}

TEST(WorkbookImport, LocatesTheRecordsReadersFindingsInCells) {
  Diagnostics diagnostics;
  Workbook wb = Cohort();
  const ImportedRecords records = ImportWorkbook(wb, &diagnostics);
  // A finding on the second placement's end, as the records reader would make it.
  const std::size_t at = records.xml.find("unit-name=\"Kirurgi\"");
  const int line = 1 + static_cast<int>(std::count(records.xml.begin(), records.xml.begin() + at, '\n'));
  Diagnostics found = {{Severity::kError, {"kohort.xlsx", line, 5}, "T-1", "@end", "rules.x", "too late", ""}};
  LocateInWorkbook(records, "kohort.xlsx", &found);
  EXPECT_EQ(found[0].location.ToString(), "kohort.xlsx:Placeringar!D3");
  EXPECT_EQ(found[0].message, "Placeringar!D3 (Slut): too late");
  Diagnostics described = {{Severity::kWarning, {"kohort.xlsx", line, 1}, "T-1", "description", "rules.y", "no text", ""}};
  LocateInWorkbook(records, "kohort.xlsx", &described);
  EXPECT_EQ(described[0].message, "Placeringar!3: no text");  // no Beskrivning column on this sheet
}

TEST(RecordSheets, ParentsComeFirstAndChildSheetsNameTheirParent) {
  const auto& sheets = RecordSheets();
  EXPECT_EQ(sheets[kTraineeSheet].name, "ST-läkare");
  for (const SheetSpec& s : sheets) {
    if (s.parent < 0) continue;
    const SheetSpec& parent = sheets[static_cast<std::size_t>(s.parent)];
    EXPECT_LT(&parent, &s) << s.name;
    EXPECT_EQ(parent.parent < 0 || parent.numbered, true) << s.name;
  }
  EXPECT_EQ(sheets[8].name, "Sidoplaner");
  EXPECT_EQ(sheets[static_cast<std::size_t>(sheets[8].parent)].name, "Sidotjänstgöringar");
  EXPECT_EQ(SheetHeaders(8)[1], "Sidotjänstgöringar nr");
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

// Every sheet with one row of nonsense in every column: each typed column gives one located
// error, the text columns take the text, nothing crashes and the XML is still a records file.
TEST(WorkbookImport, WrongTypesInEveryColumn) {
  Workbook wb;
  wb.path = "fel.xlsx";
  std::size_t typed = 0;
  for (std::size_t i = 0; i < RecordSheets().size(); ++i) {
    const std::vector<std::string> headers = SheetHeaders(static_cast<int>(i));
    Sheet sheet{RecordSheets()[i].name, {{}, {}}};
    for (const std::string& h : headers) {
      sheet.rows[0].push_back(Text(h));
      sheet.rows[1].push_back(Text(h == "Id" || h == "ST-läkare" || h == "Person" ? "X-1" : h.find(" nr") != std::string::npos || h == "Nr" ? "1" : "fel?"));
    }
    for (const ColumnSpec& c : RecordSheets()[i].columns)
      if (c.type != ColumnType::kText && c.type != ColumnType::kLongText && c.type != ColumnType::kPersonnummer) ++typed;
    wb.sheets.push_back(std::move(sheet));
  }
  Diagnostics diagnostics;
  const ImportedRecords records = ImportWorkbook(wb, &diagnostics);
  std::size_t errors = 0;
  for (const Diagnostic& d : diagnostics) {
    EXPECT_EQ(d.location.file.rfind("fel.xlsx:", 0), 0u) << d.ToString();
    EXPECT_NE(d.message.find("'fel?'"), std::string::npos) << d.ToString();
    errors += d.severity == Severity::kError;
  }
  EXPECT_EQ(errors, typed);
  EXPECT_NE(records.xml.find("<stdok-records version=\"1\">"), std::string::npos);
  EXPECT_NE(records.xml.find("<trainee id=\"X-1\">"), std::string::npos);
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(RecordSheets, DocsWorkbookMdListsEverySheetAndColumn) {
  std::ifstream in(std::string(STDOK_SOURCE_DIR) + "/docs/workbook.md");
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_NE(doc.str().find(SheetsReference()), std::string::npos)
      << "docs/workbook.md must hold, verbatim:\n" << SheetsReference();
}

}  // namespace
}  // namespace stdok
