#include "layout/font_metrics.h"

#include <hpdf.h>

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

FontMetrics Load(const std::string& path) {
  const std::string bytes = ReadFile(path);
  EXPECT_FALSE(bytes.empty()) << path;
  FontMetrics metrics;
  std::string error;
  EXPECT_TRUE(FontMetrics::Parse(bytes, &metrics, &error)) << path << ": " << error;
  return metrics;
}

const FontMetrics& Regular() {
  static const FontMetrics metrics = Load(kRegularPath);
  return metrics;
}

const FontMetrics& Bold() {
  static const FontMetrics metrics = Load(kBoldPath);
  return metrics;
}

std::string U(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// --- Big-endian helpers for building and corrupting font bytes. ---

void Put16(std::string* s, uint32_t v) {
  s->push_back(static_cast<char>((v >> 8) & 0xFF));
  s->push_back(static_cast<char>(v & 0xFF));
}
void Put32(std::string* s, uint32_t v) {
  Put16(s, v >> 16);
  Put16(s, v & 0xFFFF);
}
void Set16(std::string* s, size_t at, uint32_t v) {
  (*s)[at] = static_cast<char>((v >> 8) & 0xFF);
  (*s)[at + 1] = static_cast<char>(v & 0xFF);
}
void Set32(std::string* s, size_t at, uint32_t v) {
  Set16(s, at, v >> 16);
  Set16(s, at + 2, v & 0xFFFF);
}
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
size_t TableOf(const std::string& font, const char* tag) {
  const size_t record = RecordOf(font, tag);
  return record ? Get32(font, record + 8) : 0;
}

// Assembles an sfnt from tables (checksums left 0; the parser does not check them).
std::string BuildFont(const std::map<std::string, std::string>& tables) {
  std::string out;
  Put32(&out, 0x00010000);
  Put16(&out, static_cast<uint32_t>(tables.size()));
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, 0);
  uint32_t offset = 12 + 16 * static_cast<uint32_t>(tables.size());
  std::string data;
  for (const auto& [tag, bytes] : tables) {
    out += tag;
    Put32(&out, 0);
    Put32(&out, offset + static_cast<uint32_t>(data.size()));
    Put32(&out, static_cast<uint32_t>(bytes.size()));
    data += bytes;
    while (data.size() % 4) data.push_back('\0');
  }
  return out + data;
}

// A three-glyph font, 1000 units per em: .notdef (500), 'A' (600) at U+0041 through a
// (3,1) format-4 cmap, and U+1F600 (900) and U+0042 through a (3,10) format-12 cmap.
std::string TinyFont(bool with_format4 = true) {
  std::string head(54, '\0');
  Set32(&head, 12, 0x5F0F3CF5);
  Set16(&head, 18, 1000);
  std::string hhea(36, '\0');
  Set16(&hhea, 4, 800);
  Set16(&hhea, 6, 0xFFFF & -200);
  Set16(&hhea, 34, 3);
  std::string maxp(6, '\0');
  Set32(&maxp, 0, 0x00005000);
  Set16(&maxp, 4, 3);
  std::string hmtx;
  for (uint32_t advance : {500, 600, 900}) {
    Put16(&hmtx, advance);
    Put16(&hmtx, 0);
  }
  std::string f4;  // segments [0x41,0x41] -> glyph 1 (delta), [0xFFFF,0xFFFF] -> 0
  Put16(&f4, 4);
  Put16(&f4, 32);  // length
  Put16(&f4, 0);
  Put16(&f4, 4);   // segCountX2
  Put16(&f4, 4);
  Put16(&f4, 1);
  Put16(&f4, 0);
  Put16(&f4, 0x41);  // endCode
  Put16(&f4, 0xFFFF);
  Put16(&f4, 0);  // reservedPad
  Put16(&f4, 0x41);  // startCode
  Put16(&f4, 0xFFFF);
  Put16(&f4, (1 - 0x41) & 0xFFFF);  // idDelta
  Put16(&f4, 1);
  Put16(&f4, 0);  // idRangeOffset
  Put16(&f4, 0);
  std::string f12;
  Put16(&f12, 12);
  Put16(&f12, 0);
  Put32(&f12, 16 + 2 * 12);
  Put32(&f12, 0);
  Put32(&f12, 2);
  for (uint32_t v : {0x41u, 0x42u, 1u, 0x1F600u, 0x1F600u, 2u}) Put32(&f12, v);
  std::string cmap;
  const uint32_t n = with_format4 ? 2 : 1;
  Put16(&cmap, 0);
  Put16(&cmap, n);
  if (with_format4) {
    Put16(&cmap, 3);
    Put16(&cmap, 1);
    Put32(&cmap, 4 + 8 * n);
  }
  Put16(&cmap, 3);
  Put16(&cmap, 10);
  Put32(&cmap, 4 + 8 * n + (with_format4 ? static_cast<uint32_t>(f4.size()) : 0));
  if (with_format4) cmap += f4;
  cmap += f12;
  return BuildFont({{"head", head}, {"hhea", hhea}, {"maxp", maxp}, {"hmtx", hmtx}, {"cmap", cmap}});
}

