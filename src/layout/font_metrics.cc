#include "layout/font_metrics.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace stdok {
namespace {

constexpr uint32_t Tag(const char (&s)[5]) {
  return (uint32_t{static_cast<unsigned char>(s[0])} << 24) |
         (uint32_t{static_cast<unsigned char>(s[1])} << 16) |
         (uint32_t{static_cast<unsigned char>(s[2])} << 8) | uint32_t{static_cast<unsigned char>(s[3])};
}

std::string TagName(uint32_t tag) {
  std::string name(4, ' ');
  for (size_t i = 0; i < 4; ++i) {
    const char c = static_cast<char>((tag >> (24 - 8 * i)) & 0xFF);
    name[i] = (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  return name;
}

// A byte range with big-endian reads. Every read is bounds-checked by the caller through Has().
class Bytes {
 public:
  Bytes() = default;
  explicit Bytes(std::string_view data) : data_(data) {}

  size_t size() const { return data_.size(); }
  bool empty() const { return data_.empty(); }
  // Whether [offset, offset + length) lies inside the range; safe for any 64-bit inputs.
  bool Has(uint64_t offset, uint64_t length) const {
    return offset <= data_.size() && length <= data_.size() - offset;
  }
  Bytes Sub(size_t offset, size_t length) const { return Bytes(data_.substr(offset, length)); }

  uint8_t U8(size_t at) const { return static_cast<uint8_t>(data_[at]); }
  uint16_t U16(size_t at) const { return static_cast<uint16_t>((U8(at) << 8) | U8(at + 1)); }
  int16_t S16(size_t at) const { return static_cast<int16_t>(U16(at)); }
  uint32_t U32(size_t at) const {
    return (uint32_t{U16(at)} << 16) | uint32_t{U16(at + 2)};
  }

 private:
  std::string_view data_;
};

constexpr char32_t kReplacement = 0xFFFD;
constexpr uint32_t kBmpSize = 0x10000;

// Decodes the UTF-8 sequence starting at a non-ASCII byte *p (p < end) and advances p past it.
// Ill-formed input yields U+FFFD and consumes its maximal subpart (at least the lead byte), the
// Unicode-recommended practice that ICU follows.
inline char32_t DecodeMultibyte(const unsigned char*& p, const unsigned char* end) {
  const unsigned lead = *p++;
  int trail;
  char32_t cp;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;       // no overlongs
    else if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;       // no overlongs
    else if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return kReplacement;  // stray continuation byte, C0, C1, F5..FF
  }
  for (int i = 0; i < trail; ++i) {
    if (p == end || *p < lo || *p > hi) return kReplacement;
    cp = (cp << 6) | (*p++ & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  return cp;
}

bool Fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

std::string Hex(uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%X", static_cast<unsigned>(value));
  return buf;
}

// Fills glyphs[c] (0 = unmapped) for the BMP from a format-4 subtable at `at` in cmap. Reads
// are bounded by the cmap table, not the subtable's 16-bit length (often wrong in real fonts).
bool ParseCmapFormat4(Bytes cmap, size_t at, uint32_t num_glyphs, std::vector<uint16_t>* glyphs,
                      std::string* error) {
  if (!cmap.Has(at, 14)) return Fail(error, "cmap: format 4 subtable truncated");
  const uint32_t seg_count_x2 = cmap.U16(at + 6);
  if (seg_count_x2 == 0 || seg_count_x2 % 2 != 0) {
    return Fail(error, "cmap: format 4 segCountX2 is " + std::to_string(seg_count_x2));
  }
  const size_t seg_count = seg_count_x2 / 2;
  const size_t ends = at + 14;
  const size_t starts = ends + seg_count_x2 + 2;  // after reservedPad
  const size_t deltas = starts + seg_count_x2;
  const size_t range_offsets = deltas + seg_count_x2;
  if (!cmap.Has(ends, 4 * uint64_t{seg_count_x2} + 2)) {
    return Fail(error, "cmap: format 4 segment arrays truncated (" + std::to_string(seg_count) +
                           " segments)");
  }
  // Segments must be sorted by end code; a start overlapping the previous segment is clamped,
  // so the loop below visits each BMP code point at most once.
  uint32_t next_free = 0;
  for (size_t i = 0; i < seg_count; ++i) {
    const uint32_t end_code = cmap.U16(ends + 2 * i);
    const uint32_t start_code = cmap.U16(starts + 2 * i);
    if (i > 0 && end_code < next_free) {
      return Fail(error, "cmap: format 4 segments not sorted by end code");
    }
    const uint32_t first_free = next_free;
    next_free = end_code + 1;
    const uint16_t delta = cmap.U16(deltas + 2 * i);
    const size_t range_offset_at = range_offsets + 2 * i;
    const uint16_t range_offset = cmap.U16(range_offset_at);
    for (uint32_t c = std::max(start_code, first_free); c <= end_code; ++c) {
      uint32_t glyph;
      if (range_offset == 0) {
        glyph = (c + delta) & 0xFFFF;
      } else {
        const uint64_t glyph_at = range_offset_at + uint64_t{range_offset} + 2 * uint64_t{c - start_code};
        if (!cmap.Has(glyph_at, 2)) continue;  // points outside the table: unmapped, like FreeType
        glyph = cmap.U16(glyph_at);
        if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
      }
      if (glyph < num_glyphs) (*glyphs)[c] = static_cast<uint16_t>(glyph);
    }
  }
  return true;
}

}  // namespace

bool FontMetrics::Parse(std::string_view font_bytes, FontMetrics* out, std::string* error) {
  const Bytes font(font_bytes);
  if (!font.Has(0, 12)) return Fail(error, "font: too short for an sfnt header");
  const uint32_t version = font.U32(0);
  if (version == Tag("ttcf")) return Fail(error, "font: font collections (.ttc) are not supported");
  if (version != 0x00010000 && version != Tag("true") && version != Tag("OTTO")) {
    return Fail(error, "font: not a TrueType/OpenType font (sfnt version " + Hex(version) + ")");
  }
  const uint32_t num_tables = font.U16(4);
  if (!font.Has(12, 16 * uint64_t{num_tables})) {
    return Fail(error, "font: table directory truncated (" + std::to_string(num_tables) +
                           " tables, " + std::to_string(font.size()) + " bytes)");
  }

  enum { kHead, kHhea, kHmtx, kMaxp, kCmap, kOs2, kTableCount };
  static constexpr std::array<uint32_t, kTableCount> kTags = {
      Tag("head"), Tag("hhea"), Tag("hmtx"), Tag("maxp"), Tag("cmap"), Tag("OS/2")};
  std::array<Bytes, kTableCount> tables;
  std::array<bool, kTableCount> found{};
  for (uint32_t i = 0; i < num_tables; ++i) {
    const size_t record = 12 + 16 * size_t{i};
    const uint32_t tag = font.U32(record);
    const uint32_t offset = font.U32(record + 8);
    const uint32_t length = font.U32(record + 12);
    // Checked for every table, read or not: libharu copies the others into the PDF.
    if (!font.Has(offset, length)) {
      return Fail(error, "font: table '" + TagName(tag) + "' (offset " + std::to_string(offset) +
                             ", length " + std::to_string(length) + ") extends past the end (" +
                             std::to_string(font.size()) + " bytes)");
    }
    const auto which = std::find(kTags.begin(), kTags.end(), tag);
    if (which == kTags.end()) continue;
    const size_t index = static_cast<size_t>(which - kTags.begin());
    if (found[index]) continue;  // duplicate tag: the first one counts
    tables[index] = font.Sub(offset, length);
    found[index] = true;
  }
  for (size_t t : {kHead, kHhea, kHmtx, kMaxp, kCmap}) {
    if (!found[t]) return Fail(error, "font: no '" + TagName(kTags[t]) + "' table");
  }

  FontMetrics m;

  // head
  const Bytes head = tables[kHead];
  if (!head.Has(0, 54)) return Fail(error, "head: truncated");
  if (head.U32(12) != 0x5F0F3CF5) return Fail(error, "head: bad magic number " + Hex(head.U32(12)));
  const uint32_t upem = head.U16(18);
  if (upem < 16 || upem > 16384) return Fail(error, "head: unitsPerEm " + std::to_string(upem));
  m.units_per_em_ = static_cast<int>(upem);
  const auto to_thousandths = [upem](int value) { return value * 1000.0 / upem; };

  // maxp
  const Bytes maxp = tables[kMaxp];
  if (!maxp.Has(0, 6)) return Fail(error, "maxp: truncated");
  const uint32_t num_glyphs = maxp.U16(4);
  if (num_glyphs == 0) return Fail(error, "maxp: numGlyphs is 0");

  // hhea
  const Bytes hhea = tables[kHhea];
  if (!hhea.Has(0, 36)) return Fail(error, "hhea: truncated");
  int ascender = hhea.S16(4);
  int descender = hhea.S16(6);
  int line_gap = hhea.S16(8);
  const uint32_t num_h_metrics = hhea.U16(34);
  if (num_h_metrics == 0 || num_h_metrics > num_glyphs) {
    return Fail(error, "hhea: numberOfHMetrics " + std::to_string(num_h_metrics) + " (numGlyphs " +
                           std::to_string(num_glyphs) + ")");
  }

  // hmtx: advances in 1/1000 em truncated to integers, exactly as libharu computes /W.
  const Bytes hmtx = tables[kHmtx];
  if (!hmtx.Has(0, 4 * uint64_t{num_h_metrics})) {
    return Fail(error, "hmtx: truncated (" + std::to_string(num_h_metrics) + " metrics, " +
                           std::to_string(hmtx.size()) + " bytes)");
  }
  m.glyph_advance_.resize(num_glyphs);
  for (uint32_t g = 0; g < num_glyphs; ++g) {
    const uint32_t advance = hmtx.U16(4 * size_t{std::min(g, num_h_metrics - 1)});
    m.glyph_advance_[g] = static_cast<uint16_t>(std::min<uint32_t>(advance * 1000 / upem, 0xFFFF));
  }
  m.notdef_advance_ = m.glyph_advance_[0];

  // OS/2 (optional here, though libharu needs it): typo metrics, cap height.
  m.cap_height_ = 700;
  if (found[kOs2]) {
    const Bytes os2 = tables[kOs2];
    if (!os2.Has(0, 78)) return Fail(error, "OS/2: truncated");
    const uint32_t os2_version = os2.U16(0);
    if (ascender == 0 && descender == 0) {
      ascender = os2.S16(68);
      descender = os2.S16(70);
      line_gap = os2.S16(72);
    }
    if (os2_version >= 2) {
      if (!os2.Has(0, 96)) return Fail(error, "OS/2: version " + std::to_string(os2_version) + " truncated");
      const int cap_height = os2.S16(88);
      if (cap_height > 0) m.cap_height_ = to_thousandths(cap_height);
    }
  }
  if (descender > 0) descender = -descender;  // some fonts store it positive; libharu flips it too
  m.ascent_ = to_thousandths(ascender);
  m.descent_ = to_thousandths(descender);
  m.line_gap_ = to_thousandths(line_gap);

  // cmap: pick a Unicode format-4 subtable ((3,1) over (0,*)) and a format-12 one if present.
  const Bytes cmap = tables[kCmap];
  if (!cmap.Has(0, 4)) return Fail(error, "cmap: truncated");
  if (cmap.U16(0) != 0) return Fail(error, "cmap: version " + std::to_string(cmap.U16(0)));
  const uint32_t num_subtables = cmap.U16(2);
  if (!cmap.Has(4, 8 * uint64_t{num_subtables})) return Fail(error, "cmap: encoding records truncated");
  int64_t format4_at = -1;
  int format4_rank = 0;  // 2 = (3,1), 1 = (0,*)
  int64_t format12_at = -1;
  for (uint32_t i = 0; i < num_subtables; ++i) {
    const size_t record = 4 + 8 * size_t{i};
    const uint32_t platform = cmap.U16(record);
    const uint32_t encoding = cmap.U16(record + 2);
    const uint32_t offset = cmap.U32(record + 4);
    const bool unicode = (platform == 3 && (encoding == 1 || encoding == 10)) ||
                         (platform == 0 && encoding <= 4);
    if (!unicode) continue;
    if (!cmap.Has(offset, 2)) {
      return Fail(error, "cmap: subtable (" + std::to_string(platform) + "," + std::to_string(encoding) +
                             ") at offset " + std::to_string(offset) + " outside the table");
    }
    const uint32_t format = cmap.U16(offset);
    if (format == 4) {
      const int rank = platform == 3 ? 2 : 1;
      if (rank > format4_rank) {
        format4_rank = rank;
        format4_at = offset;
      }
    } else if (format == 12 && format12_at < 0) {
      format12_at = offset;
    }
  }
  if (format4_at < 0 && format12_at < 0) {
    return Fail(error, "cmap: no Unicode subtable of format 4 or 12");
  }

  std::vector<uint16_t> bmp_glyph(kBmpSize, 0);
  if (format4_at >= 0 &&
      !ParseCmapFormat4(cmap, static_cast<size_t>(format4_at), num_glyphs, &bmp_glyph, error)) {
    return false;
  }
  if (format12_at >= 0) {
    const size_t at = static_cast<size_t>(format12_at);
    if (!cmap.Has(at, 16)) return Fail(error, "cmap: format 12 subtable truncated");
    const uint32_t num_groups = cmap.U32(at + 12);
    if (!cmap.Has(at + 16, 12 * uint64_t{num_groups})) {
      return Fail(error, "cmap: format 12 groups truncated (" + std::to_string(num_groups) + " groups)");
    }
    uint64_t next_free = 0;
    for (uint32_t i = 0; i < num_groups; ++i) {
      const size_t group = at + 16 + 12 * size_t{i};
      const uint32_t first = cmap.U32(group);
      const uint32_t last = cmap.U32(group + 4);
      const uint32_t first_glyph = cmap.U32(group + 8);
      if (first > last || last > 0x10FFFF || first < next_free) {
        return Fail(error, "cmap: format 12 group " + std::to_string(i) + " (" + Hex(first) + ".." +
                               Hex(last) + ") out of order or out of range");
      }
      next_free = uint64_t{last} + 1;
      // BMP part: fills only what the format-4 subtable left unmapped (libharu reads format 4).
      for (uint32_t c = first; c <= last && c < kBmpSize; ++c) {
        const uint64_t glyph = uint64_t{first_glyph} + (c - first);
        if (glyph < num_glyphs && bmp_glyph[c] == 0) bmp_glyph[c] = static_cast<uint16_t>(glyph);
      }
      if (last >= kBmpSize) {
        const uint32_t from = std::max(first, kBmpSize);
        const uint64_t from_glyph = uint64_t{first_glyph} + (from - first);
        if (from_glyph < num_glyphs) {
          m.supplementary_.push_back(Group{from, last, static_cast<uint32_t>(from_glyph)});
        }
      }
    }
  }

  m.bmp_advance_.resize(kBmpSize);
  m.bmp_mapped_.assign(kBmpSize / 64, 0);
  for (uint32_t c = 0; c < kBmpSize; ++c) {
    const uint16_t glyph = bmp_glyph[c];
    m.bmp_advance_[c] = m.glyph_advance_[glyph];  // glyph 0 is .notdef
    if (glyph != 0) m.bmp_mapped_[c >> 6] |= uint64_t{1} << (c & 63);
  }

  *out = std::move(m);
  return true;
}

uint32_t FontMetrics::SupplementaryGlyph(char32_t codepoint) const {
  auto it = std::upper_bound(supplementary_.begin(), supplementary_.end(), codepoint,
                             [](char32_t c, const Group& g) { return c < g.first; });
  if (it == supplementary_.begin()) return 0;
  --it;
  if (codepoint > it->last) return 0;
  const uint64_t glyph = uint64_t{it->first_glyph} + (codepoint - it->first);
  return glyph < glyph_advance_.size() ? static_cast<uint32_t>(glyph) : 0;
}

uint32_t FontMetrics::AdvanceUnits(char32_t codepoint) const {
  if (codepoint < kBmpSize) return bmp_advance_.empty() ? 0 : bmp_advance_[codepoint];
  return GlyphAdvance(SupplementaryGlyph(codepoint));
}

bool FontMetrics::HasGlyph(char32_t codepoint) const {
  if (codepoint < kBmpSize) {
    return !bmp_mapped_.empty() && ((bmp_mapped_[codepoint >> 6] >> (codepoint & 63)) & 1) != 0;
  }
  return SupplementaryGlyph(codepoint) != 0;
}

double FontMetrics::Advance(char32_t codepoint) const { return AdvanceUnits(codepoint); }

double FontMetrics::Width(std::string_view utf8, double font_size) const {
  if (bmp_advance_.empty()) return 0;
  const uint16_t* advance = bmp_advance_.data();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  uint64_t sum = 0;
  while (p < end) {
    if (*p < 0x80) {
      sum += advance[*p++];
      continue;
    }
    const char32_t cp = DecodeMultibyte(p, end);
    sum += cp < kBmpSize ? advance[cp] : GlyphAdvance(SupplementaryGlyph(cp));
  }
  return static_cast<double>(sum) * font_size / 1000.0;
}

}  // namespace stdok
