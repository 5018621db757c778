#include "text/unicode.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

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

// The ASCII fast paths must agree with ICU: every ASCII character, alone and after a
// long ASCII run (the 8-byte scan) followed by non-ASCII text.
TEST(UnicodeTest, AsciiFastPathsAgreeWithIcu) {
  const std::string run = "0123456789abcdef";
  for (int c = 0; c < 0x80; ++c) {
    const std::string one(1, static_cast<char>(c));
    const bool white = u_isUWhiteSpace(c);
    EXPECT_EQ(CollapseWhitespace("a" + one + "b"), white ? "a b" : "a" + one + "b") << c;
    EXPECT_EQ(NormalizeNfc(run + one), run + one) << c;
  }
  EXPECT_EQ(NormalizeNfc(run + "A\xCC\x8A"), run + "\xC3\x85");  // non-ASCII after the scan
  EXPECT_EQ(NormalizeNfc(run + "\xFF"), run + "\xEF\xBF\xBD");
  EXPECT_EQ(FirstInvalidUtf8(run + "\xFF"), run.size());
  EXPECT_EQ(FirstInvalidUtf8(run + run + "\xC3\xA5\xC3"), 2 * run.size() + 2);
  EXPECT_EQ(CollapseWhitespace(run + "\xE2\x80\x83 \xC3\xA5\xFF"), run + " \xC3\xA5\xEF\xBF\xBD");
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

TEST(UnicodeTest, NextUtf8DecodesAndSkipsIllFormedSequencesAsOneUnit) {
  const std::string text = "a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80\xE2\x82z\xFF";
  size_t pos = 0;
  std::vector<int32_t> seen;
  while (pos < text.size()) seen.push_back(NextUtf8(text, &pos));
  EXPECT_EQ(seen, (std::vector<int32_t>{'a', 0xE5, 0x20AC, 0x1F600, -1, 'z', -1}));
  EXPECT_EQ(pos, text.size());
}

TEST(UnicodeTest, FirstInvalidUtf8FindsTheFirstIllFormedByte) {
  EXPECT_EQ(FirstInvalidUtf8("Åsa Öberg – Nguyễn 😀"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("ab\xE5 c"), 2u);               // Latin-1 å
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);               // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("x\xE0\x80\xAF"), 1u);          // overlong, three bytes
  EXPECT_EQ(FirstInvalidUtf8("xy\xED\xA0\x80"), 2u);         // a surrogate, U+D800
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("ok\xE2\x82"), 2u);              // cut off at the end
}

TEST(UnicodeTest, Utf8BoundariesStepOverWholeCodePoints) {
  const std::string text = "a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80";  // a å € 😀
  EXPECT_EQ(NextUtf8Boundary(text, 0), 1u);
  EXPECT_EQ(NextUtf8Boundary(text, 1), 3u);
  EXPECT_EQ(NextUtf8Boundary(text, 3), 6u);
  EXPECT_EQ(NextUtf8Boundary(text, 6), 10u);
  EXPECT_EQ(PreviousUtf8Boundary(text, 10), 6u);
  EXPECT_EQ(PreviousUtf8Boundary(text, 6), 3u);
  EXPECT_EQ(PreviousUtf8Boundary(text, 3), 1u);
  EXPECT_EQ(PreviousUtf8Boundary(text, 1), 0u);
  EXPECT_EQ(PreviousUtf8Boundary(text, 0), 0u);
  EXPECT_EQ(NextUtf8Boundary("\xE2\x82z", 0), 2u);  // a cut-off sequence is one unit
}

}  // namespace
}  // namespace stdok
