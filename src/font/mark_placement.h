// Combining marks placed on their base letter without shaping tables. A letter with a mark that
// has no precomposed form ("n̈", Yoruba "ọ̀", Vietnamese with two marks) is a base glyph followed
// by zero-advance mark glyphs whose outlines sit where the font's designer put them: at capital
// height over a letter of average width, or (Liberation's U+0303) beside it. MarkPlacer moves
// each mark over (or under) the middle of its base, a fixed gap above its top, and stacks a
// second mark on the first: the glyph-extents fallback HarfBuzz itself uses for fonts without
// GPOS mark anchors (hb-ot-shape-fallback.cc). docs/design.md, "Fonts", says why stdok does not
// shape.
#pragma once

#include <cstdint>

#include "font/font_file.h"

namespace stdok {

// Whether `c` is a combining mark drawn over or under the character before it (general
// category Mn or Me).
bool IsCombiningMark(char32_t c);

class MarkPlacer {
 public:
  // Where a glyph goes relative to the pen position its advances give, in 1/1000 em.
  struct Offset {
    int dx = 0, dy = 0;
    bool operator==(const Offset&) const = default;
  };

  // REQUIRES: `font` outlives the placer.
  explicit MarkPlacer(const FontFile& font) : font_(font) {}

  // The offset of the next character of a run: {0, 0} for anything but a combining mark after
  // a base with a zero-advance glyph for the mark; the mark's offset otherwise. Call once per
  // drawn character, in order; Reset at the start of each run.
  Offset Next(char32_t c);
  void Reset() { has_base_ = false; }

 private:
  void MeasureBase();  // the base's box, once a mark follows it

  const FontFile& font_;
  bool has_base_ = false;
  char32_t base_char_ = 0;
  bool base_measured_ = false;
  int base_center_ = 0;  // x of the base's middle, from the pen position after the base
  int base_middle_ = 0;  // the height of that middle (an italic's middle moves with height)
  int top_ = 0;          // top of the base and the marks above it so far
  int bottom_ = 0;       // bottom of the base and the marks below it so far
  int above_ = 0, below_ = 0;  // marks placed above and below the current base
};

}  // namespace stdok
