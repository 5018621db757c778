// TrueType font programs for embedding: parsed once per run, then cut into a small subset per
// document and font (only the glyphs the document shows). Internal to pdf/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace stdok {

class TrueTypeProgram {
 public:
  // Font descriptor values in PDF glyph space (1/1000 em).
  struct Metrics {
    int ascent = 0, descent = 0, cap_height = 0;
    int bbox[4] = {0, 0, 0, 0};
    double italic_angle = 0;
    int stem_v = 80;
    bool fixed_pitch = false, italic = false;
  };

  // Parses a TrueType (glyf) font. Null with *error when the bytes are not one, lack a table a
  // subset needs (head hhea maxp hmtx loca glyf cmap), or are unsafe to subset: a table or glyph
  // beyond its bounds, cmap ranges out of order, a composite glyph whose component is not a
  // glyph of the font, is truncated, refers to itself or nests deeper than 8 levels.
  static std::shared_ptr<const TrueTypeProgram> Parse(std::string bytes, std::string* error);

  // The glyph for a Unicode code point; 0 (.notdef) when the font has none.
  uint16_t GlyphFor(char32_t c) const {
    if (c < bmp_.size()) return bmp_[c];
    return GlyphBeyondBmp(c);
  }
  // Advance width in PDF glyph space, truncated as libharu and layout/font_metrics do.
  int Width(uint16_t glyph) const;
  const Metrics& metrics() const { return metrics_; }
  const std::string& postscript_name() const { return postscript_name_; }

  // A complete TrueType program holding .notdef, the glyphs `glyphs` (original ids, in order;
  // repeats are kept once) and the components of composite glyphs, renumbered from 1. Its only
  // cmap subtable is (3,0), the symbolic encoding: 0xF000 + first_code + i -> glyphs[i]. Tables:
  // OS/2 cmap glyf head hhea hmtx loca maxp name post, and the hinting tables cvt fpgm prep
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
  std::vector<uint16_t> bmp_;  // code point -> glyph, U+0000-FFFF
  struct Group {
    uint32_t first, last, glyph;
  };
  std::vector<Group> beyond_bmp_;  // from a format-12 subtable
  Metrics metrics_;
  std::string postscript_name_;
};

}  // namespace stdok
