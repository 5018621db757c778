// Hyphenation points of Swedish words: libhyphen with the patterns of Debian's hyphen-sv
// (docs/design.md, "Libraries"). Read only when a template asks for hyphenation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace stdok {

// Where Debian's hyphen-sv puts the Swedish patterns; STDOK_HYPHENATION_PATTERNS overrides it.
inline constexpr const char* kSwedishPatterns = "/usr/share/hyphen/hyph_sv_SE.dic";

class Hyphenator {
 public:
  // Loads libhyphen patterns (an ISO 8859-1 .dic file); ok() is false when they cannot be read.
  explicit Hyphenator(std::string path);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool ok() const { return dict_ != nullptr; }
  const std::string& path() const { return path_; }

  // Byte offsets inside the UTF-8 `word` where a hyphen may break it, ascending. Empty for a
  // word of fewer than 6 letters, one with a capital anywhere (a name, an abbreviation), one
  // holding anything but letters of ISO 8859-1 (digits, hyphens, marks, so never inside a
  // grapheme cluster), and when ok() is false. At least 2 letters stay before a point and 3
  // after it; the patterns' non-standard breaks ("buss-station" spelt out again) are skipped.
  // Safe to call from several threads.
  std::vector<size_t> Points(std::string_view word) const;

  // The Swedish patterns (kSwedishPatterns), loaded once on first use.
  static const Hyphenator& Swedish();

 private:
  std::string path_;
  HyphenDict* dict_ = nullptr;
};

}  // namespace stdok
