// End-to-end tests of the real binary: exit codes, located diagnostics, partial batches,
// file naming, repeatability.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

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
  std::string out = MakeTempDir() + "/out";
  auto r = RunCommand(Stdok("render " + Quote(SourceDir() + "/tests/data/malformed.xml") + " -o " + Quote(out)));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("malformed.xml:6:5: error: malformed XML"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("no manifest written"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out)) << "a refused input must write nothing, not even a manifest";
}

// Inputs the reader refuses as a whole: render, check and status all exit with 2, and render
// writes nothing (README, "Exit codes").
TEST(EndToEnd, UnreadableInputExitsWithTwoAndWritesNoManifest) {
  const std::string dir = MakeTempDir();
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"empty.xml", ""},
      {"utf16.xml", std::string("\xFF\xFE<\0s\0t\0d\0o\0k\0-\0r\0", 18)},
      {"doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE stdok-records>\n<stdok-records version=\"1\"/>\n"},
      {"not-xml.xml", "name;personnummer\nÅsa;19850312-2384\n"},
      {"other-root.xml", "<records/>\n"},
  };
  for (const auto& [name, bytes] : inputs) {
    const std::string input = dir + "/" + name, out = dir + "/out-" + name;
    WriteText(input, bytes);
    auto render = RunCommand(Stdok("render " + Quote(input) + " -o " + Quote(out) + " --as-of 2026-11-22"));
    EXPECT_EQ(render.exit_code, 2) << name << "\n" << render.output;
    EXPECT_NE(render.output.find(name + ":"), std::string::npos) << name << " not named\n" << render.output;
    EXPECT_NE(render.output.find(": error: "), std::string::npos) << name << "\n" << render.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << name;
    EXPECT_EQ(render.output.find("2384"), std::string::npos) << "a personnummer leaked";
    for (const std::string command : {"check", "status", "check --format json", "status --format json"}) {
      auto r = RunCommand(Stdok(command + " " + Quote(input) + " --as-of 2026-11-22"));
      EXPECT_EQ(r.exit_code, 2) << name << " " << command << "\n" << r.output;
    }
  }
  auto missing = RunCommand(Stdok("check " + Quote(dir + "/missing.xml")));
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  missing = RunCommand(Stdok("status " + Quote(dir + "/missing.xml")));
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
}

