#include "font/font_file.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace stdok {
namespace {

uint16_t U16(std::string_view b, size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<uint16_t>((static_cast<uint8_t>(b[at]) << 8) | static_cast<uint8_t>(b[at + 1]));
}
int16_t I16(std::string_view b, size_t at) { return static_cast<int16_t>(U16(b, at)); }
uint32_t U32(std::string_view b, size_t at) {
  return (static_cast<uint32_t>(U16(b, at)) << 16) | U16(b, at + 2);
}

void Put16(std::string* out, size_t at, uint16_t v) {
  (*out)[at] = static_cast<char>(v >> 8);
  (*out)[at + 1] = static_cast<char>(v & 0xFF);
}
void Put32(std::string* out, size_t at, uint32_t v) {
  Put16(out, at, static_cast<uint16_t>(v >> 16));
  Put16(out, at + 2, static_cast<uint16_t>(v & 0xFFFF));
}
void Append16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xFF));
}
void Append32(std::string* out, uint32_t v) {
  Append16(out, static_cast<uint16_t>(v >> 16));
  Append16(out, static_cast<uint16_t>(v & 0xFFFF));
}

uint32_t Checksum(std::string_view data) {
  uint32_t sum = 0;
  size_t i = 0;
  for (; i + 4 <= data.size(); i += 4) sum += U32(data, i);
  if (i < data.size()) {
    uint8_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, data.data() + i, data.size() - i);
    sum += (uint32_t{tail[0]} << 24) | (uint32_t{tail[1]} << 16) | (uint32_t{tail[2]} << 8) | tail[3];
  }
  return sum;
}

// Composite glyph flags (OpenType glyf table).
constexpr uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020,
                   kHaveXYScale = 0x0040, kHaveTwoByTwo = 0x0080;

// Deepest nesting of composite glyphs accepted (a composite of simple glyphs is 1 deep). Real
// fonts nest 1-3 deep; renderers recurse once per level.
constexpr int kMaxComponentDepth = 8;

bool IsComposite(std::string_view glyph) { return glyph.size() >= 10 && I16(glyph, 0) < 0; }

// Calls f(offset of the glyph index) for each component of a composite glyph (none for a
// simple or empty one). False when the component records run past the end of the glyph.
template <typename F>
bool ForEachComponent(std::string_view glyph, F f) {
  if (!IsComposite(glyph)) return true;
  size_t at = 10;
  for (;;) {
    if (at + 4 > glyph.size()) return false;
    uint16_t flags = U16(glyph, at);
    size_t next = at + 4 + ((flags & kArgsAreWords) ? 4 : 2);
    if (flags & kHaveScale) next += 2;
    else if (flags & kHaveXYScale) next += 4;
    else if (flags & kHaveTwoByTwo) next += 8;
    if (next > glyph.size()) return false;
    f(at + 2);
    if (!(flags & kMoreComponents)) return true;
    at = next;
  }
}

// Most name records TrimmedNameTable keeps (real fonts have a few per platform and language).
constexpr uint16_t kMaxNameRecords = 64;

// The name table with only the copyright notice (0), family (1), subfamily (2) and PostScript
// name (6): what identifies the font and credits its authors, without the rest (~300 bytes
// compressed per font and document). At most kMaxNameRecords records, and strings that 16-bit
// offsets reach.
std::string TrimmedNameTable(std::string_view name) {
  if (name.size() < 6) return "";
  uint16_t count = U16(name, 2);
  size_t storage = U16(name, 4);
  std::string records, strings;
  uint16_t kept = 0;
  for (uint16_t i = 0; i < count; ++i) {
    size_t rec = 6 + 12 * size_t{i};
    if (rec + 12 > name.size()) break;
    uint16_t id = U16(name, rec + 6), length = U16(name, rec + 8), offset = U16(name, rec + 10);
    if (id != 0 && id != 1 && id != 2 && id != 6) continue;
    if (storage + offset + length > name.size()) continue;
    if (kept == kMaxNameRecords || strings.size() + length > 0xFFFF) break;
    records.append(name.substr(rec, 8));
    Append16(&records, length);
    Append16(&records, static_cast<uint16_t>(strings.size()));
    strings.append(name.substr(storage + offset, length));
    ++kept;
  }
  std::string out;
  Append16(&out, 0);
  Append16(&out, kept);
  Append16(&out, static_cast<uint16_t>(6 + 12 * kept));
  return out + records + strings;
}

