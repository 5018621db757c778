#include "text/unicode.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

TEST(UnicodeTest, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Åsa Öberg – €"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));       // U+1F600
  EXPECT_FALSE(IsValidUtf8("\xC3"));                  // truncated
  EXPECT_FALSE(IsValidUtf8("a\xFF" "b"));             // never valid
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));   // NUL is valid UTF-8
}

TEST(UnicodeTest, NormalizeNfcComposes) {
  const std::string nfd = "A\xCC\x8Asa";  // "A" + U+030A COMBINING RING ABOVE + "sa"
  const std::string nfc = NormalizeNfc(nfd);
  EXPECT_EQ(nfc, "\xC3\x85sa");  // U+00C5 precomposed
  EXPECT_EQ(nfc, "Åsa");
  EXPECT_EQ(NormalizeNfc("Ö"), "Ö");
  EXPECT_EQ(NormalizeNfc(""), "");
}

TEST(UnicodeTest, NormalizeNfcReplacesInvalidUtf8) {
  const std::string out = NormalizeNfc("a\xFF" "b\xC3");
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(UnicodeTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  Åsa \t\n  Öberg \r\n"), "Åsa Öberg");
  EXPECT_EQ(CollapseWhitespace("a\xE2\x80\x83" "b"), "a b");  // U+2003 EM SPACE
  EXPECT_EQ(CollapseWhitespace(" \n\t "), "");
  EXPECT_EQ(CollapseWhitespace("ett"), "ett");
  // A no-break space is deliberate and kept.
  EXPECT_EQ(CollapseWhitespace(" 12\xC2\xA0" "500 kr "), "12\xC2\xA0" "500 kr");
}

TEST(UnicodeTest, ToCodepointsAndBack) {
  const std::u32string cps = ToCodepoints("Å€\xF0\x9F\x98\x80");
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(cps[0], U'\u00C5');
  EXPECT_EQ(cps[1], U'\u20AC');
  EXPECT_EQ(cps[2], U'\U0001F600');
  std::string back;
  for (char32_t c : cps) AppendUtf8(c, &back);
  EXPECT_EQ(back, "Å€\xF0\x9F\x98\x80");

  EXPECT_EQ(ToCodepoints("a\xFF" "b"), std::u32string(U"a\uFFFDb"));
  std::string bad;
  AppendUtf8(0xD800, &bad);
  AppendUtf8(0x110000, &bad);
  EXPECT_EQ(bad, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(UnicodeTest, ToCp1252ConvertsWinAnsiCharacters) {
  std::string out;
  ASSERT_TRUE(ToCp1252("Åsa Öberg – ”€” …", &out));
  EXPECT_EQ(out, "\xC5sa \xD6" "berg \x96 \x94\x80\x94 \x85");
  ASSERT_TRUE(ToCp1252("Š ž Ÿ ‘x’ •", &out));
  EXPECT_EQ(out, "\x8A \x9E \x9F \x91x\x92 \x95");
  ASSERT_TRUE(ToCp1252("", &out));
  EXPECT_EQ(out, "");
}

TEST(UnicodeTest, ToCp1252RejectsOtherCharacters) {
  std::string out = "unchanged";
  EXPECT_FALSE(ToCp1252("Łukasz", &out));
  EXPECT_EQ(out, "unchanged");
  EXPECT_FALSE(ToCp1252("Nguyễn", &out));
  EXPECT_FALSE(ToCp1252("\xE2\x88\x92" "5", &out));  // U+2212 MINUS SIGN
  EXPECT_FALSE(ToCp1252("\xC2\x81", &out));          // C1 control U+0081
  EXPECT_FALSE(ToCp1252("a\xFF", &out));             // invalid UTF-8
}

}  // namespace
}  // namespace stdok
