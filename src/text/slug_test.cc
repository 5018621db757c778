#include "text/slug.h"

#include <gtest/gtest.h>

#include <string>

namespace stdok {
namespace {

TEST(SlugTest, TransliteratesNames) {
  EXPECT_EQ(Slugify("Łukasz Żółkiewski"), "lukasz-zolkiewski");
  EXPECT_EQ(Slugify("Ștefan Bălan"), "stefan-balan");
  EXPECT_EQ(Slugify("Nguyễn Thị Hồng"), "nguyen-thi-hong");
  EXPECT_EQ(Slugify("Đorđe Đorđević"), "dorde-dordevic");
  EXPECT_EQ(Slugify("Åsa Öberg"), "asa-oberg");
  EXPECT_EQ(Slugify("Anna-Karin Straße"), "anna-karin-strasse");
  EXPECT_EQ(Slugify("Дмитрий Иванов"), "dmitrij-ivanov");
  EXPECT_EQ(Slugify("张伟"), "zhang-wei");
  EXPECT_EQ(Slugify("A\xCC\x8Asa"), "asa");  // NFD input
}

TEST(SlugTest, IsSafeAsAPathComponent) {
  EXPECT_EQ(Slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(Slugify(".."), "namnlos");
  EXPECT_EQ(Slugify("."), "namnlos");
  EXPECT_EQ(Slugify("C:\\Windows\\system32"), "c-windows-system32");
  EXPECT_EQ(Slugify("Åsa\t\x01\x1F\n Öberg\x7F"), "asa-oberg");
  EXPECT_EQ(Slugify(std::string("a\0b", 3)), "a-b");
  EXPECT_EQ(Slugify("  --Åsa--  "), "asa");
}

TEST(SlugTest, EmptyOrUnusableBecomesNamnlos) {
  EXPECT_EQ(Slugify(""), "namnlos");
  EXPECT_EQ(Slugify("   "), "namnlos");
  EXPECT_EQ(Slugify("!!! ???"), "namnlos");
  EXPECT_EQ(Slugify("\xFF\xFE"), "namnlos");  // invalid UTF-8
}

TEST(SlugTest, CapsAt64Bytes) {
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "Örjan ";  // 600+ bytes
  const std::string slug = Slugify(long_name);
  EXPECT_LE(slug.size(), 64u);
  EXPECT_GE(slug.size(), 60u);
  EXPECT_EQ(slug.substr(0, 12), "orjan-orjan-");
  EXPECT_NE(slug.back(), '-');

  const std::string slug2 = Slugify(std::string(500, 'x'));
  EXPECT_EQ(slug2, std::string(64, 'x'));
}

TEST(SlugTest, OutputAlphabet) {
  for (const char* name : {"Łukasz Żółkiewski", "O'Brien, Seán", "محمد علي", "①②③ ☃ 🎉", "Ⅻ"}) {
    const std::string slug = Slugify(name);
    ASSERT_FALSE(slug.empty());
    EXPECT_NE(slug.front(), '-') << name;
    EXPECT_NE(slug.back(), '-') << name;
    EXPECT_EQ(slug.find("--"), std::string::npos) << name;
    for (char c : slug) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << name;
  }
  EXPECT_EQ(Slugify("O'Brien, Seán"), "o-brien-sean");
}

}  // namespace
}  // namespace stdok