int Scale(int units, int units_per_em) { return units * 1000 / units_per_em; }  // truncates toward 0

}  // namespace

std::shared_ptr<const FontFile> FontFile::Parse(std::string bytes, std::string* error) {
  auto font = std::make_shared<FontFile>();
  font->bytes_ = std::move(bytes);
  std::string_view b = font->bytes_;
  auto fail = [&](const std::string& why) {
    *error = "font: " + why;
    return nullptr;
  };
  uint32_t version = U32(b, 0);
  if (b.size() < 12 || (version != 0x00010000 && version != 0x74727565 /* 'true' */))
    return fail("not a TrueType font with glyf outlines");
  uint16_t num_tables = U16(b, 4);
  Table cmap;
  bool has_glyf = false;
  for (uint16_t i = 0; i < num_tables; ++i) {
    size_t rec = 12 + 16 * size_t{i};
    if (rec + 16 > b.size()) return fail("truncated table directory");
    std::string_view tag = b.substr(rec, 4);
    Table t{U32(b, rec + 8), U32(b, rec + 12)};
    if (uint64_t{t.offset} + t.length > b.size()) return fail("table " + std::string(tag) + " lies beyond the file");
    if (tag == "head") font->head_ = t;
    else if (tag == "hhea") font->hhea_ = t;
    else if (tag == "maxp") font->maxp_ = t;
    else if (tag == "hmtx") font->hmtx_ = t;
    else if (tag == "loca") font->loca_ = t;
    else if (tag == "glyf") font->glyf_ = t, has_glyf = true;
    else if (tag == "cmap") cmap = t;
    else if (tag == "OS/2") font->os2_ = t;
    else if (tag == "name") font->name_ = t;
    else if (tag == "post") font->post_ = t;
    else if (tag == "cvt ") font->cvt_ = t;
    else if (tag == "fpgm") font->fpgm_ = t;
    else if (tag == "prep") font->prep_ = t;
  }
  if (font->head_.length < 54 || font->hhea_.length < 36 || font->maxp_.length < 6 || !font->hmtx_.length ||
      !font->loca_.length || !has_glyf || !cmap.length)
    return fail("a table a subset needs is missing (head hhea maxp hmtx loca glyf cmap)");
  std::string_view head = font->TableData(font->head_), hhea = font->TableData(font->hhea_);
  font->units_per_em_ = U16(head, 18);
  if (font->units_per_em_ < 16) return fail("unitsPerEm out of range");
  font->long_loca_ = I16(head, 50) == 1;
  font->num_glyphs_ = U16(font->TableData(font->maxp_), 4);
  font->num_h_metrics_ = U16(hhea, 34);
  if (!font->num_glyphs_ || !font->num_h_metrics_ || font->num_h_metrics_ > font->num_glyphs_ ||
      font->hmtx_.length < 4u * font->num_h_metrics_ + 2u * (font->num_glyphs_ - font->num_h_metrics_) ||
      font->loca_.length < (font->long_loca_ ? 4u : 2u) * (font->num_glyphs_ + 1u))
    return fail("glyph counts of maxp, hhea, hmtx and loca disagree");
  for (uint16_t g = 0; g < font->num_glyphs_; ++g) {
    std::string_view data = font->GlyphData(g);
    if (data.data() == nullptr) return fail("glyph " + std::to_string(g) + " lies beyond glyf");
  }
  if (std::string why; !font->CheckComposites(&why)) return fail(why);

  // cmap: the best Unicode subtable (3,10) format 12, else (3,1) / (0,x) format 4.
  std::string_view c = font->TableData(cmap);
  font->bmp_.assign(0x10000, 0);
  size_t best4 = 0, best12 = 0;
  for (uint16_t i = 0, n = U16(c, 2); i < n; ++i) {
    uint16_t platform = U16(c, 4 + 8 * i), encoding = U16(c, 6 + 8 * i);
    uint32_t offset = U32(c, 8 + 8 * i);
    if (uint64_t{offset} + 4 > c.size()) continue;
    uint16_t format = U16(c, offset);
    bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    if (format == 4 && !best4) best4 = offset;
    if (format == 12 && !best12) best12 = offset;
  }
  if (best12) {
    // Groups sorted and apart (as the spec requires), so each code point is visited once.
    uint32_t groups = U32(c, best12 + 12);
    uint64_t next_free = 0;
    for (uint32_t i = 0; i < groups && best12 + 16 + 12 * (uint64_t{i} + 1) <= c.size(); ++i) {
      size_t at = best12 + 16 + 12 * size_t{i};
      Group g{U32(c, at), U32(c, at + 4), U32(c, at + 8)};
      if (g.last < g.first || g.last > 0x10FFFF || g.first < next_free)
        return fail("cmap: format 12 group " + std::to_string(i) + " out of order or out of range");
      next_free = uint64_t{g.last} + 1;
      for (uint32_t cp = g.first; cp <= std::min<uint32_t>(g.last, 0xFFFF); ++cp) {
        uint32_t glyph = g.glyph + (cp - g.first);
        if (glyph < font->num_glyphs_) font->bmp_[cp] = static_cast<uint16_t>(glyph);
      }
      if (g.last > 0xFFFF) font->beyond_bmp_.push_back(g);
    }
  } else if (best4) {
    size_t seg_count = U16(c, best4 + 6) / 2;
    size_t ends = best4 + 14, starts = ends + 2 * seg_count + 2, deltas = starts + 2 * seg_count,
           ranges = deltas + 2 * seg_count;
    if (ranges + 2 * seg_count > c.size()) return fail("cmap: format 4 truncated");
    // Segments sorted by end code (as the spec requires); a start inside the previous segment
    // is clamped, so each code point is visited once.
    uint32_t next_free = 0;
    for (size_t s = 0; s < seg_count; ++s) {
      uint32_t end = U16(c, ends + 2 * s), start = U16(c, starts + 2 * s);
      uint16_t delta = U16(c, deltas + 2 * s), range = U16(c, ranges + 2 * s);
      if (s > 0 && end < next_free) return fail("cmap: format 4 segments not sorted by end code");
      uint32_t from = std::max(start, next_free);
      next_free = end + 1;
      for (uint32_t cp = from; cp <= end && cp != 0xFFFF; ++cp) {
        uint16_t glyph;
        if (range == 0) {
          glyph = static_cast<uint16_t>(cp + delta);
        } else {
          size_t at = ranges + 2 * s + range + 2 * (cp - start);
          glyph = U16(c, at);
          if (glyph) glyph = static_cast<uint16_t>(glyph + delta);
        }
        if (glyph < font->num_glyphs_) font->bmp_[cp] = glyph;
      }
    }
  } else {
    return fail("no Unicode cmap subtable (format 4 or 12)");
  }

  Metrics& m = font->metrics_;
  int upem = font->units_per_em_;
  std::string_view os2 = font->TableData(font->os2_);
  int ascender = I16(hhea, 4), descender = I16(hhea, 6);
  if (ascender == 0 && descender == 0 && os2.size() >= 74) ascender = I16(os2, 68), descender = I16(os2, 70);
  m.ascent = Scale(ascender, upem);
  m.descent = -std::abs(Scale(descender, upem));  // some fonts store it positive
  for (int i = 0; i < 4; ++i) m.bbox[i] = Scale(I16(head, 36 + 2 * i), upem);
  m.cap_height = m.ascent;
  m.x_height = 0;
  if (os2.size() >= 90 && U16(os2, 0) >= 2) {
    m.x_height = Scale(I16(os2, 86), upem);
    m.cap_height = Scale(I16(os2, 88), upem);
  }
  if (m.x_height <= 0) m.x_height = font->GlyphBox(font->GlyphFor(U'x')).y_max;
  if (m.x_height <= 0) m.x_height = 500;
  int weight = os2.size() >= 6 ? U16(os2, 4) : 400;
  m.stem_v = weight >= 600 ? 120 : 80;
  std::string_view post = font->TableData(font->post_);
  if (post.size() >= 16) {
    m.italic_angle = static_cast<int32_t>(U32(post, 4)) / 65536.0;
    m.fixed_pitch = U32(post, 12) != 0;
  }
  m.italic = m.italic_angle != 0 || (U16(head, 44) & 2);

  // PostScript name (name id 6), Windows Unicode or Macintosh Roman.
  std::string_view name = font->TableData(font->name_);
  for (uint16_t i = 0, n = U16(name, 2); i < n && font->postscript_name_.empty(); ++i) {
    size_t rec = 6 + 12 * size_t{i};
    uint16_t platform = U16(name, rec), id = U16(name, rec + 6), length = U16(name, rec + 8),
             offset = U16(name, rec + 10);
    size_t at = size_t{U16(name, 4)} + offset;
    if (id != 6 || at + length > name.size()) continue;
    std::string ps;
    if (platform == 3 || platform == 0) {
      for (size_t k = 0; k + 1 < length; k += 2) ps += static_cast<char>(U16(name, at + k) & 0x7F);
    } else if (platform == 1) {
      ps = std::string(name.substr(at, length));
    }
    for (char ch : ps)
      if (ch > 0x20 && ch < 0x7F && !std::strchr("[](){}<>/%#", ch)) font->postscript_name_ += ch;
  }
  if (font->postscript_name_.empty()) font->postscript_name_ = "Font";
  font->bmp_advance_.resize(font->bmp_.size());
  for (size_t c = 0; c < font->bmp_.size(); ++c)
    font->bmp_advance_[c] = static_cast<uint16_t>(std::min(font->Width(font->bmp_[c]), 0xFFFF));
  return font;
}

