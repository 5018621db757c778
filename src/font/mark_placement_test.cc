#include "font/mark_placement.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace stdok {
namespace {

const FontFile& Regular() {
  static std::shared_ptr<const FontFile> font = [] {
    std::ifstream in(STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string error;
    auto f = FontFile::Parse(bytes.str(), &error);
    EXPECT_TRUE(f) << error;
    return f;
  }();
  return *font;
}

// Where the mark's middle lands, from the start of its base, in 1/1000 em.
int MarkMiddle(char32_t base, char32_t mark, MarkPlacer::Offset offset) {
  FontFile::Box box = Regular().GlyphBox(Regular().GlyphFor(mark));
  return Regular().Advance(base) + offset.dx + (box.x_min + box.x_max) / 2;
}
int BaseMiddle(char32_t base) {
  FontFile::Box box = Regular().GlyphBox(Regular().GlyphFor(base));
  return (box.x_min + box.x_max) / 2;
}

TEST(MarkPlacement, MarksAreCentredOnTheirBase) {
  for (char32_t base : {U'n', U'N', U'W', U'i', U'\u1EC7'}) {
    for (char32_t mark : {U'\u0308', U'\u0301', U'\u0303', U'\u0323'}) {
      MarkPlacer placer(Regular());
      EXPECT_EQ(placer.Next(base), MarkPlacer::Offset{});
      MarkPlacer::Offset offset = placer.Next(mark);
      EXPECT_NEAR(MarkMiddle(base, mark, offset), BaseMiddle(base), 1) << std::hex << static_cast<int>(base) << " " << static_cast<int>(mark);
    }
  }
}

TEST(MarkPlacement, MarksAboveATallBaseAreRaisedAndStacked) {
  MarkPlacer placer(Regular());
  placer.Next(U'x');
  EXPECT_LT(placer.Next(U'\u0301').dy, -100);  // over a lowercase letter: lowered from capital height
  placer.Next(U'N');
  MarkPlacer::Offset on_capital = placer.Next(U'\u0308');
  FontFile::Box capital = Regular().GlyphBox(Regular().GlyphFor(U'N'));
  FontFile::Box dieresis = Regular().GlyphBox(Regular().GlyphFor(U'\u0308'));
  EXPECT_GT(dieresis.y_min + on_capital.dy, capital.y_max);  // clear of the capital
  MarkPlacer::Offset second = placer.Next(U'\u0301');        // stacked on the dieresis
  FontFile::Box acute = Regular().GlyphBox(Regular().GlyphFor(U'\u0301'));
  EXPECT_GT(acute.y_min + second.dy, dieresis.y_max + on_capital.dy);
  placer.Next(U'g');
  EXPECT_LT(placer.Next(U'\u0323').dy, 0);  // a dot below goes under g's descender
}

TEST(MarkPlacement, OnlyMarksAfterABaseMove) {
  MarkPlacer placer(Regular());
  EXPECT_EQ(placer.Next(U'\u0308'), MarkPlacer::Offset{});  // no base yet
  EXPECT_EQ(placer.Next(U'a'), MarkPlacer::Offset{});
  EXPECT_EQ(placer.Next(U'b'), MarkPlacer::Offset{});
  EXPECT_TRUE(IsCombiningMark(U'\u0308'));
  EXPECT_FALSE(IsCombiningMark(U'\u00A8'));  // spacing dieresis
}

}  // namespace
}  // namespace stdok
