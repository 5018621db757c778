#include "font/mark_placement.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

namespace stdok {
namespace {

// Space between a base and the mark above it, and between stacked marks, 1/1000 em: what
// Liberation Sans' own GPOS anchors leave above capitals, x and q (52-68).
constexpr int kGap = 65;

enum class Side { kAbove, kBelow, kNone };

// Canonical combining classes 230-234 sit above, 218-222 below; the attached classes (the
// horn of ơ, the ogonek, cedilla: 202, 214, 216) are drawn where the designer put them.
Side SideOf(char32_t c) {
  uint8_t ccc = u_getCombiningClass(static_cast<UChar32>(c));
  if (ccc >= 228 && ccc <= 234) return Side::kAbove;
  if (ccc >= 218 && ccc <= 222) return Side::kBelow;
  return Side::kNone;
}

int Center(const FontFile::Box& b) { return (b.x_min + b.x_max) / 2; }

}  // namespace

bool IsCombiningMark(char32_t c) {
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

void MarkPlacer::MeasureBase() {
  const uint16_t base = font_.GlyphFor(base_char_);
  const FontFile::Box box = font_.GlyphBox(base);
  const int advance = font_.Width(base);
  base_center_ = (box.x_min == box.x_max ? advance / 2 : Center(box)) - advance;
  base_middle_ = (box.y_min + box.y_max) / 2;
  top_ = box.y_max;
  bottom_ = std::min(0, box.y_min);
  base_measured_ = true;
}

MarkPlacer::Offset MarkPlacer::Next(char32_t c) {
  // Below U+0300 nothing combines: most characters are a new base, measured only if a mark
  // follows it.
  const bool mark_char = c >= 0x300 && IsCombiningMark(c);
  if (!mark_char) {
    has_base_ = true;
    base_char_ = c;
    base_measured_ = false;
    above_ = below_ = 0;
    return {};
  }
  const uint16_t glyph = font_.GlyphFor(c);
  if (!has_base_ || glyph == 0 || font_.Width(glyph) != 0) return {};  // a mark with an advance: as the font has it
  if (!base_measured_) MeasureBase();
  FontFile::Box mark = font_.GlyphBox(glyph);
  Offset offset;
  switch (SideOf(c)) {
    case Side::kAbove:
      ++above_;
      offset.dy = top_ + kGap - mark.y_min;
      top_ = mark.y_max + offset.dy;
      break;
    case Side::kBelow:
      // The first mark below keeps the font's design (set under the baseline), lowered under a
      // descender; more go under it.
      offset.dy = below_++ == 0 ? bottom_ : bottom_ - kGap - mark.y_max;
      bottom_ = mark.y_min + offset.dy;
      break;
    case Side::kNone:
      return {};
  }
  // Middles compared at one height: on a slanted face (post.italicAngle < 0) a mark higher
  // up moves right with the slant.
  double slant = -std::tan(font_.metrics().italic_angle * M_PI / 180);
  int height = (mark.y_min + mark.y_max) / 2 + offset.dy - base_middle_;
  offset.dx = base_center_ - Center(mark) + static_cast<int>(std::lround(height * slant));
  return offset;
}

}  // namespace stdok
