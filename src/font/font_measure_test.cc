#include "font/font_file.h"


#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace stdok {
namespace {

const std::string kRegularPath = std::string(STDOK_SOURCE_DIR) + "/fonts/LiberationSans-Regular.ttf";
const std::string kBoldPath = std::string(STDOK_SOURCE_DIR) + "/fonts/LiberationSans-Bold.ttf";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const FontFile& Load(const std::string& path) {
  static std::map<std::string, std::shared_ptr<const FontFile>> fonts;
  auto& font = fonts[path];
  if (!font) {
    std::string error;
    font = FontFile::Parse(ReadFile(path), &error);
    EXPECT_TRUE(font) << path << ": " << error;
  }
  return *font;
}
const FontFile& Regular() { return Load(kRegularPath); }
const FontFile& Bold() { return Load(kBoldPath); }

std::string U(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// --- Big-endian helpers for building and corrupting font bytes. ---

uint32_t Get16(const std::string& s, size_t at) {
  return (static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]);
}
uint32_t Get32(const std::string& s, size_t at) { return (Get16(s, at) << 16) | Get16(s, at + 2); }

// Offset of the table directory record of `tag` (0 if absent).
size_t RecordOf(const std::string& font, const char* tag) {
  const uint32_t n = Get16(font, 4);
  for (uint32_t i = 0; i < n; ++i) {
    if (font.compare(12 + 16 * i, 4, tag) == 0) return 12 + 16 * i;
  }
  return 0;
}


// --- Liberation Sans ---

TEST(FontMeasure, LiberationSansMetrics) {
  const FontFile::Metrics& m = Regular().metrics();
  EXPECT_EQ(m.ascent, 1854 * 1000 / 2048);    // hhea ascender, 905
  EXPECT_EQ(m.descent, -434 * 1000 / 2048);   // -211
  EXPECT_EQ(m.cap_height, 1409 * 1000 / 2048);  // OS/2 sCapHeight, 687
  EXPECT_EQ(m.x_height, 1082 * 1000 / 2048);    // OS/2 sxHeight, 528
}

TEST(FontMeasure, AdvancesAreTruncatedThousandths) {
  // 'A' is 1366/2048 em = 666.99/1000; the PDF's /Widths say 666, and layout measures 666.
  EXPECT_EQ(Regular().Advance('A'), 666);
  EXPECT_EQ(Bold().Advance('A'), 722);  // 1479/2048
  EXPECT_EQ(Regular().Advance(' '), 277);
  EXPECT_EQ(Regular().Advance(U'Ö'), 777);
  EXPECT_EQ(Bold().Advance('b'), 610);
  EXPECT_EQ(Regular().Advance(U'–'), 556);
  EXPECT_EQ(Regular().Advance(0x0301), 0);  // combining acute: placed on its base
  for (char32_t c = 0; c < 0x10000; c += 7)
    EXPECT_EQ(Regular().Advance(c), Regular().Width(Regular().GlyphFor(c))) << U(c);
}

TEST(FontMeasure, CoversNamesOfForeignTrainedDoctors) {
  for (const FontFile* m : {&Regular(), &Bold()}) {
    for (char32_t c : {U'Ł', U'ș', U'Ș', U'ț', U'Ț', U'ễ', U'Đ', U'đ', U'Å', U'Ä', U'Ö', U'ő', U'ğ',
                       U'ı', U'Ə', U'€', U'–', U'™', U'\u00A0', U'\u0301', U'□'}) {
      EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    }
    // Every character of Windows-1252.
    for (char32_t c = 0x20; c < 0x7F; ++c) EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    for (char32_t c = 0xA0; c <= 0xFF; ++c) EXPECT_TRUE(m->HasGlyph(c)) << U(c);
  }
}

TEST(FontMeasure, MissingCodePointsUseNotdef) {
  const FontFile& m = Regular();
  for (char32_t c : std::u32string{0x4E2D, 0x0416 /* Ж */, 0x2610, 0xFFFD, 0x1F600, 0x10FFFF, 0x110000,
                                   0xFFFFFFFF}) {
    EXPECT_FALSE(m.HasGlyph(c)) << U(c);
    EXPECT_EQ(m.Advance(c), 750) << U(c);  // .notdef: 1536/2048
  }
  EXPECT_FALSE(m.HasGlyph(0));
  EXPECT_FALSE(m.HasGlyph('\n'));
}

TEST(FontMeasure, WidthSumsAdvancesTimesSize) {
  const FontFile& m = Regular();
  EXPECT_EQ(m.Width("", 11), 0);
  // Å s a space Ö b e r g = 666+500+556+277+777+556+556+333+556
  EXPECT_DOUBLE_EQ(m.Width("Åsa Öberg", 11), 4777 * 11 / 1000.0);
  EXPECT_DOUBLE_EQ(m.Width("Åsa Öberg", 1000), 4777);
  EXPECT_DOUBLE_EQ(Bold().Width("Åsa Öberg", 10), (722 + 556 + 556 + 277 + 777 + 610 + 556 + 389 + 610) / 100.0);
  double sum = 0;
  for (char32_t c : std::u32string(U"Nguyễn Thị Hồng n\u0308")) sum += m.Advance(c);
  EXPECT_DOUBLE_EQ(m.Width("Nguyễn Thị Hồng n\u0308", 12), sum * 12 / 1000);
  EXPECT_DOUBLE_EQ(m.Width("n\u0308", 1000), m.Width("n", 1000));  // the mark adds nothing
}

TEST(FontMeasure, WidthDecodesInvalidUtf8AsReplacementCharacters) {
  const FontFile& m = Regular();
  const double a = m.Advance('a');
  const double bad = m.Advance(0xFFFD);  // .notdef in this font
  auto units = [&m](std::string_view s) { return m.Width(s, 1000); };
  EXPECT_DOUBLE_EQ(units("a\xFF"), a + bad);
  EXPECT_DOUBLE_EQ(units("\xC3"), bad);                    // truncated at end
  EXPECT_DOUBLE_EQ(units("\xE2\x82" "a"), bad + a);        // one U+FFFD for the maximal subpart
  EXPECT_DOUBLE_EQ(units("\xF0\x9F\x98" "a"), bad + a);
  EXPECT_DOUBLE_EQ(units("\xC0\xAF"), 2 * bad);            // overlong: each byte
  EXPECT_DOUBLE_EQ(units("\xED\xA0\x80"), 3 * bad);        // surrogate
  EXPECT_DOUBLE_EQ(units("\xF4\x90\x80\x80"), 4 * bad);    // above U+10FFFF
  EXPECT_DOUBLE_EQ(units("\x80\x80" "a"), 2 * bad + a);    // stray continuation bytes
  EXPECT_DOUBLE_EQ(units("\xF0\x9F\x98\x80"), bad);        // valid U+1F600, not in the font
  EXPECT_DOUBLE_EQ(units(std::string("a\0a", 3)), 2 * a + m.Advance(0));
}

void ExpectRejected(const std::string& bytes, const std::string& what) {
  std::string error;
  EXPECT_FALSE(FontFile::Parse(bytes, &error)) << what;
  EXPECT_FALSE(error.empty()) << what;
}

TEST(FontMeasure, RejectsTruncatedFonts) {
  const std::string font = ReadFile(kRegularPath);
  ASSERT_GT(font.size(), 10000u);
  for (size_t length = 0; length < 400; ++length) ExpectRejected(font.substr(0, length), "prefix of " + std::to_string(length));
  for (size_t length = 400; length < font.size(); length += 1499)
    ExpectRejected(font.substr(0, length), "prefix of " + std::to_string(length));
}

// Random corruption of the tables the parser reads: never a crash or an out-of-bounds read
// (run under -fsanitize=address), always either success or an error message.
TEST(FontMeasure, SurvivesRandomCorruption) {
  const std::string good = ReadFile(kRegularPath);
  std::vector<std::pair<size_t, size_t>> regions = {{0, 12 + 16 * Get16(good, 4)}};
  for (const char* tag : {"head", "hhea", "maxp", "cmap", "OS/2", "loca"}) {
    const size_t record = RecordOf(good, tag);
    ASSERT_NE(record, 0u) << tag;
    regions.emplace_back(Get32(good, record + 8), Get32(good, record + 12));
  }
  std::mt19937 rng(20240229);
  int accepted = 0;
  for (int round = 0; round < 600; ++round) {
    std::string bytes = good;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const auto& [start, length] = regions[rng() % regions.size()];
      const size_t at = start + rng() % length;
      bytes[at] = static_cast<char>(rng() % 3 == 0 ? 0xFF : rng() & 0xFF);
    }
    std::string error;
    if (auto font = FontFile::Parse(bytes, &error)) {
      ++accepted;
      (void)font->Width("Åsa Öberg \xF0\x9F\x98\x80", 10);
    } else {
      EXPECT_FALSE(error.empty());
    }
  }
  EXPECT_GT(accepted, 0);  // many bytes (names, reserved fields) do not matter
}

}  // namespace
}  // namespace stdok
