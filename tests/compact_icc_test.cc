// The sRGB profile that PDF/A documents embed (color/srgb-v2-compact.icc) is the one
// scripts/make-srgb-icc.py writes, is well under 1 KiB, and is a v2 RGB display profile that
// maps sRGB white to the PCS white and red where sRGB red is (checked with littleCMS's
// transicc when it is installed, Debian package liblcms2-utils).
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "test_support.h"

namespace stdok::testing {
namespace {

const std::string kProfile = SourceDir() + "/color/srgb-v2-compact.icc";

TEST(CompactIcc, CommittedProfileIsWhatTheScriptWrites) {
  auto made = RunCommand("python3 " + Quote(SourceDir() + "/scripts/make-srgb-icc.py"));
  ASSERT_EQ(made.exit_code, 0);
  std::string committed = ReadText(kProfile);
  EXPECT_EQ(made.output, committed);
  ASSERT_GE(committed.size(), 128u);
  EXPECT_LT(committed.size(), 700u);
  auto u32 = [&](size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(committed[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(committed[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(committed[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(committed[at + 3]));
  };
  EXPECT_EQ(u32(0), committed.size());
  EXPECT_EQ(u32(8), 0x02100000u) << "PDF/A-1 needs a version 2 profile";
  EXPECT_EQ(committed.substr(12, 12), "mntrRGB XYZ ");
  EXPECT_EQ(committed.substr(36, 4), "acsp");
}

TEST(CompactIcc, LittleCmsReadsItAsSrgb) {
  if (RunCommand("command -v transicc").exit_code != 0) GTEST_SKIP() << "transicc (liblcms2-utils) missing";
  auto lab = RunCommand("printf '255 255 255\\n255 0 0\\n' | transicc -i " + Quote(kProfile) +
                        " -o '*Lab' -t 1 -n 2>/dev/null | tail -2");
  std::istringstream in(lab.output);
  double white_l, white_a, white_b, red_l, red_a, red_b;
  ASSERT_TRUE(in >> white_l >> white_a >> white_b >> red_l >> red_a >> red_b) << lab.output;
  EXPECT_NEAR(white_l, 100.0, 0.1);
  EXPECT_NEAR(white_a, 0.0, 0.1);
  EXPECT_NEAR(white_b, 0.0, 0.1);
  // sRGB red in CIELAB (D50): 54.29, 80.80, 69.89 (the 6.9 KiB Debian profile gives the same).
  EXPECT_NEAR(red_l, 54.29, 0.2);
  EXPECT_NEAR(red_a, 80.80, 0.3);
  EXPECT_NEAR(red_b, 69.89, 0.3);
}

}  // namespace
}  // namespace stdok::testing
