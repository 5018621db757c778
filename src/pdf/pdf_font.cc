#include "pdf/pdf_font.h"

#include <cstdio>

#include "pdf/deflate.h"

namespace stdok {
namespace {

// Bound on the cached subsets of one font, so that memory does not grow with the number of
// documents: past it the cache starts over. A subset takes 3-8 KiB: some 700 of them.
constexpr size_t kCacheBytes = 4u << 20;

void AppendHex(std::string* out, unsigned value, int digits) {
  static const char kHex[] = "0123456789ABCDEF";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out->push_back(kHex[(value >> shift) & 0xF]);
}

// UTF-16BE hex of one code point.
void AppendUtf16Hex(std::string* out, char32_t c) {
  if (c < 0x10000) {
    AppendHex(out, static_cast<unsigned>(c), 4);
  } else {
    char32_t v = c - 0x10000;
    AppendHex(out, static_cast<unsigned>(0xD800 + (v >> 10)), 4);
    AppendHex(out, static_cast<unsigned>(0xDC00 + (v & 0x3FF)), 4);
  }
}

// The ToUnicode CMap of a subset: runs of consecutive characters as bfrange, the rest bfchar.
std::string ToUnicodeCMap(const std::u32string& chars) {
  struct Range {
    int code;
    size_t count;
    char32_t first;
  };
  std::vector<Range> ranges;
  for (size_t i = 0; i < chars.size(); ++i) {
    char32_t c = chars[i];
    if (!ranges.empty()) {
      Range& r = ranges.back();
      char32_t next = r.first + static_cast<char32_t>(r.count);
      // A bfrange increments the last byte of its destination only: stay within 256.
      if (c == next && c < 0x10000 && (next & 0xFF) != 0) {
        ++r.count;
        continue;
      }
    }
    ranges.push_back({FontSubset::kFirstCode + static_cast<int>(i), 1, c});
  }
  std::string map =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
  std::vector<const Range*> singles, runs;
  for (const Range& r : ranges) (r.count > 1 ? runs : singles).push_back(&r);
  for (size_t i = 0; i < runs.size(); i += 100) {
    size_t n = std::min<size_t>(100, runs.size() - i);
    map += std::to_string(n) + " beginbfrange\n";
    for (size_t j = i; j < i + n; ++j) {
      map += '<';
      AppendHex(&map, static_cast<unsigned>(runs[j]->code), 2);
      map += "> <";
      AppendHex(&map, static_cast<unsigned>(runs[j]->code + runs[j]->count - 1), 2);
      map += "> <";
      AppendUtf16Hex(&map, runs[j]->first);
      map += ">\n";
    }
    map += "endbfrange\n";
  }
  for (size_t i = 0; i < singles.size(); i += 100) {
    size_t n = std::min<size_t>(100, singles.size() - i);
    map += std::to_string(n) + " beginbfchar\n";
    for (size_t j = i; j < i + n; ++j) {
      map += '<';
      AppendHex(&map, static_cast<unsigned>(singles[j]->code), 2);
      map += "> <";
      AppendUtf16Hex(&map, singles[j]->first);
      map += ">\n";
    }
    map += "endbfchar\n";
  }
  map += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return map;
}

// Six capital letters from the font and characters: the same subset always gets the same tag.
std::string SubsetTag(const std::string& font_name, const std::u32string& chars) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](uint32_t v) {
    for (int i = 0; i < 4; ++i) {
      h ^= (v >> (8 * i)) & 0xFF;
      h *= 1099511628211ull;
    }
  };
  for (char c : font_name) mix(static_cast<unsigned char>(c));
  for (char32_t c : chars) mix(static_cast<uint32_t>(c));
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

}  // namespace

std::shared_ptr<const PdfFont> PdfFont::Load(std::string bytes, std::string* error) {
  auto program = FontFile::Parse(std::move(bytes), error);
  if (!program) return nullptr;
  return For(std::move(program));
}

std::shared_ptr<const PdfFont> PdfFont::For(std::shared_ptr<const FontFile> font) {
  auto pdf_font = std::make_shared<PdfFont>();
  pdf_font->program_ = std::move(font);
  return pdf_font;
}

std::shared_ptr<const PdfFont> PdfFont::WithProgramsFrom(std::shared_ptr<const FontFile> font, ProgramMaker make) {
  auto pdf_font = std::make_shared<PdfFont>();
  pdf_font->program_ = std::move(font);
  pdf_font->make_program_ = std::move(make);
  return pdf_font;
}

void PdfFont::ClearCache() const {
  std::lock_guard<std::mutex> lock(mutex_);
  cache_.clear();
  cached_bytes_ = 0;
}

std::shared_ptr<const FontSubset> PdfFont::Subset(const std::u32string& chars, int level) const {
  // Keyed by the characters and the level (one font given two levels caches both).
  std::u32string key = chars;
  key.push_back(static_cast<char32_t>(0x110000 + level));  // past Unicode: never a character
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
  }
  auto subset = Make(chars, level);
  if (!subset) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  size_t size = subset->program.size() + subset->to_unicode.size() + 4 * chars.size() + 128;
  if (cached_bytes_ + size > kCacheBytes) {
    cache_.clear();
    cached_bytes_ = 0;
  }
  auto [it, inserted] = cache_.emplace(std::move(key), subset);
  if (inserted) cached_bytes_ += size;
  return it->second;
}

std::shared_ptr<const FontSubset> PdfFont::Make(const std::u32string& chars, int level) const {
  if (chars.empty() || chars.size() > static_cast<size_t>(FontSubset::kMaxCodes)) return nullptr;
  auto subset = std::make_shared<FontSubset>();
  std::vector<uint16_t> glyphs;
  glyphs.reserve(chars.size());
  for (char32_t c : chars) {
    glyphs.push_back(program_->GlyphFor(c));
    subset->widths.push_back(program_->Width(glyphs.back()));
  }
  std::string program = make_program_ ? make_program_(chars, glyphs, FontSubset::kFirstCode)
                                      : program_->Subset(glyphs, FontSubset::kFirstCode);
  subset->program_length = program.size();
  if (program.empty() || !Deflate(program, level, &subset->program) ||
      !Deflate(ToUnicodeCMap(chars), level, &subset->to_unicode))
    return nullptr;
  subset->tag = SubsetTag(program_->postscript_name(), chars);
  return subset;
}

}  // namespace stdok
