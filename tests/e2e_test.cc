// End-to-end tests of the real binary: exit codes, located diagnostics, partial batches,
// file naming, repeatability.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "test_support.h"

namespace stdok::testing {
namespace {

std::string Stdok(const std::string& args) {
  return "SOURCE_DATE_EPOCH=1795000000 " + Quote(Binary()) + " " + args;
}

TEST(EndToEnd, VersionHelpAndDocs) {
  auto version = RunCommand(Stdok("--version"));
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.output.find("stdok "), std::string::npos);
  auto help = RunCommand(Stdok("--help"));
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("render"), std::string::npos);
  auto docs = RunCommand(Stdok("docs"));
  EXPECT_EQ(docs.exit_code, 0) << docs.output;
  EXPECT_NE(docs.output.find("st-kontrakt\tsluten-vard"), std::string::npos);
  EXPECT_NE(docs.output.find("st-kontrakt\tallmanmedicin"), std::string::npos);
}

TEST(EndToEnd, UsageAndIoErrorsExitWithTwo) {
  EXPECT_EQ(RunCommand(Stdok("render")).exit_code, 2);
  EXPECT_EQ(RunCommand(Stdok("frobnicate")).exit_code, 2);
  std::string out = MakeTempDir();
  auto missing = RunCommand(Stdok("render /nonexistent/records.xml -o " + Quote(out)));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("/nonexistent/records.xml: No such file or directory"), std::string::npos)
      << missing.output;
}

TEST(EndToEnd, MalformedFileIsReportedWithLineAndColumn) {
  std::string out = MakeTempDir();
  auto r = RunCommand(Stdok("render " + Quote(SourceDir() + "/tests/data/malformed.xml") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("malformed.xml:6:5: error: malformed XML"), std::string::npos) << r.output;
  EXPECT_TRUE(PdfsBelow(out).empty());
}

TEST(EndToEnd, OneBadRecordDoesNotStopTheOthers) {
  std::string out = MakeTempDir();
  std::string records = SourceDir() + "/tests/data/one-bad-record.xml";
  auto r = RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(out) + " --as-of 2026-11-22"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  // Only the two good trainees get folders; the bad record writes nothing.
  const std::vector<std::string> pdfs = PdfsBelow(out);
  std::set<std::string> folders;
  for (const std::string& pdf : pdfs) folders.insert(pdf.substr(0, pdf.find('/')));
  EXPECT_EQ(folders, (std::set<std::string>{"asa-oberg", "lukasz-zolkiewski"}));
  EXPECT_EQ(std::count(pdfs.begin(), pdfs.end(), "asa-oberg/st-kontrakt.pdf"), 1);
  // Each problem names file:line:column, the record and the field.
  EXPECT_NE(r.output.find("one-bad-record.xml:18:46: error: [trainee T-BAD, programme/@start] "
                          "'2025-02-30' is not a valid date"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("[trainee T-BAD, personnummer] personnummer 19850312-**** is invalid"),
            std::string::npos);
  EXPECT_NE(r.output.find("'nobody' is not a defined <person>"), std::string::npos);
  EXPECT_EQ(r.output.find("2384"), std::string::npos) << "a personnummer leaked into the log";
  std::string manifest = ReadText(out + "/manifest.json");
  EXPECT_NE(manifest.find("\"trainee_id\": \"T-BAD\""), std::string::npos);
  EXPECT_NE(manifest.find("\"status\": \"skipped\""), std::string::npos);
  EXPECT_EQ(manifest.find("9876"), std::string::npos);
  std::string csv = ReadText(out + "/manifest.csv");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("T-GOOD-2;Åsa Öberg;st-kontrakt;asa-oberg/st-kontrakt.pdf;"), std::string::npos) << csv;

  auto check = RunCommand(Stdok("check " + Quote(records) + " --as-of 2026-11-22"));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.output.find("Đorđević Đorđe (T-BAD)"), std::string::npos) << check.output;
  auto json = RunCommand(Stdok("check " + Quote(records) + " --format json --as-of 2026-11-22"));
  EXPECT_NE(json.output.find("\"rule\": \"records.date-invalid\""), std::string::npos);
}

TEST(EndToEnd, FiltersAndRepeatableOutput) {
  std::string records = SourceDir() + "/tests/data/one-bad-record.xml";
  std::string a = MakeTempDir(), b = MakeTempDir();
  auto r1 = RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(a) +
                      " --doc st-kontrakt --trainee T-GOOD-1 --as-of 2026-11-22"));
  EXPECT_EQ(r1.exit_code, 0) << r1.output;
  EXPECT_EQ(PdfsBelow(a), (std::vector<std::string>{"lukasz-zolkiewski/st-kontrakt.pdf"}));
  RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(b) + " --doc st-kontrakt --trainee T-GOOD-1 --as-of 2026-11-22 -j 2"));
  EXPECT_EQ(ReadText(a + "/lukasz-zolkiewski/st-kontrakt.pdf"), ReadText(b + "/lukasz-zolkiewski/st-kontrakt.pdf"));
  EXPECT_EQ(ReadText(a + "/manifest.json"), ReadText(b + "/manifest.json"));
}

}  // namespace
}  // namespace stdok::testing

namespace stdok::testing {
namespace {

TEST(EndToEnd, CohortManifestDoesNotDependOnJobs) {
  std::string records = SourceDir() + "/samples/kohort-vasternorrland.xml";
  std::string one = MakeTempDir(), two = MakeTempDir();
  auto r1 = RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(one) + " -j 1 -q --as-of 2026-11-22"));
  auto r2 = RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(two) + " -j 2 -q --as-of 2026-11-22"));
  EXPECT_EQ(r1.exit_code, 0) << r1.output;
  EXPECT_EQ(r2.exit_code, 0) << r2.output;
  std::string manifest = ReadText(one + "/manifest.json");
  EXPECT_GT(std::count(manifest.begin(), manifest.end(), '\n'), 300) << "the cohort makes hundreds of documents";
  EXPECT_EQ(manifest, ReadText(two + "/manifest.json"));
  EXPECT_EQ(ReadText(one + "/manifest.csv"), ReadText(two + "/manifest.csv"));
}

}  // namespace
}  // namespace stdok::testing
