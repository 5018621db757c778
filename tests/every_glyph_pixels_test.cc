// Every glyph of the shipped fonts proven by pixels. Each character the cmap of a face under
// fonts/ maps (read by fontTools; controls aside) is set in a grid of cells, a combining mark
// on a base letter, followed by letters with marks that have no precomposed form and a
// character the fonts lack (.notdef). The pages are written twice by stdok's PDF writer with
// the same layout: once as in a render (per-document subsets, FontFile::Subset) and once with
// every subset replaced by the complete font file, glyph ids unchanged, only its cmap
// rewritten to the same codes, each to the glyph fontTools finds for the character
// (tests/complete_font.h). pdftoppm must draw both the same, pixel for pixel: a glyph whose
// outline, components, loca entry or cmap code the subsetter gets wrong, or a character stdok's
// font reader maps to another glyph than the font does, differs from the complete font.
// The fixture spoils a subset's loca on purpose and requires the comparison to see it.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "complete_font.h"
#include "page_pixels.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

namespace stdok::testing {
namespace {

constexpr int kDpi = 100;
constexpr double kSize = 16;
// The grid in points: cells of kCellWidth x kRowHeight from (kLeft, kTopBaseline) down.
constexpr double kLeft = 30, kCellWidth = 26, kTopBaseline = 800, kRowHeight = 22;
constexpr int kColumns = 20, kRows = 35;
constexpr char32_t kMarkBase = U'o';

// Letters with marks that have no precomposed form, one or two marks (NFC, as layout gives them):
// x̃ Ọ̀ g̣ q̃ T̈ J́ ệ́ i̇́ x̣̂ n̄ ẹ̄. And α, which the fonts lack: the one glyph no character maps,
// .notdef, is drawn too.
const std::vector<std::string> kSequences = {"x\u0303",       "\u1ECC\u0300", "g\u0323",      "q\u0303",
                                             "T\u0308",       "J\u0301",      "\u1EC7\u0301", "i\u0307\u0301",
                                             "x\u0323\u0302", "n\u0304",      "\u1EB9\u0304", "\u03B1"};

struct Cell {
  std::string text;
  char32_t shown;  // the character of the cmap the cell shows (0 for a sequence)
};

std::string Utf8(char32_t c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  return std::string(buffer, size_t(length));
}

bool IsMark(char32_t c) {
  int8_t type = u_charType(UChar32(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Every character the face's cmap maps (as fontTools reads it), in code point order, then the
// sequences.
std::vector<Cell> Cells(const std::string& font_path) {
  std::vector<Cell> cells;
  for (const auto& [c, glyph] : FontToolsCmap(font_path)) {
    if (u_charType(UChar32(c)) == U_CONTROL_CHAR) continue;
    cells.push_back({IsMark(c) ? Utf8(kMarkBase) + Utf8(c) : Utf8(c), c});
  }
  for (const std::string& s : kSequences) cells.push_back({s, 0});
  return cells;
}

LaidOutDocument Grid(const std::vector<Cell>& cells, FontFace face) {
  LaidOutDocument doc;
  doc.info.title = "every glyph";
  for (size_t i = 0; i < cells.size(); ++i) {
    size_t at = i % (kColumns * kRows);
    if (at == 0) doc.pages.emplace_back();
    double x = kLeft + kCellWidth * double(at % kColumns), y = kTopBaseline - kRowHeight * double(at / kColumns);
    doc.pages.back().texts.push_back(TextRun{x, y, face, kSize, cells[i].text});
  }
  return doc;
}

std::string Write(const LaidOutDocument& doc, const PdfFonts& fonts, const std::string& path) {
  return WritePixelTestPdf(doc, fonts, path);
}

// The cells (index into cells) holding a pixel that differs between the two renderings.
std::set<size_t> DifferingCells(const std::vector<GrayPage>& a, const std::vector<GrayPage>& b, size_t cell_count) {
  std::set<size_t> found;
  for (size_t p = 0; p < a.size() && p < b.size(); ++p) {
    if (!ComparePixels(a[p], b[p]).same_size) {
      found.insert(p * kColumns * kRows);
      continue;
    }
    double page_height = a[p].height * 72.0 / kDpi;
    for (int y = 0; y < a[p].height; ++y)
      for (int x = 0; x < a[p].width; ++x) {
        size_t i = size_t(y) * size_t(a[p].width) + size_t(x);
        if (a[p].pixels[i] == b[p].pixels[i]) continue;
        // Back to points; a cell reaches from kSize above its baseline to 6 points below.
        double px = x * 72.0 / kDpi, from_top = y * 72.0 / kDpi;
        int column = int((px - kLeft + 2) / kCellWidth);
        int row = int((from_top - (page_height - kTopBaseline - kSize)) / kRowHeight);
        column = std::clamp(column, 0, kColumns - 1), row = std::clamp(row, 0, kRows - 1);
        size_t cell = p * kColumns * kRows + size_t(row) * kColumns + size_t(column);
        found.insert(std::min(cell, cell_count - 1));
      }
  }
  return found;
}

// The first 40 cells of `differing`: text and code point.
std::string Describe(const std::set<size_t>& differing, const std::vector<Cell>& cells) {
  std::string out;
  for (size_t i : differing) {
    if (out.size() > 40 * 12) return out + " …";
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", unsigned(cells[i].shown));
    out += " " + cells[i].text + (cells[i].shown ? std::string(" (") + code + ")" : std::string());
  }
  return out;
}

struct Face {
  FontFace face;
  const char* name;
};

void PrintTo(const Face& face, std::ostream* out) { *out << face.name; }

class EveryGlyph : public ::testing::TestWithParam<Face> {};

TEST_P(EveryGlyph, SubsetsDrawWhatTheCompleteFontDraws) {
  auto started = std::chrono::steady_clock::now();
  const int face = static_cast<int>(GetParam().face);
  std::vector<Cell> cells = Cells(SourceDir() + "/fonts/" + kShippedFaceFiles[face]);
  size_t marks = 0;
  for (const Cell& c : cells) marks += c.shown && IsMark(c.shown) ? 1 : 0;
  LaidOutDocument doc = Grid(cells, GetParam().face);

  std::string dir = MakeTempDir();
  std::string ours = Write(doc, ShippedPdfFonts(false), dir + "/subsets.pdf");
  std::string reference = Write(doc, ShippedPdfFonts(true), dir + "/complete.pdf");
  // The reference really carries the complete font (some 30 KB compressed per subset).
  ASSERT_GT(reference.size(), ours.size() + 20'000 * ((cells.size() + 223) / 224));
  std::vector<GrayPage> a = RasterisePages(dir + "/subsets.pdf", kDpi);
  std::vector<GrayPage> b = RasterisePages(dir + "/complete.pdf", kDpi);
  ASSERT_EQ(a.size(), doc.pages.size());
  ASSERT_EQ(b.size(), doc.pages.size());
  int ink = 0;
  for (const GrayPage& page : a)
    for (uint8_t v : page.pixels) ink += v < 128 ? 1 : 0;
  EXPECT_GT(ink, 50 * int(cells.size()));  // the glyphs were drawn at all

  std::set<size_t> differing = DifferingCells(a, b, cells.size());
  EXPECT_TRUE(differing.empty()) << differing.size()
                                 << " cells differ from the complete font:" << Describe(differing, cells)
                                 << "; pages in " << dir;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "every glyph (%s): %zu characters of the cmap (%zu marks on '%s'), %zu sequences, %zu pages: "
      "%zu cells differ, %.1f s\n",
      GetParam().name, cells.size() - kSequences.size(), marks, Utf8(kMarkBase).c_str(), kSequences.size(),
      doc.pages.size(), differing.size(), seconds);
}

INSTANTIATE_TEST_SUITE_P(GlyphPixels, EveryGlyph,
                         ::testing::Values(Face{FontFace::kRegular, "regular"}, Face{FontFace::kBold, "bold"},
                                           Face{FontFace::kItalic, "italic"},
                                           Face{FontFace::kBoldItalic, "bold_italic"}),
                         [](const ::testing::TestParamInfo<Face>& info) { return std::string(info.param.name); });

TEST(GlyphPixels, ASpoiledSubsetDiffersFromTheCompleteFont) {
  std::vector<Cell> cells = Cells(SourceDir() + "/fonts/" + kShippedFaceFiles[0]);
  LaidOutDocument doc = Grid(cells, FontFace::kRegular);
  std::string dir = MakeTempDir();
  Write(doc, SpoiledPdfFonts(&SpoilLoca), dir + "/spoiled.pdf");
  Write(doc, ShippedPdfFonts(true), dir + "/complete.pdf");
  std::set<size_t> differing = DifferingCells(RasterisePages(dir + "/spoiled.pdf", kDpi),
                                              RasterisePages(dir + "/complete.pdf", kDpi), cells.size());
  // Two glyphs per subset (five subsets of 224 characters), plus any letter built from them.
  EXPECT_GE(differing.size(), 5u);
  EXPECT_LE(differing.size(), 40u) << Describe(differing, cells);
  std::printf("every glyph: with a spoiled loca, %zu cells differ:%s\n", differing.size(),
              Describe(differing, cells).c_str());
}

}  // namespace
}  // namespace stdok::testing