// --- Liberation Sans ---

TEST(FontMetricsTest, LiberationSansHeaderValues) {
  const FontMetrics& m = Regular();
  EXPECT_EQ(m.units_per_em(), 2048);
  EXPECT_GT(m.num_glyphs(), 1000);
  EXPECT_DOUBLE_EQ(m.ascent(), 1854 * 1000.0 / 2048);    // hhea ascender, 905.27
  EXPECT_DOUBLE_EQ(m.descent(), -434 * 1000.0 / 2048);   // -211.91
  EXPECT_DOUBLE_EQ(m.line_gap(), 67 * 1000.0 / 2048);
  EXPECT_DOUBLE_EQ(m.cap_height(), 1409 * 1000.0 / 2048);  // OS/2 sCapHeight, 687.99
}

TEST(FontMetricsTest, AdvancesMatchLibharuTruncation) {
  // 'A' is 1366/2048 em = 666.99/1000; libharu (and so the PDF's /W) truncates to 666.
  EXPECT_EQ(Regular().Advance('A'), 666);
  EXPECT_EQ(Bold().Advance('A'), 722);  // 1479/2048
  EXPECT_EQ(Regular().Advance(' '), 277);
  EXPECT_EQ(Regular().Advance(U'Ö'), 777);
  EXPECT_EQ(Bold().Advance('b'), 610);
  EXPECT_EQ(Regular().Advance(U'–'), 556);
}

TEST(FontMetricsTest, CoversNamesOfForeignTrainedDoctors) {
  for (const FontMetrics* m : {&Regular(), &Bold()}) {
    for (char32_t c : {U'Ł', U'ș', U'Ș', U'ț', U'Ț', U'ễ', U'Đ', U'đ', U'Å', U'Ä', U'Ö', U'ő', U'ğ',
                       U'ı', U'Ə', U'€', U'–', U'™', U'\u00A0', U'\u0301', U'□'}) {
      EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    }
    // Every character of Windows-1252.
    for (char32_t c = 0x20; c < 0x7F; ++c) EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    for (char32_t c = 0xA0; c <= 0xFF; ++c) EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    for (char32_t c : std::u32string{0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                       0x0160, 0x2039, 0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                       0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178}) {
      EXPECT_TRUE(m->HasGlyph(c)) << U(c);
    }
  }
}

TEST(FontMetricsTest, MissingCodePointsUseNotdef) {
  const FontMetrics& m = Regular();
  for (char32_t c : std::u32string{0x4E2D, 0x0416 /* Ж */, 0x2610, 0xFFFD, 0x1F600, 0x10FFFF, 0x110000,
                                   0xFFFFFFFF}) {
    EXPECT_FALSE(m.HasGlyph(c)) << U(c);
    EXPECT_EQ(m.Advance(c), 750) << U(c);  // .notdef: 1536/2048
  }
  EXPECT_FALSE(m.HasGlyph(0));
  EXPECT_FALSE(m.HasGlyph('\n'));
}

TEST(FontMetricsTest, WidthSumsAdvancesTimesSize) {
  const FontMetrics& m = Regular();
  EXPECT_EQ(m.Width("", 11), 0);
  // Å s a space Ö b e r g = 666+500+556+277+777+556+556+333+556; libharu's
  // HPDF_Font_TextWidth gives the same 4777.
  EXPECT_DOUBLE_EQ(m.Width("Åsa Öberg", 11), 4777 * 11 / 1000.0);
  EXPECT_DOUBLE_EQ(m.Width("Åsa Öberg", 1000), 4777);
  EXPECT_DOUBLE_EQ(Bold().Width("Åsa Öberg", 10), (722 + 556 + 556 + 277 + 777 + 610 + 556 + 389 + 610) / 100.0);
  const std::string name = "Nguyễn Thị Hồng";
  double sum = 0;
  for (char32_t c : std::u32string(U"Nguyễn Thị Hồng")) sum += m.Advance(c);
  EXPECT_DOUBLE_EQ(m.Width(name, 12), sum * 12 / 1000);
}