double FontFile::Width(std::string_view utf8, double size) const {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  const uint16_t* advance = bmp_advance_.data();
  uint64_t sum = 0;
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII without the decoder: most text is
      sum += advance[s[i++]];
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    sum += static_cast<uint32_t>(Advance(static_cast<char32_t>(c)));
  }
  return static_cast<double>(sum) * size / 1000.0;
}

FontFile::Box FontFile::GlyphBox(uint16_t glyph) const {
  if (glyph >= num_glyphs_) glyph = 0;
  std::string_view data = GlyphData(glyph);
  if (data.size() < 10) return Box{};
  return Box{Scale(I16(data, 2), units_per_em_), Scale(I16(data, 4), units_per_em_),
             Scale(I16(data, 6), units_per_em_), Scale(I16(data, 8), units_per_em_)};
}

bool FontFile::CheckComposites(std::string* why) const {
  // depth[g]: 0 not yet known, -1 being measured (on the current chain), else the nesting depth
  // (a simple or empty glyph is 0 deep).
  std::vector<int8_t> depth(num_glyphs_, 0);
  std::string problem;
  auto measure = [&](auto&& self, uint16_t g, int level) -> int {
    if (depth[g] > 0) return depth[g];
    if (depth[g] < 0) return problem = "composite refers to itself", -1;
    std::string_view data = GlyphData(g);
    if (!IsComposite(data)) return 0;
    if (level > kMaxComponentDepth)
      return problem = "composite nested deeper than " + std::to_string(kMaxComponentDepth) + " levels", -1;
    depth[g] = -1;
    int deepest = 0;
    bool complete = ForEachComponent(data, [&](size_t at) {
      uint16_t c = U16(data, at);
      if (!problem.empty()) return;
      if (c >= num_glyphs_) {
        problem = "component " + std::to_string(c) + " is not a glyph of the font (" +
                  std::to_string(num_glyphs_) + " glyphs)";
        return;
      }
      deepest = std::max(deepest, self(self, c, level + 1));
    });
    if (!complete && problem.empty()) problem = "composite truncated (a component record runs past its end)";
    if (!problem.empty()) return -1;
    depth[g] = static_cast<int8_t>(deepest + 1);
    return depth[g];
  };
  for (uint16_t g = 0; g < num_glyphs_; ++g) {
    if (measure(measure, g, 1) < 0) {
      *why = "glyph " + std::to_string(g) + ": " + problem;
      return false;
    }
  }
  return true;
}

