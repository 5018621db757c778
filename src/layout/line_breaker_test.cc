#include "layout/line_breaker.h"

#include <gtest/gtest.h>

#include "layout/fixed_width_measurer.h"

namespace stdok {
namespace {

// At size 10 and advance 500, each character is 5 points wide.
std::vector<std::string> Break(std::string_view text, int chars_per_line) {
  FixedWidthMeasurer m;
  return BreakLines(text, chars_per_line * 5.0, FontFace::kRegular, 10, m);
}

TEST(LineBreaker, BreaksAtSpacesGreedily) {
  EXPECT_EQ(Break("Överenskommelse om specialiseringstjänstgöring", 20),
            (std::vector<std::string>{"Överenskommelse om", "specialiseringstjäns", "tgöring"}));
  EXPECT_EQ(Break("en två tre fyra", 7), (std::vector<std::string>{"en två", "tre", "fyra"}));
}

TEST(LineBreaker, BreaksAfterHyphensAndSlashesAsIcuAllows) {
  // UAX #14 allows a break after a hyphen; ASCII-space breaking would overflow here.
  auto lines = Break("ST-studierektor/verksamhetschef", 16);
  for (const auto& l : lines) EXPECT_LE(l.size(), 16u) << l;
  EXPECT_EQ(lines[0], "ST-studierektor/");  // after the slash, not inside "ST-s"
}

TEST(LineBreaker, HonoursHardBreaksAndKeepsEmptyLines) {
  EXPECT_EQ(Break("rad ett\n\nrad tre", 40), (std::vector<std::string>{"rad ett", "", "rad tre"}));
  EXPECT_TRUE(Break("", 10).empty());
}

TEST(LineBreaker, NeverLosesOrClipsText) {
  std::string text = "Łukasz Żółkiewski, Ștefan Bălan och Nguyễn Thị Hồng skriver under kontraktet.";
  auto lines = Break(text, 12);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(FixedWidthMeasurer().Width(l, FontFace::kRegular, 10), 60.0) << l;
    joined += l;
  }
  std::string expected;
  for (char c : text)
    if (c != ' ') expected += c;
  std::string got;
  for (char c : joined)
    if (c != ' ') got += c;
  EXPECT_EQ(got, expected);
}

// Task: no break inside "(ÅÅÅÅ-MM-DD)" or right after the hyphen of a short capital prefix
// ("ST-läkarens", "BT-chefen"), at any width; a lower-case compound still breaks at its hyphen.
TEST(LineBreaker, NoBreakAfterTheHyphenOfACapitalPrefix) {
  const std::string texts[] = {
      "Överenskommen tid (ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD) för sidotjänstgöringen",
      "Tillsammans med ST-läkarens huvudhandledare och BT-chefen enligt HSLF-FS 2021:8",
  };
  for (const std::string& text : texts) {
    for (int width = 18; width <= 60; ++width) {  // from the longest word up
      for (const std::string& line : Break(text, width)) {
        for (const char* prefix : {"ÅÅÅÅ-", "MM-", "ST-", "BT-", "HSLF-"}) {
          std::string p(prefix);
          bool ends = line.size() >= p.size() && line.compare(line.size() - p.size(), p.size(), p) == 0;
          EXPECT_FALSE(ends) << "width " << width << ": '" << line << "'";
        }
      }
    }
  }
  EXPECT_EQ(Break("(ÅÅÅÅ-MM-DD)", 13), (std::vector<std::string>{"(ÅÅÅÅ-MM-DD)"}));
  EXPECT_EQ(Break("Period (ååmmdd-ååmmdd), heltid", 16),
            (std::vector<std::string>{"Period", "(ååmmdd-ååmmdd),", "heltid"}));
  EXPECT_EQ(Break("Vi ST-läkare", 10), (std::vector<std::string>{"Vi", "ST-läkare"}));
  EXPECT_EQ(Break("sjukhus-läkaren", 10), (std::vector<std::string>{"sjukhus-", "läkaren"}));
}

// Task: an amount or a percentage (no-break spaces from the money and percent filters) never
// breaks across lines.
TEST(LineBreaker, AmountsNeverBreak) {
  const std::string text = "Ersättning för uppdraget 12\u00a0000\u00a0kr per månad vid 100\u00a0%";
  for (int width = 11; width <= 60; ++width) {
    bool amount = false, percent = false;
    for (const std::string& line : Break(text, width)) {
      amount = amount || line.find("12\u00a0000\u00a0kr") != std::string::npos;
      percent = percent || line.find("100\u00a0%") != std::string::npos;
    }
    EXPECT_TRUE(amount && percent) << "width " << width;
  }
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

// A word wider than the line is cut between user-perceived characters: "n̈" (n + U+0308, no
// precomposed form) and "ệ́" (ệ + U+0301) never lose their marks to the next line.
TEST(LineBreaker, EmergencyBreakNeverSplitsALetterFromItsMarks) {
  for (const std::string word : {"n\u0308n\u0308n\u0308n\u0308n\u0308n\u0308", "\u1EC7\u0301\u1EC7\u0301\u1EC7\u0301\u1EC7\u0301"}) {
    auto lines = Break(word, 3);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const auto& l : lines) {
      EXPECT_NE(l.rfind("\u0308", 0), 0u) << "a line starts with a mark";
      EXPECT_NE(l.rfind("\u0301", 0), 0u) << "a line starts with a mark";
      joined += l;
    }
    EXPECT_EQ(joined, word);
  }
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

// Hyphenation by a fake dictionary that allows a break after every third letter.
struct HyphenationCase {
  std::vector<LineRange> lines;
  std::vector<std::string> words_asked;
};
HyphenationCase Hyphenate(std::string_view text, int chars_per_line, double max_stretch) {
  HyphenationCase out;
  FixedWidthMeasurer m;
  auto width = [&](size_t b, size_t e) { return m.Width(text.substr(b, e - b), FontFace::kRegular, 10); };
  Hyphenation h;
  h.points = [&](std::string_view word) {
    out.words_asked.emplace_back(word);
    std::vector<size_t> points;
    for (size_t at = 3; at + 2 < word.size(); at += 3) points.push_back(at);
    return points;
  };
  h.hyphen_width = [](size_t) { return 5.0; };
  h.max_stretch = max_stretch;
  out.lines = BreakLineRanges(text, chars_per_line * 5.0, width, &h);
  return out;
}

TEST(LineBreakerHyphenation, ABadlyStretchedLineBreaksTheNextWordWithAHyphen) {
  std::string_view text = "ab handledningen";
  HyphenationCase c = Hyphenate(text, 12, 5);
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_TRUE(c.lines[0].hyphen);
  // "ab handle" and its hyphen fit in 12 characters; "ab handledni-" would not.
  EXPECT_EQ(text.substr(c.lines[0].begin, c.lines[0].end - c.lines[0].begin), "ab handle");
  EXPECT_FALSE(c.lines[1].hyphen);
  EXPECT_EQ(text.substr(c.lines[1].begin, c.lines[1].end - c.lines[1].begin), "dningen");
  EXPECT_EQ(c.words_asked, std::vector<std::string>{"handledningen"});
}

TEST(LineBreakerHyphenation, AWellFilledLineIsNotHyphenated) {
  // "abcdefghij" leaves 2 characters (10 pt) for its one space: within a 12 pt stretch.
  HyphenationCase c = Hyphenate("abcde fghij handledningen", 13, 12);
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_FALSE(c.lines[0].hyphen);
  EXPECT_TRUE(c.words_asked.empty());
}

TEST(LineBreakerHyphenation, OnlyWordsOfLettersAreOffered) {
  // Punctuation around a word is not part of it; a hyphen or digit inside keeps it whole.
  EXPECT_EQ(Hyphenate("ab (handledningen), x", 12, 1).words_asked, std::vector<std::string>{"handledningen"});
  EXPECT_TRUE(Hyphenate("ab 2026handledning x", 12, 1).words_asked.empty());
  HyphenationCase c = Hyphenate("ab ST-handledningen x", 12, 1);
  for (const std::string& w : c.words_asked) EXPECT_EQ(w.find('-'), std::string::npos) << w;
}

// Break opportunities are remembered per thread for text seen twice (the templates' text
// repeats in every document); the memory is bounded and starts over. Lines must be the same on a first sight, a
// remembered sight, and after the memory has been filled with other text and cleared.
TEST(LineBreaker, RememberedTextBreaksAsOnFirstSight) {
  const std::string text = "ST-läkaren och huvudhandledaren (ÅÅÅÅ-MM-DD) följer upp den individuella utbildningsplanen.";
  const auto first = Break(text, 23);
  EXPECT_EQ(Break(text, 23), first);  // seen twice: remembered
  EXPECT_EQ(Break(text, 23), first);  // from the memory
  EXPECT_EQ(first, (std::vector<std::string>{"ST-läkaren och", "huvudhandledaren", "(ÅÅÅÅ-MM-DD) följer upp", "den individuella", "utbildningsplanen."}));
  // Text that begins the same but goes on otherwise is not taken for the remembered one.
  EXPECT_EQ(Break("ST-läkaren och huvudhandledaren är överens om att planen gäller.", 23),
            (std::vector<std::string>{"ST-läkaren och", "huvudhandledaren är", "överens om att planen", "gäller."}));
  std::string filler;
  while (filler.size() < 3990) filler += "ord ";
  for (int i = 0; i < 600; ++i)  // each seen twice, so remembered: more than the memory's bound
    for (int twice = 0; twice < 2; ++twice) Break(std::to_string(i) + " " + filler, 40);
  EXPECT_EQ(Break(text, 23), first);
}

}  // namespace
}  // namespace stdok
