// `render -q` on a cohort: stderr holds the errors in full and one line per warning rule id,
// not one line per finding; --verbose brings every finding back.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace stdok::testing {
namespace {

size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST(Quiet, CohortWarningsAreCountedByRule) {
  std::string dir = MakeTempDir();
  std::string records = dir + "/cohort.xml";
  auto made = RunCommand("python3 " + Quote(SourceDir() + "/scripts/make-cohort.py") +
                         " --count 200 --seed 1 > " + Quote(records));
  ASSERT_EQ(made.exit_code, 0) << made.output;
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

}  // namespace
}  // namespace stdok::testing
