// Advance widths and vertical metrics of a TrueType font, read straight from its bytes, so the
// layout stage can measure text without libharu. Widths follow libharu 2.3.0 exactly: each
// glyph's advance is advanceWidth * 1000 / unitsPerEm truncated to an integer, which is what
// libharu writes into /W and /Widths and therefore what a PDF viewer uses to place glyphs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stdok {

class FontMetrics {
 public:
  // An empty font: no glyphs, every advance and metric 0. Fill it with Parse.
  FontMetrics() = default;

  // Parses head, hhea, hmtx, maxp, cmap (a Unicode format-4 subtable, (3,1) preferred, and a
  // format-12 one if present) and OS/2 (typo metrics; sCapHeight if version >= 2). Returns
  // false with *error set (if error is not null) and *out untouched for anything malformed;
  // never reads outside font_bytes. font_bytes need not outlive the call.
  static bool Parse(std::string_view font_bytes, FontMetrics* out, std::string* error);

  // Whether the cmap maps codepoint to a glyph other than .notdef.
  bool HasGlyph(char32_t codepoint) const;

  // Advance width in 1/1000 em (PDF glyph space), truncated like libharu's; the .notdef
  // glyph's advance if the font has no glyph for codepoint.
  double Advance(char32_t codepoint) const;

  // Sum of Advance over the code points of a UTF-8 string, times font_size / 1000: the width
  // in points at that font size. Invalid UTF-8 counts as U+FFFD per maximal ill-formed
  // subsequence (as ICU decodes it). Does not allocate; no kerning.
  double Width(std::string_view utf8, double font_size) const;

  // Vertical metrics in 1/1000 em, not rounded. ascent/descent are hhea ascender/descender
  // (the OS/2 typo values if hhea has zeros), as libharu writes /Ascent and /Descent.
  double ascent() const { return ascent_; }      // positive
  double descent() const { return descent_; }    // negative (or 0)
  double line_gap() const { return line_gap_; }  // hhea lineGap (typo if hhea has zeros)
  // OS/2 sCapHeight for version >= 2, else 700 (libharu's fallback).
  double cap_height() const { return cap_height_; }

  int units_per_em() const { return units_per_em_; }
  int num_glyphs() const { return static_cast<int>(glyph_advance_.size()); }

 private:
  struct Group {  // a format-12 run of supplementary-plane code points
    char32_t first;
    char32_t last;
    uint32_t first_glyph;
  };

  uint16_t GlyphAdvance(uint32_t glyph) const {
    return glyph < glyph_advance_.size() ? glyph_advance_[glyph] : notdef_advance_;
  }
  // Advance in whole 1/1000 em, the unit Width sums.
  uint32_t AdvanceUnits(char32_t codepoint) const;
  // Glyph of a code point >= U+10000 (0 if none).
  uint32_t SupplementaryGlyph(char32_t codepoint) const;

  // Per BMP code point: advance in 1/1000 em (the .notdef advance if unmapped), and a bit
  // set of mapped code points. Either empty (default-constructed) or 65536 entries.
  std::vector<uint16_t> bmp_advance_;
  std::vector<uint64_t> bmp_mapped_;
  std::vector<uint16_t> glyph_advance_;  // per glyph id, 1/1000 em
  std::vector<Group> supplementary_;     // sorted by first, not overlapping
  uint16_t notdef_advance_ = 0;
  int units_per_em_ = 0;
  double ascent_ = 0;
  double descent_ = 0;
  double line_gap_ = 0;
  double cap_height_ = 0;
};

}  // namespace stdok