// A file name that is not UTF-8 (from a foreign system) still gives valid JSON, with U+FFFD.
TEST(EndToEnd, JsonIsValidWhenAPathIsNotUtf8) {
  const std::string dir = MakeTempDir();
  const std::string input = dir + "/records-\xFF\xE5.xml";  // Latin-1 "å" after a stray byte
  WriteText(input, ReadText(SourceDir() + "/tests/data/one-bad-record.xml"));
  auto check = RunCommand("cd " + Quote(dir) + " && " + Stdok("check " + Quote("records-\xFF\xE5.xml") +
                                                              " --format json --as-of 2026-11-22 2>/dev/null"));
  EXPECT_EQ(check.exit_code, 1) << check.output;
  const nlohmann::json json = nlohmann::json::parse(check.output);  // throws on invalid UTF-8
  ASSERT_FALSE(json.at("diagnostics").empty()) << check.output;
  EXPECT_EQ(json["diagnostics"][0].at("file"), "records-\uFFFD\uFFFD.xml");

  const std::string out = dir + "/out";
  auto render = RunCommand(Stdok("render " + Quote(input) + " -o " + Quote(out) + " -q --as-of 2026-11-22"));
  EXPECT_EQ(render.exit_code, 1) << render.output;
  const nlohmann::json manifest = nlohmann::json::parse(ReadText(out + "/manifest.json"));
  EXPECT_FALSE(manifest.at("documents").empty());
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
  const std::string manifest_text = ReadText(out + "/manifest.json");
  const nlohmann::json manifest = nlohmann::json::parse(manifest_text);
  nlohmann::json without_hashes = manifest;  // a SHA-256 may contain "9876" by chance
  for (nlohmann::json& d : without_hashes.at("documents")) d.erase("sha256");
  EXPECT_EQ(without_hashes.dump().find("9876"), std::string::npos) << "a personnummer leaked into the manifest";
  std::map<std::string, std::set<std::string>> statuses;  // trainee id -> statuses
  for (const nlohmann::json& d : manifest.at("documents")) {
    statuses[d.at("trainee_id")].insert(d.at("status").get<std::string>());
    if (d.at("status") == "written") {
      EXPECT_EQ(d.at("sha256").get<std::string>().size(), 64u) << d;
      EXPECT_EQ(d.at("bytes"), std::filesystem::file_size(out + "/" + d.at("file").get<std::string>())) << d;
    }
  }
  EXPECT_EQ(statuses["T-BAD"], (std::set<std::string>{"skipped"}));
  // The good record's documents are written; its application is held back (not ready yet).
  EXPECT_EQ(statuses["T-GOOD-2"], (std::set<std::string>{"held-back", "written"}));
  std::string csv = ReadText(out + "/manifest.csv");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("T-GOOD-2;Åsa Öberg;st-kontrakt;asa-oberg/st-kontrakt.pdf;"), std::string::npos) << csv;

  auto check = RunCommand(Stdok("check " + Quote(records) + " --as-of 2026-11-22"));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.output.find("Đorđević Đorđe (T-BAD)"), std::string::npos) << check.output;
  auto json = RunCommand(Stdok("check " + Quote(records) + " --format json --as-of 2026-11-22"));
  EXPECT_EQ(json.exit_code, 1);
  const nlohmann::json diagnostics = nlohmann::json::parse(json.output).at("diagnostics");
  const auto date_invalid = std::find_if(diagnostics.begin(), diagnostics.end(), [](const nlohmann::json& d) {
    return d.at("rule") == "records.date-invalid";
  });
  ASSERT_NE(date_invalid, diagnostics.end()) << json.output;
  EXPECT_EQ((*date_invalid)["severity"], "error");
  EXPECT_EQ((*date_invalid)["trainee_id"], "T-BAD");
  EXPECT_EQ((*date_invalid)["field"], "programme/@start");
  EXPECT_EQ((*date_invalid)["line"], 18);
  EXPECT_EQ((*date_invalid)["column"], 46);
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
  EXPECT_GT(nlohmann::json::parse(manifest).at("documents").size(), 300u) << "the cohort makes hundreds of documents";
  EXPECT_EQ(manifest, ReadText(two + "/manifest.json"));
  EXPECT_EQ(ReadText(one + "/manifest.csv"), ReadText(two + "/manifest.csv"));
}

}  // namespace
}  // namespace stdok::testing

namespace stdok::testing {
namespace {

// `stdok bench` (scripts/bench.sh reads it): every figure a positive number, and the bound on a
// render below the pipeline's rate, since reading and planning come on top of it.
TEST(EndToEnd, BenchPrintsEveryFigure) {
  std::string records = SourceDir() + "/samples/kohort-vasternorrland.xml";
  auto r = RunCommand(Stdok("bench " + Quote(records) + " --doc st-kontrakt"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, double> figures;
  std::istringstream lines(r.output);
  for (std::string name; lines >> name;) lines >> figures[name];
  for (const char* name : {"documents", "pipeline_docs_per_s", "writer_only_docs_per_s", "mean_kib_per_doc",
                           "reading_us_per_doc", "planning_us_per_doc", "render_without_files_docs_per_s"}) {
    ASSERT_TRUE(figures.count(name)) << name << " missing from:\n" << r.output;
    EXPECT_GT(figures[name], 0) << name;
  }
  EXPECT_LT(figures["render_without_files_docs_per_s"], figures["pipeline_docs_per_s"]);
  EXPECT_EQ(figures.size(), 8u) << r.output;
}

}  // namespace
}  // namespace stdok::testing
