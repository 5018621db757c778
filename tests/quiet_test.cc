// `render -q` on a cohort: stderr holds the errors in full and one line per warning rule id,
// not one line per finding; --verbose brings every finding back.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/render_job.h"
#include "output/file_system.h"
#include "test_support.h"

namespace stdok::testing {
namespace {

size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

// Writes make-cohort.py's cohort of `count` trainees to `path`; false (with the script's
// output in *output) when the script fails.
bool MakeCohort(const std::string& path, int count, int seed, std::string* output) {
  auto made = RunCommand("python3 " + Quote(SourceDir() + "/scripts/make-cohort.py") + " --count " +
                         std::to_string(count) + " --seed " + std::to_string(seed) + " > " + Quote(path));
  *output = made.output;
  return made.exit_code == 0;
}

TEST(Quiet, CohortWarningsAreCountedByRule) {
  std::string dir = MakeTempDir();
  std::string records = dir + "/cohort.xml", made;
  ASSERT_TRUE(MakeCohort(records, 200, 1, &made)) << made;
  std::string render = "SOURCE_DATE_EPOCH=1795000000 " + Quote(Binary()) + " render " + Quote(records) +
                       " --doc st-kontrakt -j 2 --as-of 2026-11-22 -o ";
  auto quiet = RunCommand(render + Quote(dir + "/q") + " -q");
  auto verbose = RunCommand(render + Quote(dir + "/v") + " -q --verbose");
  EXPECT_LE(quiet.exit_code, 1) << quiet.output;
  EXPECT_LE(Lines(quiet.output), 40u) << quiet.output;
  EXPECT_NE(quiet.output.find("(--verbose shows each)"), std::string::npos) << quiet.output;
  EXPECT_GT(Lines(verbose.output), 200u) << "the cohort has many warnings, so -q has something to hide";
  // Every error line of the verbose run is in the quiet run, located, in the same order.
  std::string errors_verbose, errors_quiet;
  for (auto [text, errors] : {std::pair{&verbose.output, &errors_verbose}, {&quiet.output, &errors_quiet}})
    for (size_t at = 0, end; at < text->size(); at = end + 1) {
      end = text->find('\n', at);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(at, end - at);
      if (line.find(": error: ") != std::string::npos) *errors += line + "\n";
    }
  EXPECT_EQ(errors_quiet, errors_verbose);
}

// A quiet run counts the warnings as it goes (RenderSummary::counted) and keeps only the errors,
// so that a national run's memory does not hold its warnings; what it prints is what counting
// every kept diagnostic at the end prints.
TEST(Quiet, CountingAsTheRunGoesPrintsWhatCountingAtTheEndWould) {
  std::string dir = MakeTempDir();
  std::string records = dir + "/cohort.xml", made;
  ASSERT_TRUE(MakeCohort(records, 150, 3, &made)) << made;
  std::string text = ReadText(records);  // errors among the warnings: every 40th start date
  for (size_t at = 0, n = 0; (at = text.find(" start=\"", at)) != std::string::npos; at += 8)
    if (++n % 40 == 0) text.insert(at + 8, "x");
  WriteText(records, text);
  auto options = [&](const std::string& out, bool quiet) {
    RenderOptions o;
    o.input = records;
    o.output_dir = dir + "/" + out;
    o.templates_dir = SourceDir() + "/templates";
    o.forms_dir = SourceDir() + "/forms";
    o.fonts_dir = SourceDir() + "/fonts";
    o.icc_profile_path = SourceDir() + "/color/srgb-v2-compact.icc";
    o.jobs = 2;
    o.today = Date{2026, 11, 22};
    o.creation_time = 1795000000;
    o.quiet = quiet;
    return o;
  };
  DiskFileSystem disk;
  Diagnostics quiet_findings, every_finding;
  const RenderSummary quiet = RunRender(options("q", true), &disk, &quiet_findings);
  const RenderSummary verbose = RunRender(options("v", false), &disk, &every_finding);
  ASSERT_EQ(ExitCode(quiet), ExitCode(verbose));
  EXPECT_TRUE(verbose.counted.empty());
  ASSERT_GE(quiet.counted.size(), 3u) << "the cohort has warnings of several rules";
  size_t errors = 0;
  for (const Diagnostic& d : every_finding) errors += d.severity == Severity::kError;
  ASSERT_GT(errors, 0u) << "the cohort has errors, which must stay";
  EXPECT_EQ(quiet_findings.size(), errors) << "a quiet run keeps the errors only";
  EXPECT_EQ(FormatRenderDiagnostics(quiet_findings, true, false, quiet.counted),
            FormatRenderDiagnostics(every_finding, true, false));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stdok::testing
