// libFuzzer target: the font reader (font/font_file, shared by layout and the PDF writer) must
// never crash (nor trip AddressSanitizer or UndefinedBehaviorSanitizer), whatever the bytes of
// a font given with --fonts: load, advances, widths of UTF-8 text, glyph boxes and combining
// mark placement, a PDF subset with its ToUnicode map (pdf/pdf_font), and a subset read back. Seeds: fonts/*.ttf and tests/fuzz/corpus/font_parser/ (small subsets
// with composite glyphs and hinting tables); dictionary: tests/fuzz/font_parser.dict
// (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_file.h"
#include "font/mark_placement.h"
#include "pdf/pdf_font.h"

namespace {

// Names of foreign-trained doctors and Swedish text: Latin, Latin Extended A/B/Additional, a
// combining mark, a supplementary-plane character and .notdef.
const std::u32string kSample = U"Åsa Öberg Łukasz Żółkiewski Ștefan Bălan Nguyễn Thị Hồng Ọ̀ ĐđƏə€\U0001F600\uFFFD";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string error;

  auto file = stdok::FontFile::Parse(bytes, &error);
  if (!file) return 0;
  (void)file->Width("Łukasz Żółkiewski, Ștefan Bălan, Nguyễn Thị Hồng \xF0\x9F\x98\x80 \xE2\x82", 10);
  stdok::MarkPlacer marks(*file);
  for (char32_t c : kSample) (void)marks.Next(c);
  auto font = stdok::PdfFont::For(file);
  const stdok::FontFile& program = font->program();
  std::vector<uint16_t> glyphs;
  for (char32_t c : kSample) {
    glyphs.push_back(program.GlyphFor(c));
    (void)program.Width(glyphs.back());
  }
  (void)font->Subset(kSample, 1);  // the fastest level: the fuzzer is after the parsing
  // The first glyph ids directly, composites of small fonts among them, then the subset read
  // back by both readers (its cmap is symbolic, so they may refuse it; they must not crash).
  for (uint16_t g = 1; g < 16; ++g) glyphs.push_back(g);
  std::string subset = program.Subset(glyphs, stdok::FontSubset::kFirstCode);
  if (!subset.empty()) {
    (void)stdok::FontFile::Parse(subset, &error);
  }
  return 0;
}
