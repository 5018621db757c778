#include "text/codepage.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

TEST(Codepage, PicksTheFirstCodePageThatHoldsTheText) {
  std::string out;
  EXPECT_EQ(ChooseCodepage("Åsa Öberg – 12 500 kr", &out), Codepage::kWinAnsi);
  EXPECT_EQ(ChooseCodepage("Łukasz Żółkiewski", &out), Codepage::kCp1250);
  EXPECT_EQ(out, "\xA3ukasz \xAF\xF3\xB3kiewski");
  EXPECT_EQ(ChooseCodepage("Đorđe Đorđević", &out), Codepage::kCp1250);
  EXPECT_EQ(ChooseCodepage("Ștefan Bălan", &out), Codepage::kIso8859_16);  // comma-below Ș
  EXPECT_EQ(ChooseCodepage("Çağrı Yılmaz", &out), Codepage::kCp1254);
  EXPECT_EQ(ChooseCodepage("Nguyễn Thị Hồng", &out), Codepage::kCount);  // needs the UTF-8 font
  EXPECT_EQ(ChooseCodepage("Łukasz och Nguyễn", &out), Codepage::kCount);
}

TEST(Codepage, PdfDocEncodingForInfoStrings) {
  std::string out;
  EXPECT_TRUE(EncodePdfDoc("ST-kontrakt – Åsa Öberg", &out));
  EXPECT_EQ(out, "ST-kontrakt \x85 \xC5sa \xD6" "berg");
  EXPECT_FALSE(EncodePdfDoc("Łukasz", &out));
}

}  // namespace
}  // namespace stdok