TEST(FontMetricsTest, WidthDecodesInvalidUtf8AsReplacementCharacters) {
  const FontMetrics& m = Regular();
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

// The layout's widths must be exactly the ones libharu writes into the PDF.
TEST(FontMetricsTest, AgreesWithLibharuForEveryBmpCodePoint) {
  for (const std::string& path : {kRegularPath, kBoldPath}) {
    const FontMetrics m = Load(path);
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    ASSERT_NE(pdf, nullptr);
    HPDF_UseUTFEncodings(pdf);
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    ASSERT_NE(name, nullptr) << path;
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    ASSERT_NE(font, nullptr) << path;
    int mismatches = 0;
    for (char32_t c = 0x20; c < 0x10000; ++c) {
      if (c >= 0xD800 && c < 0xE000) continue;
      const int expected = static_cast<int>(HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(c)));
      if (m.Advance(c) != expected && ++mismatches <= 10) {
        ADD_FAILURE() << path << " " << U(c) << ": " << m.Advance(c) << " vs libharu " << expected;
      }
    }
    EXPECT_EQ(mismatches, 0);
    EXPECT_EQ(HPDF_Font_GetAscent(font), static_cast<int>(m.ascent()));
    EXPECT_EQ(HPDF_Font_GetDescent(font), static_cast<int>(m.descent()));
    const std::string text = "Łukasz Żółkiewski, Ștefan Bălan, Đorđe Đorđević, Åsa Öberg";
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                                  static_cast<HPDF_UINT>(text.size()));
    EXPECT_DOUBLE_EQ(m.Width(text, 1000), tw.width);
    HPDF_Free(pdf);
  }
}

// --- Synthetic fonts: format 12, and the parser's defences. ---

TEST(FontMetricsTest, ReadsFormat12ForSupplementaryPlanes) {
  for (bool with_format4 : {true, false}) {
    FontMetrics m;
    std::string error;
    ASSERT_TRUE(FontMetrics::Parse(TinyFont(with_format4), &m, &error)) << error;
    EXPECT_EQ(m.units_per_em(), 1000);
    EXPECT_EQ(m.num_glyphs(), 3);
    EXPECT_EQ(m.ascent(), 800);
    EXPECT_EQ(m.descent(), -200);
    EXPECT_EQ(m.cap_height(), 700);  // no OS/2: libharu's fallback
    EXPECT_TRUE(m.HasGlyph('A'));
    EXPECT_TRUE(m.HasGlyph('B'));  // only in the format-12 subtable
    EXPECT_TRUE(m.HasGlyph(0x1F600));
    EXPECT_FALSE(m.HasGlyph(0x1F601));
    EXPECT_FALSE(m.HasGlyph('C'));
    EXPECT_EQ(m.Advance('A'), 600);
    EXPECT_EQ(m.Advance('B'), 900);
    EXPECT_EQ(m.Advance(0x1F600), 900);
    EXPECT_EQ(m.Advance(0x1F5FF), 500);
    EXPECT_DOUBLE_EQ(m.Width("A\xF0\x9F\x98\x80" "C", 10), (600 + 900 + 500) / 100.0);
  }
}

TEST(FontMetricsTest, EmptyMetricsAreHarmless) {
  const FontMetrics m;
  EXPECT_FALSE(m.HasGlyph('a'));
  EXPECT_EQ(m.Advance('a'), 0);
  EXPECT_EQ(m.Advance(0x1F600), 0);
  EXPECT_EQ(m.Width("Åsa", 10), 0);
}

void ExpectRejected(const std::string& bytes, const std::string& what, const std::string& message_part = "") {
  FontMetrics m = Regular();  // failure must leave *out untouched
  std::string error;
  EXPECT_FALSE(FontMetrics::Parse(bytes, &m, &error)) << what;
  EXPECT_FALSE(error.empty()) << what;
  if (!message_part.empty()) {
    EXPECT_NE(error.find(message_part), std::string::npos) << what << ": " << error;
  }
  EXPECT_EQ(m.Advance('A'), 666) << what;
  EXPECT_FALSE(FontMetrics::Parse(bytes, &m, nullptr)) << what;  // null error is allowed
}

TEST(FontMetricsTest, RejectsGarbage) {
  ExpectRejected("", "empty", "too short");
  ExpectRejected("garbage", "short garbage", "too short");
  ExpectRejected(std::string(100, '\xFF'), "0xFF bytes", "not a TrueType");
  ExpectRejected(std::string("ttcf") + std::string(100, '\0'), "collection", "collections");
  ExpectRejected(ReadFile(STDOK_SOURCE_DIR "/fonts/README.md"), "text file");
  std::string no_tables(12, '\0');
  Set32(&no_tables, 0, 0x00010000);
  ExpectRejected(no_tables, "no tables", "no 'head'");
}

