#include "complete_font.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

#include "pdf/pdf_font.h"
#include "test_support.h"

namespace stdok::testing {
namespace {

uint32_t U16(std::string_view b, size_t at) { return unsigned(uint8_t(b[at])) << 8 | uint8_t(b[at + 1]); }
uint32_t U32(std::string_view b, size_t at) { return U16(b, at) << 16 | U16(b, at + 2); }
void Append16(std::string* out, uint32_t v) {
  out->push_back(char(v >> 8 & 0xFF));
  out->push_back(char(v & 0xFF));
}
void Append32(std::string* out, uint32_t v) {
  Append16(out, v >> 16);
  Append16(out, v & 0xFFFF);
}
uint32_t Checksum(std::string_view data) {
  uint32_t sum = 0;
  for (size_t i = 0; i < data.size(); i += 4) {
    uint32_t word = 0;
    for (size_t j = 0; j < 4; ++j) word = word << 8 | (i + j < data.size() ? uint8_t(data[i + j]) : 0);
    sum += word;
  }
  return sum;
}

// One (3,0) subtable, format 4: a segment per code (idDelta to the glyph), then 0xFFFF.
std::string SymbolCmap(const std::vector<uint16_t>& glyphs, int first_code) {
  size_t segments = glyphs.size() + 1;
  std::string cmap;
  Append16(&cmap, 0);
  Append16(&cmap, 1);
  Append16(&cmap, 3);
  Append16(&cmap, 0);
  Append32(&cmap, 12);
  Append16(&cmap, 4);
  Append16(&cmap, uint32_t(16 + 8 * segments));
  Append16(&cmap, 0);
  Append16(&cmap, uint32_t(2 * segments));
  uint32_t power = 1, log2 = 0;
  while (power * 2 <= segments) power *= 2, ++log2;
  Append16(&cmap, 2 * power);
  Append16(&cmap, log2);
  Append16(&cmap, uint32_t(2 * segments - 2 * power));
  auto code = [&](size_t i) { return uint32_t(0xF000 + first_code + i); };
  for (size_t i = 0; i < glyphs.size(); ++i) Append16(&cmap, code(i));  // endCode
  Append16(&cmap, 0xFFFF);
  Append16(&cmap, 0);
  for (size_t i = 0; i < glyphs.size(); ++i) Append16(&cmap, code(i));  // startCode
  Append16(&cmap, 0xFFFF);
  for (size_t i = 0; i < glyphs.size(); ++i) Append16(&cmap, (glyphs[i] - code(i)) & 0xFFFF);  // idDelta
  Append16(&cmap, 1);
  for (size_t i = 0; i < segments; ++i) Append16(&cmap, 0);  // idRangeOffset
  return cmap;
}

}  // namespace

std::map<char32_t, uint16_t> FontToolsCmap(const std::string& path) {
  std::string script =
      "import sys\n"
      "from fontTools.ttLib import TTFont\n"
      "font = TTFont(sys.argv[1])\n"
      "for c, name in sorted(font.getBestCmap().items()): print(c, font.getGlyphID(name))\n";
  CommandResult r = RunCommand("/usr/bin/python3 -c " + Quote(script) + " " + Quote(path));
  std::map<char32_t, uint16_t> cmap;
  if (r.exit_code != 0) {
    ADD_FAILURE() << "fontTools (Debian's python3-fonttools) on " << path << ": " << r.output;
    return cmap;
  }
  std::istringstream in(r.output);
  unsigned long c = 0, glyph = 0;
  while (in >> c >> glyph) cmap[char32_t(c)] = uint16_t(glyph);
  if (cmap.empty()) ADD_FAILURE() << path << ": fontTools found no cmap";
  return cmap;
}

namespace {

std::shared_ptr<const FontFile> Parsed(const std::string& bytes) {
  std::string error;
  auto font = FontFile::Parse(bytes, &error);
  if (!font) ADD_FAILURE() << error;
  return font;
}

}  // namespace

const char* const kShippedFaceFiles[4] = {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                                          "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"};

std::string CompleteFontProgram(std::string_view font, const std::vector<uint16_t>& glyphs, int first_code) {
  if (font.size() < 12) return "";
  std::map<std::string, std::string> tables;  // sorted by tag, as the directory must be
  for (uint32_t i = 0, n = U16(font, 4); i < n; ++i) {
    size_t entry = 12 + 16 * size_t{i};
    if (entry + 16 > font.size()) return "";
    uint32_t offset = U32(font, entry + 8), length = U32(font, entry + 12);
    if (offset > font.size() || length > font.size() - offset) return "";
    tables[std::string(font.substr(entry, 4))] = std::string(font.substr(offset, length));
  }
  if (!tables.count("head") || !tables.count("cmap")) return "";
  tables["cmap"] = SymbolCmap(glyphs, first_code);
  std::string& head = tables["head"];
  for (int i = 8; i < 12; ++i) head[i] = 0;  // checkSumAdjustment, set below
  uint32_t count = uint32_t(tables.size()), power = 1, log2 = 0;
  while (power * 2 <= count) power *= 2, ++log2;
  std::string out;
  Append32(&out, 0x00010000);
  Append16(&out, count);
  Append16(&out, power * 16);
  Append16(&out, log2);
  Append16(&out, count * 16 - power * 16);
  size_t offset = 12 + 16 * size_t{count}, head_at = 0;
  for (const auto& [tag, data] : tables) {
    out += tag;
    Append32(&out, Checksum(data));
    Append32(&out, uint32_t(offset));
    Append32(&out, uint32_t(data.size()));
    if (tag == "head") head_at = offset;
    offset += (data.size() + 3) & ~size_t{3};
  }
  for (const auto& [tag, data] : tables) {
    out += data;
    out.resize((out.size() + 3) & ~size_t{3}, '\0');
  }
  uint32_t adjustment = 0xB1B0AFBA - Checksum(out);
  for (int i = 0; i < 4; ++i) out[head_at + 8 + i] = char(adjustment >> (24 - 8 * i) & 0xFF);
  return out;
}

PdfFonts ShippedPdfFonts(bool complete) {
  PdfFonts fonts;
  std::shared_ptr<const PdfFont>* faces[4] = {&fonts.regular, &fonts.bold, &fonts.italic, &fonts.bold_italic};
  for (int i = 0; i < 4; ++i) {
    std::string path = SourceDir() + "/fonts/" + kShippedFaceFiles[i];
    auto bytes = std::make_shared<const std::string>(ReadText(path));
    auto font = Parsed(*bytes);
    if (!font) continue;
    if (!complete) {
      *faces[i] = PdfFont::For(font);
      continue;
    }
    auto cmap = std::make_shared<const std::map<char32_t, uint16_t>>(FontToolsCmap(path));
    *faces[i] = PdfFont::WithProgramsFrom(
        font, [bytes, cmap](const std::u32string& chars, const std::vector<uint16_t>&, int first_code) {
          std::vector<uint16_t> glyphs;
          for (char32_t c : chars) {
            auto it = cmap->find(c);
            glyphs.push_back(it == cmap->end() ? 0 : it->second);
          }
          return CompleteFontProgram(*bytes, glyphs, first_code);
        });
  }
  return fonts;
}

PdfFonts SpoiledPdfFonts(void (*spoil)(std::string* program)) {
  PdfFonts fonts;
  std::shared_ptr<const PdfFont>* faces[4] = {&fonts.regular, &fonts.bold, &fonts.italic, &fonts.bold_italic};
  for (int i = 0; i < 4; ++i) {
    auto font = Parsed(ReadText(SourceDir() + "/fonts/" + kShippedFaceFiles[i]));
    if (!font) continue;
    *faces[i] = PdfFont::WithProgramsFrom(
        font, [font, spoil](const std::u32string&, const std::vector<uint16_t>& glyphs, int first_code) {
          std::string program = font->Subset(glyphs, first_code);
          spoil(&program);
          return program;
        });
  }
  return fonts;
}

void SpoilLoca(std::string* program) {
  std::string_view p = *program;
  size_t head = 0, loca = 0, maxp = 0;
  for (uint32_t i = 0, n = U16(p, 4); i < n; ++i) {
    std::string_view tag = p.substr(12 + 16 * size_t{i}, 4);
    size_t offset = U32(p, 12 + 16 * size_t{i} + 8);
    if (tag == "head") head = offset;
    if (tag == "loca") loca = offset;
    if (tag == "maxp") maxp = offset;
  }
  ASSERT_TRUE(head && loca && maxp) << "not a subset program";
  size_t glyph = U16(p, maxp + 4) / 2, size = U16(p, head + 50) ? 4 : 2;
  program->replace(loca + size * (glyph + 1), size, program->substr(loca + size * glyph, size));
}

}  // namespace stdok::testing
