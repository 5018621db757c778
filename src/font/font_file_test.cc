#include "font/font_file.h"


#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace stdok {
namespace {

std::shared_ptr<const FontFile> Regular() {
  static std::shared_ptr<const FontFile> font = [] {
    std::ifstream in(STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string error;
    auto f = FontFile::Parse(s.str(), &error);
    EXPECT_TRUE(f) << error;
    return f;
  }();
  return font;
}

uint32_t U16(const std::string& b, size_t at) {
  return (static_cast<uint8_t>(b[at]) << 8) | static_cast<uint8_t>(b[at + 1]);
}
uint32_t U32(const std::string& b, size_t at) { return (U16(b, at) << 16) | U16(b, at + 2); }

std::map<std::string, std::string> Tables(const std::string& font) {
  std::map<std::string, std::string> tables;
  for (uint32_t i = 0, n = U16(font, 4); i < n; ++i) {
    size_t rec = 12 + 16 * i;
    tables[font.substr(rec, 4)] = font.substr(U32(font, rec + 8), U32(font, rec + 12));
  }
  return tables;
}

TEST(FontFile, ParsesMetricsAndCmap) {
  auto font = Regular();
  ASSERT_TRUE(font);
  EXPECT_EQ(font->postscript_name(), "LiberationSans");
  EXPECT_NE(font->GlyphFor(U'Ț'), 0);
  EXPECT_NE(font->GlyphFor(U'ễ'), 0);
  EXPECT_EQ(font->GlyphFor(U'Ж'), 0);
  EXPECT_EQ(font->Width(font->GlyphFor(U'Å')), 666);  // 1366 * 1000 / 2048, truncated
  EXPECT_EQ(font->metrics().ascent, 905);
  EXPECT_EQ(font->metrics().cap_height, 687);
}

TEST(FontFile, SubsetHoldsTheGlyphsTheirComponentsAndASymbolicCmap) {
  auto font = Regular();
  ASSERT_TRUE(font);
  // Å = A + ring, å = a + ring: five glyphs besides .notdef.
  std::string subset = font->Subset({font->GlyphFor(U'Å'), font->GlyphFor(U'å')}, 32);
  ASSERT_FALSE(subset.empty());
  auto t = Tables(subset);
  for (const char* tag : {"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name"})
    EXPECT_TRUE(t.count(tag)) << tag;
  EXPECT_EQ(t.size(), 8u) << "no OS/2, post or hinting tables";
  const uint32_t glyphs = U16(t["maxp"], 4);
  EXPECT_EQ(glyphs, 6u);
  EXPECT_EQ(U16(t["hhea"], 34), glyphs);
  EXPECT_EQ(t["hmtx"].size(), 4 * glyphs);
  // Whole-file checksum, with head.checkSumAdjustment, is the magic number.
  uint32_t sum = 0;
  for (size_t i = 0; i + 4 <= subset.size(); i += 4) sum += U32(subset, i);
  EXPECT_EQ(sum, 0xB1B0AFBAu);
  // One cmap subtable, (3,0) format 4: 0xF020 -> glyph 1 (Å), 0xF021 -> glyph 2 (å), as a
  // delta: code + idDelta = glyph, modulo 65536.
  const std::string& cmap = t["cmap"];
  ASSERT_EQ(U16(cmap, 2), 1u);
  EXPECT_EQ(U16(cmap, 4), 3u);
  EXPECT_EQ(U16(cmap, 6), 0u);
  size_t sub = U32(cmap, 8);
  EXPECT_EQ(U16(cmap, sub), 4u);
  EXPECT_EQ(U16(cmap, sub + 2), 32u);                       // length: no glyphIdArray
  EXPECT_EQ(cmap.size(), sub + 32);
  EXPECT_EQ(U16(cmap, sub + 14), 0xF021u);                  // endCode[0]
  EXPECT_EQ(U16(cmap, sub + 20), 0xF020u);                  // startCode[0]
  EXPECT_EQ((0xF020u + U16(cmap, sub + 24)) & 0xFFFF, 1u);  // idDelta[0]
  EXPECT_EQ(U16(cmap, sub + 28), 0u);                       // idRangeOffset[0]
  // A character without a glyph (.notdef) breaks the order: glyph ids from an array.
  auto t2 = Tables(font->Subset({font->GlyphFor(U'Å'), 0, font->GlyphFor(U'å')}, 32));
  const std::string& cmap2 = t2["cmap"];
  sub = U32(cmap2, 8);
  EXPECT_EQ(U16(cmap2, sub + 2), 38u);
  EXPECT_EQ(U16(cmap2, sub + 14), 0xF022u);                 // endCode[0]
  EXPECT_EQ(U16(cmap2, sub + 24), 0u);                      // idDelta[0]
  EXPECT_EQ(U16(cmap2, sub + 28), 4u);                      // idRangeOffset[0]: to glyphIdArray
  EXPECT_EQ(U16(cmap2, sub + 32), 1u);                      // glyphIdArray
  EXPECT_EQ(U16(cmap2, sub + 34), 0u);
  EXPECT_EQ(U16(cmap2, sub + 36), 2u);
  // Composite glyphs refer only to glyphs inside the subset; .notdef is empty.
  const std::string& loca = t["loca"];
  const std::string& glyf = t["glyf"];
  ASSERT_EQ(U16(t["head"], 50), 0u);  // short offsets
  EXPECT_EQ(U16(loca, 0), U16(loca, 2));
  for (uint32_t g = 1; g <= 2; ++g) {
    size_t at = 2 * U16(loca, 2 * g);
    ASSERT_EQ(static_cast<int16_t>(U16(glyf, at)), -1) << "composite";
    for (size_t c = at + 10;;) {
      uint32_t flags = U16(glyf, c), component = U16(glyf, c + 2);
      EXPECT_GT(component, 0u);
      EXPECT_LT(component, glyphs);
      if (!(flags & 0x20)) break;  // MORE_COMPONENTS
      c += 4 + ((flags & 0x01) ? 4 : 2);  // arguments: words or bytes
      c += (flags & 0x08) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;  // scale
    }
  }
}

TEST(FontFile, RejectsWhatIsNotAFont) {
  std::string error;
  EXPECT_FALSE(FontFile::Parse("not a font at all", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(FontFile::Parse(std::string(12, '\0'), &error));
  std::string truncated(12, '\0');
  truncated[1] = 1;  // 0x00010000
  truncated[5] = 9;  // nine tables, none there
  EXPECT_FALSE(FontFile::Parse(truncated, &error));
}

// --- Hand-built fonts: the parser's defences against a hostile font given with --fonts. ---

void Add16(std::string* s, uint32_t v) {
  s->push_back(static_cast<char>((v >> 8) & 0xFF));
  s->push_back(static_cast<char>(v & 0xFF));
}
void Add32(std::string* s, uint32_t v) {
  Add16(s, v >> 16);
  Add16(s, v & 0xFFFF);
}

// A simple glyph: one triangle.
std::string Triangle() {
  std::string g;
  for (uint32_t v : {1u, 0u, 0u, 500u, 700u}) Add16(&g, v);  // contours, bbox
  Add16(&g, 2);                                             // endPtsOfContours[0]
  Add16(&g, 0);                                             // no instructions
  g += std::string(3, '\x01');                              // on curve, x and y as words
  for (uint32_t x : {0u, 500u, static_cast<uint32_t>(-250 & 0xFFFF)}) Add16(&g, x);  // deltas
  for (uint32_t y : {0u, 0u, 700u}) Add16(&g, y);
  return g;
}

// A composite glyph of `components`; MORE_COMPONENTS on every one but the last unless
// `truncated` (then the last record claims another follows).
std::string Composite(const std::vector<uint32_t>& components, bool truncated = false) {
  std::string g;
  for (uint32_t v : {0xFFFFu, 0u, 0u, 500u, 700u}) Add16(&g, v);
  for (size_t i = 0; i < components.size(); ++i) {
    bool more = truncated || i + 1 < components.size();
    Add16(&g, 0x0002 | (more ? 0x0020 : 0));  // ARGS_ARE_XY_VALUES, byte arguments
    Add16(&g, components[i]);
    Add16(&g, 0);  // dx, dy
  }
  return g;
}

// A format-4 cmap (3,1) of single-code segments.
std::string Format4Cmap(const std::vector<std::pair<uint16_t, uint16_t>>& code_glyph) {
  std::string ends, starts, deltas, ranges;
  for (auto [code, glyph] : code_glyph) {
    Add16(&ends, code);
    Add16(&starts, code);
    Add16(&deltas, (glyph - code) & 0xFFFF);
    Add16(&ranges, 0);
  }
  Add16(&ends, 0xFFFF);
  Add16(&starts, 0xFFFF);
  Add16(&deltas, 1);
  Add16(&ranges, 0);
  uint32_t seg_x2 = 2 * static_cast<uint32_t>(code_glyph.size() + 1);
  std::string sub;
  for (uint32_t v : {4u, 16 + 4 * seg_x2, 0u, seg_x2, 2u, 0u, seg_x2 - 2}) Add16(&sub, v);
  sub += ends;
  Add16(&sub, 0);
  sub += starts + deltas + ranges;
  std::string cmap;
  for (uint32_t v : {0u, 1u, 3u, 1u}) Add16(&cmap, v);
  Add32(&cmap, 12);
  return cmap + sub;
}

struct TestFont {
  std::vector<std::string> glyphs = {"", Triangle(), Composite({1})};  // .notdef, A, B = A
  std::string cmap = Format4Cmap({{'A', 1}, {'B', 2}});
  std::string name;  // none unless set
};

// The sfnt of `f`: 1000 units per em, short loca, checksums right.
std::string Build(const TestFont& f) {
  const uint32_t n = static_cast<uint32_t>(f.glyphs.size());
  std::string head(54, '\0'), hhea(36, '\0'), maxp, hmtx, loca, glyf;
  head[1] = 1;                          // version 1.0
  head.replace(12, 4, "\x5F\x0F\x3C\xF5");
  head[18] = 0x03, head[19] = '\xE8';  // unitsPerEm 1000
  hhea[1] = 1;
  hhea[34] = static_cast<char>(n >> 8), hhea[35] = static_cast<char>(n & 0xFF);
  Add32(&maxp, 0x00005000);
  Add16(&maxp, n);
  for (uint32_t g = 0; g < n; ++g) {
    Add16(&hmtx, 500 + 10 * g);
    Add16(&hmtx, 0);
    Add16(&loca, static_cast<uint32_t>(glyf.size() / 2));
    glyf += f.glyphs[g];
    if (glyf.size() % 2) glyf.push_back('\0');
  }
  Add16(&loca, static_cast<uint32_t>(glyf.size() / 2));
  std::map<std::string, std::string> tables = {{"cmap", f.cmap}, {"glyf", glyf}, {"head", head}, {"hhea", hhea},
                                                {"hmtx", hmtx},   {"loca", loca}, {"maxp", maxp}};
  if (!f.name.empty()) tables["name"] = f.name;
  std::string out, data;
  Add32(&out, 0x00010000);
  Add16(&out, static_cast<uint32_t>(tables.size()));
  for (uint32_t v : {0u, 0u, 0u}) Add16(&out, v);  // binary search fields: unused
  uint32_t offset = 12 + 16 * static_cast<uint32_t>(tables.size());
  for (const auto& [tag, bytes] : tables) {
    std::string padded = bytes + std::string((4 - bytes.size() % 4) % 4, '\0');
    uint32_t sum = 0;
    for (size_t i = 0; i < padded.size(); i += 4) sum += U32(padded, i);
    out += tag;
    Add32(&out, sum);
    Add32(&out, offset + static_cast<uint32_t>(data.size()));
    Add32(&out, static_cast<uint32_t>(bytes.size()));
    data += padded;
  }
  return out + data;
}

std::string ParseError(const TestFont& f) {
  std::string error;
  auto font = FontFile::Parse(Build(f), &error);
  return font ? "(accepted)" : error;
}

TEST(FontFile, HandBuiltFontSubsetsWithItsComponent) {
  std::string error;
  auto font = FontFile::Parse(Build(TestFont()), &error);
  ASSERT_TRUE(font) << error;
  EXPECT_EQ(font->GlyphFor(U'B'), 2);
  EXPECT_EQ(font->Width(2), 520);
  auto t = Tables(font->Subset({font->GlyphFor(U'B')}, 32));
  ASSERT_EQ(U16(t["maxp"], 4), 3u);  // .notdef, B, then its component A
  size_t b = 2 * U16(t["loca"], 2);
  EXPECT_EQ(U16(t["glyf"], b + 12), 2u) << "the component renumbered";
}

// A composite glyph naming a glyph id past maxp.numGlyphs used to index the subsetter's
// renumbering table out of bounds (new_id[500] of 3): the font is refused when it is read.
TEST(FontFile, RejectsACompositeWhoseComponentIsNotAGlyph) {
  TestFont f;
  f.glyphs[2] = Composite({1, 500});
  std::string error = ParseError(f);
  EXPECT_NE(error.find("glyph 2"), std::string::npos) << error;
  EXPECT_NE(error.find("component 500"), std::string::npos) << error;
  EXPECT_NE(error.find("3 glyphs"), std::string::npos) << error;
}

TEST(FontFile, RejectsCompositesThatLoopOrNestTooDeep) {
  TestFont self;
  self.glyphs[2] = Composite({2});
  EXPECT_NE(ParseError(self).find("glyph 2: composite refers to itself"), std::string::npos) << ParseError(self);
  TestFont loop;
  loop.glyphs = {"", Composite({2}), Composite({3}), Composite({1})};
  EXPECT_NE(ParseError(loop).find("refers to itself"), std::string::npos) << ParseError(loop);
  auto chain = [](uint32_t levels) {  // glyph g is a composite of g + 1; the last is the triangle
    TestFont f;
    f.glyphs = {""};
    for (uint32_t g = 1; g <= levels; ++g) f.glyphs.push_back(Composite({g + 1}));
    f.glyphs.push_back(Triangle());
    return f;
  };
  EXPECT_NE(ParseError(chain(30)).find("glyph 1: composite nested deeper than 8"), std::string::npos)
      << ParseError(chain(30));
  EXPECT_EQ(ParseError(chain(8)), "(accepted)");
}

TEST(FontFile, RejectsATruncatedComposite) {
  TestFont f;
  f.glyphs[2] = Composite({1}, /*truncated=*/true);
  EXPECT_NE(ParseError(f).find("glyph 2: composite truncated"), std::string::npos) << ParseError(f);
}

// Overlapping cmap ranges: each made the parser walk the whole BMP again (a 64 KiB font could
// cost billions of steps); the spec requires them sorted, as the format-12 reader checks too.
TEST(FontFile, RejectsCmapRangesOutOfOrder) {
  TestFont f4;
  f4.cmap = Format4Cmap({{'B', 2}, {'A', 1}});
  EXPECT_NE(ParseError(f4).find("cmap: format 4 segments not sorted"), std::string::npos) << ParseError(f4);
  TestFont f12;
  f12.cmap.clear();
  for (uint32_t v : {0u, 1u, 3u, 10u}) Add16(&f12.cmap, v);
  Add32(&f12.cmap, 12);
  for (uint32_t v : {12u, 0u}) Add16(&f12.cmap, v);
  for (uint32_t v : {16u + 3 * 12, 0u, 3u, 0u, 0xFFFFu, 0u, 0x41u, 0x42u, 1u, 0x100u, 0x10FFFFu, 0u}) Add32(&f12.cmap, v);
  EXPECT_NE(ParseError(f12).find("cmap: format 12 group 1"), std::string::npos) << ParseError(f12);
}

// A format-4 segment that starts inside the previous one is read from its own start on: its
// glyph array is indexed from the segment's start code, not from the first code still free.
TEST(FontFile, OverlappingFormat4SegmentIndexesItsGlyphArrayFromItsStart) {
  TestFont f;
  f.glyphs.push_back(Triangle());  // glyph 3
  std::string sub;
  for (uint32_t v : {4u, 16u + 4 * 6 + 6, 0u, 6u, 4u, 1u, 2u}) Add16(&sub, v);
  for (uint32_t v : {0x43u, 0x44u, 0xFFFFu, 0u}) Add16(&sub, v);        // endCode, reservedPad
  for (uint32_t v : {0x41u, 0x42u, 0xFFFFu}) Add16(&sub, v);             // startCode: 0x42 overlaps
  for (uint32_t v : {(1u - 0x41u) & 0xFFFF, 0u, 1u}) Add16(&sub, v);     // idDelta
  for (uint32_t v : {0u, 4u, 0u}) Add16(&sub, v);                        // idRangeOffset
  for (uint32_t v : {1u, 1u, 2u}) Add16(&sub, v);                        // glyphIdArray: 0x42-0x44
  f.cmap.clear();
  for (uint32_t v : {0u, 1u, 3u, 1u}) Add16(&f.cmap, v);
  Add32(&f.cmap, 12);
  f.cmap += sub;
  std::string bytes = Build(f), error;
  auto font = FontFile::Parse(bytes, &error);
  ASSERT_TRUE(font) << error;
  EXPECT_EQ(font->GlyphFor(U'A'), 1);
  EXPECT_EQ(font->GlyphFor(U'C'), 3);  // from the first segment
  EXPECT_EQ(font->GlyphFor(U'D'), 2);  // glyphIdArray[2], not [0]
  EXPECT_EQ(font->Advance(U'C'), 530);  // what layout measures is the drawn glyph's
  EXPECT_EQ(font->Advance(U'D'), 520);
}

// A hinted font (Debian's fonts-dejavu-core, scripts/install-deps.sh) keeps its hinting tables:
// the glyphs keep their instructions, which call the functions of fpgm and read cvt.
TEST(FontFile, HintedFontKeepsItsHintingTables) {
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << path << " is absent (apt-get install fonts-dejavu-core)";
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string error;
  auto font = FontFile::Parse(bytes.str(), &error);
  ASSERT_TRUE(font) << error;
  auto source = Tables(bytes.str());
  auto t = Tables(font->Subset({font->GlyphFor(U'Å'), font->GlyphFor(U'ễ'), font->GlyphFor(U'Ł')}, 32));
  for (const char* tag : {"cvt ", "fpgm", "prep"}) {
    ASSERT_TRUE(source.count(tag)) << tag << ": DejaVu Sans is hinted";
    EXPECT_TRUE(t.count(tag) && t[tag] == source[tag]) << tag << " not kept as it is";
  }
  EXPECT_EQ(t["maxp"].substr(6), source["maxp"].substr(6)) << "maxp's limits of the instructions";
}

// The subset's name table has 16-bit counts and offsets: a font with thousands of name records
// must not make them wrap.
TEST(FontFile, SubsetNameTableStaysWithinSixteenBits) {
  TestFont f;
  const uint32_t records = 6000;
  for (uint32_t v : {0u, records, 6 + 12 * records}) Add16(&f.name, v);
  for (uint32_t i = 0; i < records; ++i)
    for (uint32_t v : {3u, 1u, 0x409u, 1u, 2u, 0u}) Add16(&f.name, v);  // family "A"
  f.name += std::string("\0A", 2);
  std::string error;
  auto font = FontFile::Parse(Build(f), &error);
  ASSERT_TRUE(font) << error;
  std::string name = Tables(font->Subset({1}, 32))["name"];
  ASSERT_GE(name.size(), 6u);
  const uint32_t count = U16(name, 2), storage = U16(name, 4);
  EXPECT_EQ(storage, 6 + 12 * count);
  ASSERT_LE(storage, name.size());
  for (uint32_t i = 0; i < count; ++i)
    EXPECT_LE(storage + U16(name, 6 + 12 * i + 10) + U16(name, 6 + 12 * i + 8), name.size()) << i;
}

}  // namespace
}  // namespace stdok
