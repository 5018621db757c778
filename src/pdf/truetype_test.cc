#include "pdf/truetype.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace stdok {
namespace {

std::shared_ptr<const TrueTypeProgram> Regular() {
  static std::shared_ptr<const TrueTypeProgram> font = [] {
    std::ifstream in(STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string error;
    auto f = TrueTypeProgram::Parse(s.str(), &error);
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

TEST(TrueType, ParsesMetricsAndCmap) {
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

TEST(TrueType, SubsetHoldsTheGlyphsTheirComponentsAndASymbolicCmap) {
  auto font = Regular();
  ASSERT_TRUE(font);
  // Å = A + ring, å = a + ring: five glyphs besides .notdef.
  std::string subset = font->Subset({font->GlyphFor(U'Å'), font->GlyphFor(U'å')}, 32);
  ASSERT_FALSE(subset.empty());
  auto t = Tables(subset);
  for (const char* tag : {"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"})
    EXPECT_TRUE(t.count(tag)) << tag;
  EXPECT_FALSE(t.count("cvt ") || t.count("fpgm") || t.count("prep"));
  const uint32_t glyphs = U16(t["maxp"], 4);
  EXPECT_EQ(glyphs, 6u);
  EXPECT_EQ(U16(t["hhea"], 34), glyphs);
  EXPECT_EQ(t["hmtx"].size(), 4 * glyphs);
  // Whole-file checksum, with head.checkSumAdjustment, is the magic number.
  uint32_t sum = 0;
  for (size_t i = 0; i + 4 <= subset.size(); i += 4) sum += U32(subset, i);
  EXPECT_EQ(sum, 0xB1B0AFBAu);
  // One cmap subtable, (3,0) format 4: 0xF020 -> glyph 1 (Å), 0xF021 -> glyph 2 (å).
  const std::string& cmap = t["cmap"];
  ASSERT_EQ(U16(cmap, 2), 1u);
  EXPECT_EQ(U16(cmap, 4), 3u);
  EXPECT_EQ(U16(cmap, 6), 0u);
  size_t sub = U32(cmap, 8);
  EXPECT_EQ(U16(cmap, sub), 4u);
  EXPECT_EQ(U16(cmap, sub + 14), 0xF021u);                  // endCode[0]
  EXPECT_EQ(U16(cmap, sub + 20), 0xF020u);                  // startCode[0]
  EXPECT_EQ(U16(cmap, sub + 32), 1u);                       // glyphIdArray[0]
  EXPECT_EQ(U16(cmap, sub + 34), 2u);                       // glyphIdArray[1]
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

TEST(TrueType, RejectsWhatIsNotAFont) {
  std::string error;
  EXPECT_FALSE(TrueTypeProgram::Parse("not a font at all", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(TrueTypeProgram::Parse(std::string(12, '\0'), &error));
  std::string truncated(12, '\0');
  truncated[1] = 1;  // 0x00010000
  truncated[5] = 9;  // nine tables, none there
  EXPECT_FALSE(TrueTypeProgram::Parse(truncated, &error));
}

}  // namespace
}  // namespace stdok
