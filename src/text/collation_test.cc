#include "text/collation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace stdok {
namespace {

TEST(CollationTest, SwedishLettersSortAfterZ) {
  EXPECT_GT(SwedishCompare("Öberg", "Zetterberg"), 0);
  EXPECT_LT(SwedishCompare("Zetterberg", "Åsa"), 0);
  EXPECT_LT(SwedishCompare("Åsa", "Ärla"), 0);
  EXPECT_LT(SwedishCompare("Ärla", "Örjan"), 0);
  EXPECT_TRUE(SwedishLess("Åsa", "Örjan"));
  EXPECT_FALSE(SwedishLess("Örjan", "Åsa"));
}

// ICU 72's "sv" collation treats v and w as distinct letters (w right after v).
TEST(CollationTest, VAndWAreDistinct) {
  EXPECT_LT(SwedishCompare("Vik", "Wik"), 0);
  EXPECT_LT(SwedishCompare("Vinge", "Wik"), 0);
  EXPECT_GT(SwedishCompare("Wik", "Vinge"), 0);
  EXPECT_LT(SwedishCompare("Wikström", "Zetterberg"), 0);
}

TEST(CollationTest, ForeignLettersFollowSwedishTradition) {
  EXPECT_GT(SwedishCompare("Ünal", "Wikström"), 0);    // ü sorts as y
  EXPECT_LT(SwedishCompare("Ünal", "Zetterberg"), 0);
  EXPECT_GT(SwedishCompare("Æsa", "Ärla"), 0);         // æ with ä
  EXPECT_LT(SwedishCompare("Æsa", "Öberg"), 0);
  EXPECT_GT(SwedishCompare("Ørjan", "Örjan"), 0);      // ø with ö
  EXPECT_LT(SwedishCompare("Mueller", "Müller"), 0);
  EXPECT_LT(SwedishCompare("Müller", "Mz"), 0);
}

TEST(CollationTest, EqualityAndCase) {
  EXPECT_EQ(SwedishCompare("Åsa", "Åsa"), 0);
  EXPECT_EQ(SwedishCompare("", ""), 0);
  EXPECT_LT(SwedishCompare("", "a"), 0);
  EXPECT_EQ(SwedishCompare("A\xCC\x8Asa", "Åsa"), 0);  // canonically equivalent NFD
  EXPECT_LT(SwedishCompare("eva", "Eva"), 0);          // lower case first at tertiary level
  EXPECT_LT(SwedishCompare("Eva", "evb"), 0);          // but letters decide before case
}

TEST(CollationTest, SortsAList) {
  std::vector<std::string> names = {"Örjan", "Wik", "Åsa", "Zetterberg", "Ärla", "Vik", "Aalto", "Öberg"};
  std::sort(names.begin(), names.end(), SwedishLess);
  const std::vector<std::string> expected = {"Aalto", "Vik",  "Wik",   "Zetterberg",
                                             "Åsa",   "Ärla", "Öberg", "Örjan"};
  EXPECT_EQ(names, expected);
}

TEST(CollationTest, WorksFromSeveralThreads) {
  std::vector<int> results(4, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&results, i] {
      int ok = 0;
      for (int n = 0; n < 200; ++n) ok += SwedishCompare("Öberg", "Zetterberg") > 0 ? 1 : 0;
      results[i] = ok;
    });
  }
  for (auto& t : threads) t.join();
  for (int r : results) EXPECT_EQ(r, 200);
}

}  // namespace
}  // namespace stdok
