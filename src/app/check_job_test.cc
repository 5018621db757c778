#include "app/check_job.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>


namespace stdok {
namespace {

std::string WriteTemp(const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / "stdok-check-XXXXXX").string();
  const int fd = mkstemp(path.data());
  EXPECT_GE(fd, 0);
  FILE* f = fdopen(fd, "wb");
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  return path;
}

// `check` of a records file reads and checks each trainee once, as the file is read: the
// report is the one of the whole model, findings, order and exit code alike.
TEST(CheckJob, ARecordsFileCheckedTraineeByTraineeGivesTheWholeModelsReport) {
  DiskFileSystem fs;
  std::string cohort;
  std::string error;
  ASSERT_TRUE(fs.ReadFile(std::string(STDOK_SOURCE_DIR) + "/samples/kohort-vasternorrland.xml", &cohort, &error));
  // A second record of the first trainee's id, and a finding of the reader in another.
  const size_t first = cohort.find("<trainee ");
  const size_t end = cohort.find("</trainee>", first) + 10;
  std::string copy = cohort.substr(first, end - first);
  cohort.insert(cohort.rfind("</stdok-records>"), copy + "\n");
  const size_t rate = cohort.find("rate=\"", cohort.find("<trainee ", end));
  ASSERT_NE(rate, std::string::npos);
  cohort.replace(rate, 6, "rate=\"250");
  const std::string path = WriteTemp(cohort);
  CheckOptions options;
  options.input = path;
  options.templates_dir = std::string(STDOK_SOURCE_DIR) + "/templates";
  options.today = Date{2026, 11, 22};
  for (int filtered = 0; filtered < 2; ++filtered) {
    if (filtered) options.trainee_ids = {"T-0002", "no-such-id"};
    const CheckReport streamed = RunCheck(options, &fs);
    const CheckReport whole = CheckWholeInput(options, &fs);
    EXPECT_FALSE(streamed.io_error);
    EXPECT_GT(streamed.diagnostics.size(), 3u);
    EXPECT_EQ(FormatCheckText(streamed), FormatCheckText(whole));
    EXPECT_EQ(FormatCheckJson(streamed), FormatCheckJson(whole));
    EXPECT_EQ(streamed.trainees, whole.trainees);
    EXPECT_EQ(CheckExitCode(streamed), CheckExitCode(whole));
  }
  // A refused file: its one error, exit code 2.
  const std::string bad = WriteTemp(cohort.substr(0, cohort.size() / 2));
  options.input = bad;
  const CheckReport refused = RunCheck(options, &fs);
  EXPECT_EQ(FormatCheckText(refused), FormatCheckText(CheckWholeInput(options, &fs)));
  EXPECT_EQ(CheckExitCode(refused), 2);
  std::remove(path.c_str());
  std::remove(bad.c_str());
}

}  // namespace
}  // namespace stdok
