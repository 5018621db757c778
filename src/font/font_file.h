// A TrueType font, parsed once per run and shared by layout (measuring) and the PDF writer
// (embedding): one cmap, one set of advances, one set of metrics, so the width layout measures
// is the width the PDF draws. Thread-safe once parsed (all members const).
//
// The cmap policy, the only one in stdok: the first Unicode format-12 subtable ((3,10) or
// (0,*)) when the font has one, else the first Unicode format-4 subtable ((3,1) or (0,*)); a
// code point the chosen subtable does not map (or maps past the glyph count) is glyph 0,
// .notdef, which the PDF draws (a box) and layout measures with .notdef's advance.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stdok {

class FontFile {
 public:
  // Font descriptor values in PDF glyph space (1/1000 em).
  struct Metrics {
    // hhea ascender/descender (the OS/2 typo values when hhea has zeros); descent <= 0.
    int ascent = 0, descent = 0;
    int cap_height = 0;  // OS/2 sCapHeight (version >= 2), else ascent
    int x_height = 0;    // OS/2 sxHeight (version >= 2), else the top of 'x', else 500
    int bbox[4] = {0, 0, 0, 0};
    double italic_angle = 0;
    int stem_v = 80;
    bool fixed_pitch = false, italic = false;
  };

  // Parses a TrueType (glyf) font. Null with *error when the bytes are not one, lack a table a
  // subset needs (head hhea maxp hmtx loca glyf cmap), or are unsafe to subset: a table or glyph
  // beyond its bounds, cmap ranges out of order, a composite glyph whose component is not a
  // glyph of the font, is truncated, refers to itself or nests deeper than 8 levels.
  // Never reads outside `bytes`; *error starts with "font: ".
  static std::shared_ptr<const FontFile> Parse(std::string bytes, std::string* error);

  // The glyph for a Unicode code point; 0 (.notdef) when the font has none (see the policy).
  uint16_t GlyphFor(char32_t c) const {
    if (c < bmp_.size()) return bmp_[c];
    return GlyphBeyondBmp(c);
  }
  bool HasGlyph(char32_t c) const { return GlyphFor(c) != 0; }
  // Advance width in PDF glyph space (1/1000 em): advanceWidth * 1000 / unitsPerEm truncated,
  // the value written into /Widths, so measuring and drawing agree to the unit.
  int Width(uint16_t glyph) const;
  int Advance(char32_t c) const { return c < bmp_advance_.size() ? bmp_advance_[c] : Width(GlyphFor(c)); }
  // Width in points of UTF-8 `text` at `size` points: the sum of Advance over its code points
  // (ICU's U8_NEXT; an ill-formed sequence counts as U+FFFD). No kerning; combining marks
  // have the advance the font gives them (0 in Liberation Sans).
  double Width(std::string_view utf8, double size) const;

  // A glyph's bounding box from its glyf header, in 1/1000 em (all 0 for an empty glyph).
  struct Box {
    int x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  };
  Box GlyphBox(uint16_t glyph) const;
  const Metrics& metrics() const { return metrics_; }
  const std::string& postscript_name() const { return postscript_name_; }

  // A complete TrueType program holding .notdef, the glyphs `glyphs` (original ids, in order;
  // repeats are kept once) and the components of composite glyphs, renumbered from 1. Its only
  // cmap subtable is (3,0), the symbolic encoding: 0xF000 + first_code + i -> glyphs[i]. Tables:
  // cmap glyf head hhea hmtx loca maxp name (no OS/2, no post), and the hinting tables cvt fpgm prep
  // unchanged when the font has them (glyphs keep their instructions, which call into them).
  std::string Subset(const std::vector<uint16_t>& glyphs, int first_code) const;

 private:
  struct Table {
    uint32_t offset = 0, length = 0;
  };
  uint16_t GlyphBeyondBmp(char32_t c) const;
  // False with *why ("glyph N: ...") unless every composite glyph is sound (see Parse).
  bool CheckComposites(std::string* why) const;
  std::string_view TableData(const Table& t) const { return std::string_view(bytes_).substr(t.offset, t.length); }
  std::string_view GlyphData(uint16_t glyph) const;

  std::string bytes_;
  Table head_, hhea_, maxp_, hmtx_, loca_, glyf_, os2_, name_, post_, cvt_, fpgm_, prep_;
  int units_per_em_ = 1000;
  uint16_t num_glyphs_ = 0, num_h_metrics_ = 0;
  bool long_loca_ = false;
  std::vector<uint16_t> bmp_;          // code point -> glyph, U+0000-FFFF
  std::vector<uint16_t> bmp_advance_;  // code point -> Width(glyph), U+0000-FFFF
  struct Group {
    uint32_t first, last, glyph;
  };
  std::vector<Group> beyond_bmp_;  // from a format-12 subtable
  Metrics metrics_;
  std::string postscript_name_;
};

}  // namespace stdok
