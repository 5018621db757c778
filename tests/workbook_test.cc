// Workbooks end to end: every sample exported and imported again gives the same findings and
// the same PDF text; a workbook edited the way Excel stores things (openpyxl) too; openpyxl
// reads every workbook stdok writes; hostile workbooks give located errors, never a crash.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace stdok::testing::workbook_test {
namespace {

const char* kSamples[] = {"st-stefan-balan", "am-asa-oberg", "bt-lukasz-zolkiewski", "handlingsplan-nguyen",
                          "st-tredjeland", "kohort-vasternorrland"};
const std::string kAsOf = " --as-of 2026-11-22";
// Debian's Python, which has python3-openpyxl (scripts/install-deps.sh); not a pyenv shim.
const std::string kPython = "/usr/bin/python3";

std::string Stdok(const std::string& args) { return Quote(Binary()) + " " + args + " 2>&1"; }

// `check --format json` without the locations, which name XML lines or cells.
std::string FindingsWithoutLocations(const std::string& input) {
  const CommandResult r = RunCommand(Stdok("check --format json" + kAsOf + " " + Quote(input)) +
                                     " | python3 -c \"import json,sys\n"
                                     "d=json.load(sys.stdin)\n"
                                     "def s(x):\n"
                                     "  if isinstance(x,dict): return {k:s(v) for k,v in x.items() if k not in "
                                     "('file','line','column','location','message')}\n"
                                     "  if isinstance(x,list): return [s(v) for v in x]\n"
                                     "  return x\n"
                                     "print(json.dumps(s(d),sort_keys=True,ensure_ascii=False))\"");
  return r.output;
}

// Renders `input` and returns every PDF's text, by relative path.
std::vector<std::pair<std::string, std::string>> RenderedText(const std::string& input) {
  const std::string out = MakeTempDir();
  RunCommand("SOURCE_DATE_EPOCH=1795000000 " + Stdok("render -q -j 1" + kAsOf + " " + Quote(input) + " -o " + Quote(out)));
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& pdf : PdfsBelow(out)) texts.push_back({pdf, PdfText(out + "/" + pdf)});
  std::filesystem::remove_all(out);
  return texts;
}

void ExpectSameDocuments(const std::string& xml, const std::string& workbook) {
  const auto want = RenderedText(xml);
  const auto got = RenderedText(workbook);
  ASSERT_FALSE(want.empty()) << xml;
  ASSERT_EQ(want.size(), got.size()) << workbook;
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].first, got[i].first);
    EXPECT_EQ(want[i].second, got[i].second) << want[i].first;
  }
}

TEST(Workbook, EverySampleSurvivesExportAndImport) {
  const std::string dir = MakeTempDir();
  for (const char* sample : kSamples) {
    SCOPED_TRACE(sample);
    const std::string xml = SourceDir() + "/samples/" + sample + ".xml";
    const std::string xlsx = dir + "/" + sample + ".xlsx", back = dir + "/" + sample + ".xml";
    ASSERT_EQ(RunCommand(Stdok("export " + Quote(xml) + " -o " + Quote(xlsx))).exit_code, 0);
    const CommandResult imported = RunCommand(Stdok("import " + Quote(xlsx) + " -o " + Quote(back)));
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    EXPECT_EQ(FindingsWithoutLocations(xml), FindingsWithoutLocations(back));
    EXPECT_EQ(FindingsWithoutLocations(xml), FindingsWithoutLocations(xlsx));
  }
  // Documents: from the XML, and from the workbook directly.
  for (const char* sample : {"st-stefan-balan", "bt-lukasz-zolkiewski"})
    ExpectSameDocuments(SourceDir() + "/samples/" + sample + ".xml", dir + "/" + sample + ".xlsx");
  std::filesystem::remove_all(dir);
}

// Edits a workbook the way Excel stores what a person types: personnummer as numbers, rates as
// fractions shown as percentages, dates as date cells (already), flags as booleans, cells with
// non-breaking spaces around the text.
const char* kExcelEdit = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    if ws.title == 'Instruktioner':
        continue
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for h, cell in zip(headers, row):
            v = cell.value
            if v is None:
                continue
            if h == 'Personnummer' and isinstance(v, str) and v.replace('-', '').isdigit():
                cell.value = int(v.replace('-', ''))
                cell.number_format = '0'
            elif h in ('Tjänstgöringsgrad', 'Omfattning', 'Andel') and isinstance(v, (int, float)):
                cell.value = v / 100
                cell.number_format = '0%'
            elif v in ('ja', 'nej'):
                cell.value = v == 'ja'
            elif h in ('Förnamn', 'Efternamn') and isinstance(v, str):
                cell.value = '\u00a0' + v + ' '
