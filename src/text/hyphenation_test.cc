#include "text/hyphenation.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

// The word with '-' at each hyphenation point.
std::string Marked(const Hyphenator& h, std::string_view word) {
  std::string out;
  size_t from = 0;
  for (size_t at : h.Points(word)) {
    out += std::string(word.substr(from, at - from)) + "-";
    from = at;
  }
  return out + std::string(word.substr(from));
}

TEST(Hyphenation, SwedishWordsBreakAtTheirSyllables) {
  const Hyphenator& h = Hyphenator::Swedish();
  ASSERT_TRUE(h.ok()) << h.path() << " (Debian package hyphen-sv, scripts/install-deps.sh)";
  EXPECT_EQ(Marked(h, "handledningen"), "hand-led-ningen");
  EXPECT_EQ(Marked(h, "verksamhetschefen"), "verk-sam-hets-che-fen");
  // Letters beyond ASCII: the points are byte offsets into the UTF-8 word.
  EXPECT_EQ(Marked(h, "tjänstgöringen"), "tjänst-gö-ringen");
}

TEST(Hyphenation, NamesShortWordsAndNonLettersAreNeverBroken) {
  const Hyphenator& h = Hyphenator::Swedish();
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h.Points("Sundsvall").empty());     // a capital: a name
  EXPECT_TRUE(h.Points("Östersunds").empty());
  EXPECT_EQ(Marked(h, "läkare"), "lä-kare");      // six letters: the shortest broken
  EXPECT_TRUE(h.Points("ledig").empty());         // fewer than 6 letters
  EXPECT_TRUE(h.Points("ST-läkarens").empty());   // a hyphen
  EXPECT_TRUE(h.Points("2026handledning").empty());
  EXPECT_TRUE(h.Points("handledningn\xCC\x88").empty());  // a combining mark: a cluster
  for (size_t at : h.Points("handledningen")) {
    EXPECT_GE(at, 2u);
    EXPECT_GE(std::string_view("handledningen").size() - at, 3u);
  }
}

TEST(Hyphenation, MissingPatternsHyphenateNothing) {
  Hyphenator h("/nonexistent/hyph_sv_SE.dic");
  EXPECT_FALSE(h.ok());
  EXPECT_TRUE(h.Points("handledningen").empty());
}

}  // namespace
}  // namespace stdok
