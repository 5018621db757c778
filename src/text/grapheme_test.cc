#include "text/grapheme.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

TEST(Grapheme, ALetterAndItsMarksAreOneCharacter) {
  const std::string text = "an\u0308\u0301b";  // a, n + dieresis + acute, b
  EXPECT_EQ(NextGraphemeBoundary(text, 0), 1u);
  EXPECT_EQ(NextGraphemeBoundary(text, 1), 6u);  // past both marks
  EXPECT_EQ(PreviousGraphemeBoundary(text, 7), 6u);
  EXPECT_EQ(PreviousGraphemeBoundary(text, 6), 1u);
  EXPECT_EQ(NextGraphemeBoundary("\xFF" "a", 0), 1u);  // ill-formed: byte by byte
}

}  // namespace
}  // namespace stdok