wb.save(sys.argv[2])
)PY";

TEST(Workbook, AWorkbookAsExcelStoresItGivesTheSameDocuments) {
  const std::string dir = MakeTempDir();
  WriteText(dir + "/edit.py", kExcelEdit);
  for (const char* sample : {"st-stefan-balan", "am-asa-oberg", "bt-lukasz-zolkiewski"}) {
    SCOPED_TRACE(sample);
    const std::string xml = SourceDir() + "/samples/" + sample + ".xml";
    const std::string xlsx = dir + "/" + sample + ".xlsx", edited = dir + "/" + sample + "-excel.xlsx";
    ASSERT_EQ(RunCommand(Stdok("export " + Quote(xml) + " -o " + Quote(xlsx))).exit_code, 0);
    const CommandResult edit = RunCommand(kPython + " " + Quote(dir + "/edit.py") + " " + Quote(xlsx) + " " + Quote(edited) + " 2>&1");
    ASSERT_EQ(edit.exit_code, 0) << edit.output;
    EXPECT_EQ(FindingsWithoutLocations(xml), FindingsWithoutLocations(edited));
    ExpectSameDocuments(xml, edited);
  }
  std::filesystem::remove_all(dir);
}

TEST(Workbook, OpenpyxlReadsEveryWorkbookStdokWrites) {
  const std::string dir = MakeTempDir();
  ASSERT_EQ(RunCommand(Stdok("export --empty -o " + Quote(dir + "/mall.xlsx"))).exit_code, 0);
  ASSERT_EQ(RunCommand(Stdok("export " + Quote(SourceDir() + "/samples/st-stefan-balan.xml") + " -o " +
                             Quote(dir + "/balan.xlsx"))).exit_code, 0);
  const CommandResult r = RunCommand(
      kPython + " -c \"import openpyxl,sys\n"
      "m=openpyxl.load_workbook(sys.argv[1]); b=openpyxl.load_workbook(sys.argv[2])\n"
      "print(m.sheetnames[:6], m['Placeringar'].max_row, m['Placeringar'].freeze_panes)\n"
      "t=b['ST-läkare']; h=[c.value for c in t[1]]\n"
      "print(t.cell(2,1).value, t.cell(2,h.index('ST påbörjas')+1).value.date(), t.cell(2,h.index('Personnummer')+1).value)\n"
      "print(len(b['ST-läkare'].data_validations.dataValidation) > 0)\n"
      "\" " + Quote(dir + "/mall.xlsx") + " " + Quote(dir + "/balan.xlsx") + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output,
            "['Instruktioner', 'Region', 'Enheter', 'Personer', 'Tjänstgöring', 'ST-läkare'] 1 B2\n"
            "ST-IM-2023-03 2023-10-02 19890423-2710\n"
            "True\n");
  std::filesystem::remove_all(dir);
}

