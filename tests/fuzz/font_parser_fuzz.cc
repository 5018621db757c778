// libFuzzer target: the two TrueType readers must never crash (nor trip AddressSanitizer or
// UndefinedBehaviorSanitizer), whatever the bytes of a font given with --fonts: the layout's
// layout/font_metrics (load, advances, widths, cmap coverage) and the PDF writer's
// pdf/truetype via pdf/pdf_font (load, widths, a subset with its ToUnicode map, compressed),
// and a subset read back. Seeds: fonts/*.ttf and tests/fuzz/corpus/font_parser/ (small subsets
// with composite glyphs and hinting tables); dictionary: tests/fuzz/font_parser.dict
// (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout/font_metrics.h"
#include "pdf/pdf_font.h"
#include "pdf/truetype.h"

namespace {

// Names of foreign-trained doctors and Swedish text: Latin, Latin Extended A/B/Additional, a
// combining mark, a supplementary-plane character and .notdef.
const std::u32string kSample = U"Åsa Öberg Łukasz Żółkiewski Ștefan Bălan Nguyễn Thị Hồng Ọ̀ ĐđƏə€\U0001F600\uFFFD";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string error;

  stdok::FontMetrics metrics;
  if (stdok::FontMetrics::Parse(bytes, &metrics, &error)) {
    for (char32_t c : kSample) (void)(metrics.HasGlyph(c) + metrics.Advance(c));
    (void)metrics.Width("Łukasz Żółkiewski, Ștefan Bălan, Nguyễn Thị Hồng \xF0\x9F\x98\x80 \xE2\x82", 10);
  }

  auto font = stdok::PdfFont::Load(bytes, &error);
  if (!font) return 0;
  const stdok::TrueTypeProgram& program = font->program();
  std::vector<uint16_t> glyphs;
  for (char32_t c : kSample) {
    glyphs.push_back(program.GlyphFor(c));
    (void)program.Width(glyphs.back());
  }
  (void)font->Subset(kSample);
  // The first glyph ids directly, composites of small fonts among them, then the subset read
  // back by both readers (its cmap is symbolic, so they may refuse it; they must not crash).
  for (uint16_t g = 1; g < 16; ++g) glyphs.push_back(g);
  std::string subset = program.Subset(glyphs, stdok::FontSubset::kFirstCode);
  if (!subset.empty()) {
    (void)stdok::TrueTypeProgram::Parse(subset, &error);
    (void)stdok::FontMetrics::Parse(subset, &metrics, &error);
  }
  return 0;
}