TEST(FontMetricsTest, RejectsTruncatedFonts) {
  const std::string font = ReadFile(kRegularPath);
  ASSERT_GT(font.size(), 10000u);
  for (size_t length = 0; length < 400; ++length) {
    ExpectRejected(font.substr(0, length), "prefix of " + std::to_string(length));
  }
  for (size_t length = 400; length < font.size(); length += 1499) {
    ExpectRejected(font.substr(0, length), "prefix of " + std::to_string(length));
  }
}

TEST(FontMetricsTest, RejectsCorruptFields) {
  const std::string good = ReadFile(kRegularPath);
  ASSERT_NE(RecordOf(good, "cmap"), 0u);
  auto corrupt = [&good](auto&& edit) {
    std::string bytes = good;
    edit(&bytes);
    return bytes;
  };
  ExpectRejected(corrupt([](std::string* f) { Set16(f, 4, 0xFFFF); }), "numTables", "directory truncated");
  ExpectRejected(corrupt([](std::string* f) { Set32(f, RecordOf(*f, "hmtx") + 8, 0xFFFFFFF0); }),
                 "hmtx offset", "'hmtx'");
  ExpectRejected(corrupt([](std::string* f) { Set32(f, RecordOf(*f, "glyf") + 12, 0xFFFFFFFF); }),
                 "glyf length", "'glyf'");  // a table the parser does not read must still fit
  ExpectRejected(corrupt([](std::string* f) { Set32(f, RecordOf(*f, "head") + 12, 20); }),
                 "head length", "head: truncated");
  ExpectRejected(corrupt([](std::string* f) { f->replace(RecordOf(*f, "cmap"), 4, "cmaq"); }),
                 "no cmap", "no 'cmap'");
  ExpectRejected(corrupt([](std::string* f) { Set32(f, TableOf(*f, "head") + 12, 0); }), "magic", "magic");
  ExpectRejected(corrupt([](std::string* f) { Set16(f, TableOf(*f, "head") + 18, 0); }), "upem", "unitsPerEm");
  ExpectRejected(corrupt([](std::string* f) { Set16(f, TableOf(*f, "maxp") + 4, 0); }), "numGlyphs");
  ExpectRejected(corrupt([](std::string* f) { Set16(f, TableOf(*f, "hhea") + 34, 0); }), "nhm 0",
                 "numberOfHMetrics");
  ExpectRejected(corrupt([](std::string* f) { Set16(f, TableOf(*f, "hhea") + 34, 60000); }), "nhm big",
                 "numberOfHMetrics");
  ExpectRejected(corrupt([](std::string* f) { Set16(f, TableOf(*f, "cmap") + 2, 5000); }), "cmap count",
                 "cmap");
  ExpectRejected(corrupt([](std::string* f) {
                   const size_t cmap = TableOf(*f, "cmap");
                   for (uint32_t i = 0; i < Get16(*f, cmap + 2); ++i) Set32(f, cmap + 4 + 8 * i + 4, 0x7FFFFFFF);
                 }),
                 "subtable offsets", "outside");
  ExpectRejected(corrupt([](std::string* f) {
                   const size_t cmap = TableOf(*f, "cmap");
                   for (uint32_t i = 0; i < Get16(*f, cmap + 2); ++i) Set16(f, cmap + 4 + 8 * i, 7);
                 }),
                 "no unicode cmap", "no Unicode subtable");
  ExpectRejected(corrupt([](std::string* f) {
                   const size_t cmap = TableOf(*f, "cmap");
                   for (uint32_t i = 0; i < Get16(*f, cmap + 2); ++i) {
                     Set16(f, cmap + Get32(*f, cmap + 4 + 8 * i + 4) + 6, 0xFFFE);  // segCountX2
                   }
                 }),
                 "segCountX2", "segment arrays truncated");
}

// Random corruption of the tables the parser reads: never a crash or an out-of-bounds read
// (run under -fsanitize=address), always either success or an error message.
TEST(FontMetricsTest, SurvivesRandomCorruption) {
  const std::string good = ReadFile(kRegularPath);
  std::vector<std::pair<size_t, size_t>> regions = {{0, 12 + 16 * Get16(good, 4)}};
  for (const char* tag : {"head", "hhea", "maxp", "cmap", "OS/2"}) {
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
    FontMetrics m;
    std::string error;
    if (FontMetrics::Parse(bytes, &m, &error)) {
      ++accepted;
      (void)m.Width("Åsa Öberg \xF0\x9F\x98\x80", 10);
    } else {
      EXPECT_FALSE(error.empty());
    }
  }
  EXPECT_GT(accepted, 0);  // many bytes (names, reserved fields) do not matter
}

}  // namespace
}  // namespace stdok
