// Golden text tests: every sample is rendered (both packs, fixed date and SOURCE_DATE_EPOCH), and
// `pdftotext -layout` of one representative PDF per document id — the first the manifest lists
// — must equal tests/golden/<sample>/<document-id>.txt. Every PDF must also pass `qpdf --check`.
//
// After an intended change of wording, layout or a sample, rewrite the files with
//     scripts/update-golden.sh
// (it runs this test with STDOK_UPDATE_GOLDEN=1) and review `git diff tests/golden`.
// See docs/testing.md.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace stdok::testing::golden_test {
namespace {

// Samples with more PDFs than this have only their representatives checked with qpdf (the
// 60-trainee cohort makes almost 900; checking them all would take longer than every other
// test together).
constexpr size_t kQpdfEveryPdfUpTo = 150;
constexpr size_t kDiffLines = 200;  // at most this much of a diff is printed

bool Updating() {
  const char* v = std::getenv("STDOK_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

std::string GoldenDir() { return SourceDir() + "/tests/golden"; }

// samples/*.xml, by name.
std::vector<std::string> SampleNames() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/samples"))
    if (e.path().extension() == ".xml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct ManifestEntry {
  std::string document_id, file, status;
};

std::vector<ManifestEntry> ReadManifest(const std::string& path) {
  std::vector<ManifestEntry> out;
  const nlohmann::json manifest = nlohmann::json::parse(ReadText(path));
  for (const nlohmann::json& d : manifest.at("documents"))
    if (d.at("status") == "written" || d.at("status") == "draft")
      out.push_back({d.at("document_id"), d.at("file"), d.at("status")});
  return out;
}

// pdftotext's own warnings go to /dev/null, not into the text.
std::string LayoutText(const std::string& pdf) {
  return RunCommand("(pdftotext -layout -enc UTF-8 " + Quote(pdf) + " - 2>/dev/null)").output;
}

std::string Diff(const std::string& golden, const std::string& actual_text) {
  const std::string actual = MakeTempDir() + "/actual.txt";
  WriteText(actual, actual_text);
  std::string diff = RunCommand("diff -u " + Quote(golden) + " " + Quote(actual)).output;
  size_t at = 0;
  for (size_t lines = 0; at != std::string::npos && lines < kDiffLines; ++lines) {
    at = diff.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  if (at != std::string::npos && at < diff.size())
    diff = diff.substr(0, at) + "… (diff cut; the whole: diff -u " + golden + " " + actual + ")\n";
  return diff;
}

class GoldenText : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenText, MatchesTheStoredText) {
  const std::string sample = GetParam();
  const std::string out = MakeTempDir();
  auto render = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                           Quote(SourceDir() + "/samples/" + sample + ".xml") + " -o " + Quote(out) +
                           " --as-of 2026-11-22 --drafts -j 2 -q");
  ASSERT_EQ(render.exit_code, 0) << render.output;
  const std::vector<ManifestEntry> manifest = ReadManifest(out + "/manifest.json");
  ASSERT_FALSE(manifest.empty()) << "no documents in " << out << "/manifest.json";

  // One representative per document id: the first in plan order that is true as of the date,
  // else the first draft (--drafts makes the applications of trainees who are not ready; the
  // diagonal "UTKAST" is not in pdftotext's text).
  std::map<std::string, std::string> representative;  // document id -> file
  for (const ManifestEntry& e : manifest)
    if (e.status == "written") representative.emplace(e.document_id, e.file);
  for (const ManifestEntry& e : manifest)
    if (e.status == "draft") representative.emplace(e.document_id, e.file);

  const std::string dir = GoldenDir() + "/" + sample;
  std::vector<std::string> changed;
  for (const auto& [id, file] : representative) {
    const std::string pdf = out + "/" + file;
    const std::string golden = dir + "/" + id + ".txt";
    const std::string text = LayoutText(pdf);
    EXPECT_NE(text.find_first_not_of(" \n\f"), std::string::npos) << file << " has no text";
    const bool exists = std::filesystem::exists(golden);
    if (exists && ReadText(golden) == text) continue;
    if (Updating()) {
      WriteText(golden, text);
      changed.push_back(golden);
    } else if (!exists) {
      ADD_FAILURE() << "no golden text for " << sample << "/" << file << ": " << golden
                    << "\nRun scripts/update-golden.sh to create it.";
    } else {
      ADD_FAILURE() << "the text of " << sample << "/" << file << " differs from " << golden << ":\n"
                    << Diff(golden, text)
                    << "If the change is intended, run scripts/update-golden.sh and review git diff tests/golden.";
    }
  }

  // Golden files no document has any more.
  if (std::filesystem::is_directory(dir)) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      const std::string id = e.path().stem().string();
      if (e.path().extension() != ".txt" || representative.count(id)) continue;
      if (Updating()) {
        std::filesystem::remove(e.path());
        changed.push_back(e.path().string() + " (removed)");
      } else {
        ADD_FAILURE() << e.path().string() << ": " << sample << " makes no document '" << id
                      << "' any more; run scripts/update-golden.sh to remove it.";
      }
    }
  }
  for (const std::string& c : changed) std::cout << "updated " << c << "\n";

  // Every PDF (or, for a big sample, every representative) is sound.
  std::vector<std::string> pdfs;
  if (manifest.size() <= kQpdfEveryPdfUpTo) {
    for (const ManifestEntry& e : manifest) pdfs.push_back(e.file);
  } else {
    for (const auto& [id, file] : representative) pdfs.push_back(file);
  }
  for (const std::string& file : pdfs) {
    auto check = RunCommand("qpdf --check " + Quote(out + "/" + file));
    EXPECT_EQ(check.exit_code, 0) << sample << "/" << file << ":\n" << check.output;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenText, ::testing::ValuesIn(SampleNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// Every document stdok knows (`stdok docs`) has a golden text from some sample.
TEST(GoldenCoverage, EveryDocumentIdHasAGoldenText) {
  auto docs = RunCommand(Quote(Binary()) + " docs");
  ASSERT_EQ(docs.exit_code, 0) << docs.output;
  std::set<std::string> ids;
  std::istringstream lines(docs.output);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line))
    if (!line.empty()) ids.insert(line.substr(0, line.find('\t')));
  EXPECT_GE(ids.size(), 29u) << docs.output;

  std::set<std::string> golden;
  if (std::filesystem::is_directory(GoldenDir()))
    for (const auto& e : std::filesystem::recursive_directory_iterator(GoldenDir()))
      if (e.path().extension() == ".txt") golden.insert(e.path().stem().string());
  for (const std::string& id : ids)
    EXPECT_TRUE(golden.count(id)) << "no sample makes '" << id << "', so it has no golden text";
}

}  // namespace
}  // namespace stdok::testing::golden_test
