// A run split across machines (render --shard K/N) and joined again (stdok manifest merge):
// the merged folder holds the same documents, byte for byte, and the same manifest as the run
// that was not split; parts that do not belong together, a missing part and a damaged document
// are refused with the place named.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace stdok::testing::manifest_merge_test {
namespace {

const std::string kCohort = SourceDir() + "/samples/kohort-vasternorrland.xml";

std::string Stdok(const std::string& args) {
  return "SOURCE_DATE_EPOCH=1795000000 " + Quote(Binary()) + " " + args + " 2>&1";
}

CommandResult Render(const std::string& out, const std::string& extra, const std::string& as_of = "2026-11-22") {
  return RunCommand(Stdok("render -q -j 2 --doc st-kontrakt --doc studierektorskontrakt --as-of " + as_of + " " +
                          extra + " " + Quote(kCohort) + " -o " + Quote(out)));
}

class ManifestMerge : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    ASSERT_EQ(Render(*dir_ + "/whole", "").exit_code, 0);
    for (int k = 1; k <= 3; ++k) {
      const CommandResult r = Render(Part(k), "--shard " + std::to_string(k) + "/3");
      ASSERT_EQ(r.exit_code, 0) << r.output;
    }
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string Part(int k) { return *dir_ + "/part-" + std::to_string(k); }
  static std::string Merge(const std::string& parts, const std::string& out, int* exit_code) {
    const CommandResult r = RunCommand(Stdok("manifest merge " + parts + " -o " + Quote(out)));
    *exit_code = r.exit_code;
    return r.output;
  }
  static std::string* dir_;
};
std::string* ManifestMerge::dir_ = nullptr;

TEST_F(ManifestMerge, PartsJoinedAreTheWholeRun) {
  const std::string whole = *dir_ + "/whole", merged = *dir_ + "/merged";
  // Given out of order: the merge puts them in part order.
  int code = 0;
  const std::string output = Merge(Quote(Part(3)) + " " + Quote(Part(1)) + " " + Quote(Part(2)), merged, &code);
  ASSERT_EQ(code, 0) << output;
  EXPECT_EQ(ReadText(merged + "/manifest.json"), ReadText(whole + "/manifest.json"));
  EXPECT_EQ(ReadText(merged + "/manifest.csv"), ReadText(whole + "/manifest.csv"));
  const std::vector<std::string> pdfs = PdfsBelow(whole);
  EXPECT_EQ(PdfsBelow(merged), pdfs);
  EXPECT_GT(pdfs.size(), 50u);
  for (const std::string& pdf : pdfs) EXPECT_EQ(ReadText(merged + "/" + pdf), ReadText(whole + "/" + pdf)) << pdf;
  // Each part has about a third of the trainees; only the last has the studierektor contracts.
  for (int k = 1; k <= 3; ++k) {
    const size_t n = PdfsBelow(Part(k)).size();
    EXPECT_GT(n, pdfs.size() / 5) << k;
    EXPECT_LT(n, pdfs.size() / 2) << k;
    EXPECT_NE(ReadText(Part(k) + "/manifest.json").find("\"index\": " + std::to_string(k)), std::string::npos);
    EXPECT_EQ(ReadText(Part(k) + "/manifest.csv").find("studierektorskontrakt") != std::string::npos, k == 3) << k;
  }
  // A second merge into the same folder copies nothing and gives the same manifest.
  EXPECT_NE(Merge(Quote(Part(1)) + " " + Quote(Part(2)) + " " + Quote(Part(3)), merged, &code).find("(0 copied)"),
            std::string::npos);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(ReadText(merged + "/manifest.json"), ReadText(whole + "/manifest.json"));
}

TEST_F(ManifestMerge, MissingPartIsNamedAndNothingIsWritten) {
  const std::string out = *dir_ + "/two-of-three";
  int code = 0;
  const std::string output = Merge(Quote(Part(1)) + " " + Quote(Part(3)), out, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find("part 2 of 3 is missing"), std::string::npos) << output;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_NE(Merge(Quote(Part(1)) + " " + Quote(Part(1)) + " " + Quote(Part(2)), out, &code).find("part 1 is given twice"),
            std::string::npos);
  EXPECT_EQ(code, 2);
}

TEST_F(ManifestMerge, PartOfAnotherRunIsRefused) {
  const std::string other = *dir_ + "/other-date";
  ASSERT_EQ(Render(other, "--shard 2/3", "2026-06-01").exit_code, 0);
  int code = 0;
  const std::string output = Merge(Quote(Part(1)) + " " + Quote(other) + " " + Quote(Part(3)), *dir_ + "/mixed", &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find(other + "/manifest.json: error: part 2 of 3 (as of 2026-06-01) is not of the same run"),
            std::string::npos) << output;
  const CommandResult unsplit = RunCommand(Stdok("manifest merge " + Quote(*dir_ + "/whole") + " -o " +
                                                 Quote(*dir_ + "/x")));
  EXPECT_EQ(unsplit.exit_code, 2);
  EXPECT_NE(unsplit.output.find("this run was not split"), std::string::npos) << unsplit.output;
}

TEST_F(ManifestMerge, DamagedDocumentStopsTheManifest) {
  const std::string damaged = *dir_ + "/damaged";
  std::filesystem::copy(Part(2), damaged, std::filesystem::copy_options::recursive);
  const std::string pdf = PdfsBelow(damaged).front();
  std::string bytes = ReadText(damaged + "/" + pdf);
  bytes[bytes.size() / 2] ^= 1;
  WriteText(damaged + "/" + pdf, bytes);
  const std::string out = *dir_ + "/from-damaged";
  int code = 0;
  const std::string output = Merge(Quote(Part(1)) + " " + Quote(damaged) + " " + Quote(Part(3)), out, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find(damaged + "/" + pdf + ": error: the document is not what the part's manifest lists"),
            std::string::npos) << output;
  EXPECT_FALSE(std::filesystem::exists(out + "/manifest.json"));
  EXPECT_TRUE(std::filesystem::exists(out + "/" + PdfsBelow(Part(1)).front())) << "the good documents are copied";
}

TEST_F(ManifestMerge, ShardOptionIsCheckedAsUsage) {
  for (const std::string& bad : {"0/3", "4/3", "2", "a/b", "1/3x"}) {
    const CommandResult r = Render(*dir_ + "/bad", "--shard " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.output.find("--shard must be K/N"), std::string::npos) << r.output;
  }
  EXPECT_EQ(Render(*dir_ + "/bad", "--shard 1/2 --print-pack").exit_code, 2);
}

}  // namespace
}  // namespace stdok::testing::manifest_merge_test