TEST(Workbook, HostileWorkbooksGiveLocatedErrorsAndNoCrash) {
  const std::string dir = MakeTempDir();
  WriteText(dir + "/not-a-zip.xlsx", "PK but not really");
  CommandResult r = RunCommand(Stdok("check " + Quote(dir + "/not-a-zip.xlsx")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("not-a-zip.xlsx: error: not an .xlsx workbook (not a zip package"), std::string::npos)
      << r.output;
  // A folder of CSV: Windows-1252 with semicolons, and a BOM-less UTF-8 one with commas.
  std::filesystem::create_directories(dir + "/csv");
  WriteText(dir + "/csv/ST-läkare.csv",
            "Id;F\xF6rnamn;Efternamn;Utbildning;Specialitet;ST p\xE5""b\xF6rjas;Tj\xE4nstg\xF6ringsgrad\r\n"
            "T-1;\xC5sa;\xD6""berg;ST;Allm\xE4nmedicin;2025-02-01;80 %\r\n"
            "T-2;Bo;Ek;ST;Internmedicin;2025-02-30;100\r\n");
  WriteText(dir + "/csv/Placeringar.csv", "ST-läkare,Enhet (fritext),Start,Slut,Omfattning\n"
                                          "T-1,Vårdcentralen Ån,2025-02-01,2025-07-31,\"0,8\"\n"
                                          "T-1,=HYPERLINK(\"x\"),2025-08-01,2025-13-01,abc\n");
  r = RunCommand(Stdok("import " + Quote(dir + "/csv") + " -o " + Quote(dir + "/out.xml")));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("ST-läkare.csv: info: read as Windows-1252, fields separated by semicolons"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Placeringar.csv: info: read as UTF-8, fields separated by commas"), std::string::npos);
  EXPECT_NE(r.output.find("csv:ST-läkare!F3: error: [trainee T-2] ST-läkare!F3 (ST påbörjas): '2025-02-30' is not a date"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Placeringar!D3 (Slut): '2025-13-01' is not a date"), std::string::npos);
  EXPECT_NE(r.output.find("Placeringar!E3 (Omfattning): 'abc' is not a percentage"), std::string::npos);
  const std::string xml = ReadText(dir + "/out.xml");
  EXPECT_NE(xml.find("<name given=\"Åsa\" family=\"Öberg\" />"), std::string::npos) << xml;
  EXPECT_NE(xml.find("rate=\"80\""), std::string::npos);
  EXPECT_NE(xml.find("unit-name=\"=HYPERLINK(&quot;x&quot;)\""), std::string::npos);  // text, kept as typed
  std::filesystem::remove_all(dir);
}

TEST(Workbook, StatusAsAWorkbookInRiskOrder) {
  const std::string dir = MakeTempDir();
  const std::string cohort = SourceDir() + "/samples/kohort-vasternorrland.xml";
  const CommandResult r = RunCommand(Stdok("status --format xlsx -o " + Quote(dir + "/status.xlsx") + kAsOf + " " + Quote(cohort)));
  ASSERT_LE(r.exit_code, 1) << r.output;
  const CommandResult json = RunCommand(Stdok("status --format json" + kAsOf + " " + Quote(cohort)) +
                                        " | python3 -c \"import json,sys; d=json.load(sys.stdin); "
                                        "t=d['trainees']; print(len(t), t[0]['id'], t[-1]['id'])\"");
  const CommandResult xlsx = RunCommand(kPython + " -c \"import openpyxl,sys\n"
      "ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
      "print(ws.max_row-1, ws.cell(2,2).value, ws.cell(ws.max_row,2).value)\n"
      "print(ws.title, ws.cell(1,1).value, ws.cell(1,11).value, ws.freeze_panes, len(ws.conditional_formatting) > 0)\n"
      "print(type(ws.cell(2,7).value).__name__)\" " + Quote(dir + "/status.xlsx") + " 2>&1");
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.output;
  EXPECT_EQ(xlsx.output, json.output + "Status 2026-11-22 Risk Tidigast klar A2 True\ndatetime\n");
  std::filesystem::remove_all(dir);
}

// A bad cell stops its trainee's documents (as the same error in XML would) and no other's.
TEST(Workbook, RenderFromAWorkbookSkipsOnlyTheTraineeWithABadCell) {
  const std::string dir = MakeTempDir();
  const std::string xlsx = dir + "/kohort.xlsx", bad = dir + "/bad.xlsx", out = dir + "/out";
  ASSERT_EQ(RunCommand(Stdok("export " + Quote(SourceDir() + "/samples/st-tredjeland.xml") + " -o " + Quote(xlsx))).exit_code, 0);
  const CommandResult edit = RunCommand(kPython + " -c \"import openpyxl,sys\n"
      "wb=openpyxl.load_workbook(sys.argv[1]); ws=wb['Placeringar']\n"
      "print(ws.cell(2,1).value); ws.cell(2,4).value='2025-02-30'; wb.save(sys.argv[2])\" " + Quote(xlsx) + " " + Quote(bad) + " 2>&1");
  ASSERT_EQ(edit.exit_code, 0) << edit.output;
  const std::string stopped = edit.output.substr(0, edit.output.find('\n'));
  const CommandResult r = RunCommand(Stdok("render -q -j 1" + kAsOf + " " + Quote(bad) + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("bad.xlsx:Placeringar!D2: error: [trainee " + stopped + "] Placeringar!D2 (Start): '2025-02-30' is not a date"),
            std::string::npos) << r.output;
  const std::string manifest = ReadText(out + "/manifest.csv");
  EXPECT_EQ(manifest.find(stopped + ";"), std::string::npos) << manifest;
  EXPECT_FALSE(PdfsBelow(out).empty());
  // manifest.xlsx, beside the other two, lists the same documents in the same order.
  const CommandResult workbook = RunCommand(kPython + " -c \"import openpyxl,sys\n"
      "ws=openpyxl.load_workbook(sys.argv[1])['Manifest']\n"
      "for row in ws.iter_rows(min_row=2, values_only=True): print(row[0], row[2], row[3] or '', row[7])\" " +
      Quote(out + "/manifest.xlsx") + " 2>&1");
  ASSERT_EQ(workbook.exit_code, 0) << workbook.output;
  std::string from_csv;
  std::istringstream lines(manifest);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ';');) f.push_back(field);
    if (f.size() > 7) from_csv += f[0] + " " + f[2] + " " + f[3] + " " + f[7] + "\n";
  }
  EXPECT_FALSE(from_csv.empty());
  EXPECT_EQ(workbook.output, from_csv);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stdok::testing::workbook_test