uint16_t FontFile::GlyphBeyondBmp(char32_t c) const {
  for (const Group& g : beyond_bmp_)
    if (c >= g.first && c <= g.last) {
      uint32_t glyph = g.glyph + (c - g.first);
      return glyph < num_glyphs_ ? static_cast<uint16_t>(glyph) : 0;
    }
  return 0;
}

int FontFile::Width(uint16_t glyph) const {
  std::string_view hmtx = TableData(hmtx_);
  uint16_t i = std::min<uint16_t>(glyph, static_cast<uint16_t>(num_h_metrics_ - 1));
  return Scale(U16(hmtx, 4 * size_t{i}), units_per_em_);
}

std::string_view FontFile::GlyphData(uint16_t glyph) const {
  std::string_view loca = TableData(loca_);
  uint32_t begin = long_loca_ ? U32(loca, 4 * size_t{glyph}) : 2u * U16(loca, 2 * size_t{glyph});
  uint32_t end = long_loca_ ? U32(loca, 4 * size_t{glyph} + 4) : 2u * U16(loca, 2 * size_t{glyph} + 2);
  if (end < begin || end > glyf_.length) return std::string_view();
  if (end == begin) return std::string_view("", 0);
  return TableData(glyf_).substr(begin, end - begin);
}

std::string FontFile::Subset(const std::vector<uint16_t>& glyphs, int first_code) const {
  if (glyphs.empty() || glyphs.size() > 0x0FFF || first_code < 0 || first_code + glyphs.size() > 0x0FFF) return "";
  // New glyph order: .notdef, the requested glyphs, then composite components.
  std::vector<uint16_t> order = {0};
  std::vector<uint16_t> new_id(num_glyphs_, 0);
  std::vector<bool> present(num_glyphs_, false);
  present[0] = true;
  bool notdef_shown = false;
  auto add = [&](uint16_t g) {
    if (g >= num_glyphs_) g = 0;
    if (present[g]) return;
    present[g] = true;
    new_id[g] = static_cast<uint16_t>(order.size());
    order.push_back(g);
  };
  for (uint16_t g : glyphs) {
    if (g == 0 || g >= num_glyphs_) notdef_shown = true;
    add(g);
  }
  for (size_t i = 1; i < order.size(); ++i)  // grows while components are added
    ForEachComponent(GlyphData(order[i]), [&](size_t at) { add(U16(GlyphData(order[i]), at)); });
  // Parse has checked every component id against num_glyphs_; this keeps new_id in bounds anyway.
  auto renumbered = [&](uint16_t g) -> uint16_t { return g < num_glyphs_ ? new_id[g] : 0; };

  // glyf and loca (short offsets when they fit: glyphs padded to even length).
  std::string glyf, loca;
  std::vector<uint32_t> offsets;
  offsets.reserve(order.size() + 1);
  for (uint16_t g : order) {
    offsets.push_back(static_cast<uint32_t>(glyf.size()));
    if (g == 0 && !notdef_shown) continue;  // .notdef is never drawn: an empty outline
    std::string_view data = GlyphData(g);
    size_t at = glyf.size();
    glyf.append(data);
    ForEachComponent(data, [&](size_t offset) { Put16(&glyf, at + offset, renumbered(U16(data, offset))); });
    if (glyf.size() % 2) glyf.push_back('\0');
  }
  offsets.push_back(static_cast<uint32_t>(glyf.size()));
  bool long_loca = glyf.size() > 0x1FFFE;
  for (uint32_t o : offsets) {
    if (long_loca) Append32(&loca, o);
    else Append16(&loca, static_cast<uint16_t>(o / 2));
  }
  while (glyf.size() % 4) glyf.push_back('\0');

  // hmtx: a full metric per glyph.
  std::string hmtx;
  std::string_view old_hmtx = TableData(hmtx_);
  for (uint16_t g : order) {
    size_t i = std::min<size_t>(g, num_h_metrics_ - 1u);
    Append16(&hmtx, U16(old_hmtx, 4 * i));
    Append16(&hmtx, g < num_h_metrics_ ? U16(old_hmtx, 4 * size_t{g} + 2)
                                       : U16(old_hmtx, 4 * size_t{num_h_metrics_} + 2 * (g - num_h_metrics_)));
  }

  // cmap: one (3,0) format 4 subtable: a segment over the codes and the closing 0xFFFF
  // segment. When code first_code + i shows glyph i + 1 for every i (each character has its own
  // glyph, the usual case) the segment is a delta; otherwise glyph ids come from an array.
  std::string cmap;
  uint16_t n = static_cast<uint16_t>(glyphs.size());
  uint16_t first = static_cast<uint16_t>(0xF000 + first_code), last = static_cast<uint16_t>(first + n - 1);
  bool in_order = true;
  for (uint16_t i = 0; i < n; ++i) in_order = in_order && renumbered(glyphs[i]) == i + 1;
  Append16(&cmap, 0);   // version
  Append16(&cmap, 1);   // one subtable
  Append16(&cmap, 3);   // Windows
  Append16(&cmap, 0);   // symbol
  Append32(&cmap, 12);  // offset
  uint16_t length = static_cast<uint16_t>(16 + 2 * 8 + (in_order ? 0 : 2 * n));
  Append16(&cmap, 4);
  Append16(&cmap, length);
  Append16(&cmap, 0);  // language
  Append16(&cmap, 4);  // segCountX2
  Append16(&cmap, 4);  // searchRange
  Append16(&cmap, 1);  // entrySelector
  Append16(&cmap, 0);  // rangeShift
  Append16(&cmap, last);
  Append16(&cmap, 0xFFFF);
  Append16(&cmap, 0);  // reservedPad
  Append16(&cmap, first);
  Append16(&cmap, 0xFFFF);
  Append16(&cmap, in_order ? static_cast<uint16_t>(1 - first) : 0);  // idDelta, modulo 65536
  Append16(&cmap, 1);
  Append16(&cmap, in_order ? 0 : 4);  // idRangeOffset: from this word to glyphIdArray[0]
  Append16(&cmap, 0);
  if (!in_order)
    for (uint16_t g : glyphs) Append16(&cmap, renumbered(g));

  std::string head(TableData(head_).substr(0, 54));
  Put32(&head, 8, 0);  // checkSumAdjustment, set below
  Put16(&head, 50, long_loca ? 1 : 0);
  std::string hhea(TableData(hhea_).substr(0, 36));
  Put16(&hhea, 34, static_cast<uint16_t>(order.size()));
  std::string maxp(TableData(maxp_));
  Put16(&maxp, 4, static_cast<uint16_t>(order.size()));
  std::string name = TrimmedNameTable(TableData(name_));
  struct Out {
    const char* tag;
    std::string_view data;
  };
  // Sorted by tag. No OS/2 and no post: a PDF reader takes the metrics from the font descriptor
  // and needs no glyph names (ISO 32000-1, 9.9, lists neither). The hinting tables go as they are: glyph instructions call the functions of
  // fpgm and read the values of cvt, and prep sets up both.
  std::array<Out, 11> tables = {{{"cmap", cmap},
                                 {"cvt ", TableData(cvt_)},
                                 {"fpgm", TableData(fpgm_)},
                                 {"glyf", glyf},
                                 {"head", head},
                                 {"hhea", hhea},
                                 {"hmtx", hmtx},
                                 {"loca", loca},
                                 {"maxp", maxp},
                                 {"name", name},
                                 {"prep", TableData(prep_)}}};
  uint16_t count = 0;
  for (const Out& t : tables) count += t.data.empty() ? 0 : 1;
  uint16_t power = 1, log2 = 0;
  while (power * 2 <= count) power *= 2, ++log2;
  std::string out;
  size_t total = 12 + 16 * size_t{count};
  for (const Out& t : tables) total += (t.data.size() + 3) & ~size_t{3};
  out.reserve(total);
  Append32(&out, 0x00010000);
  Append16(&out, count);
  Append16(&out, static_cast<uint16_t>(power * 16));
  Append16(&out, log2);
  Append16(&out, static_cast<uint16_t>(count * 16 - power * 16));
  size_t offset = 12 + 16 * size_t{count};
  size_t head_at = 0;
  for (const Out& t : tables) {
    if (t.data.empty()) continue;
    out.append(t.tag, 4);
    Append32(&out, Checksum(t.data));
    Append32(&out, static_cast<uint32_t>(offset));
    Append32(&out, static_cast<uint32_t>(t.data.size()));
    if (std::string_view(t.tag) == "head") head_at = offset;
    offset += (t.data.size() + 3) & ~size_t{3};
  }
  for (const Out& t : tables) {
    if (t.data.empty()) continue;
    out.append(t.data);
    out.resize((out.size() + 3) & ~size_t{3}, '\0');
  }
  Put32(&out, head_at + 8, 0xB1B0AFBA - Checksum(out));
  return out;
}

}  // namespace stdok
