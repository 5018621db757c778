#include "text/hyphenation.h"

#include <cstdlib>
#include <cstring>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "text/unicode.h"

namespace stdok {

namespace {
constexpr size_t kMinLetters = 6;
constexpr int kLeftMin = 2, kRightMin = 3;
}  // namespace

Hyphenator::Hyphenator(std::string path) : path_(std::move(path)) {
  dict_ = hnj_hyphen_load(path_.c_str());
}

Hyphenator::~Hyphenator() {
  if (dict_) hnj_hyphen_free(dict_);
}

std::vector<size_t> Hyphenator::Points(std::string_view word) const {
  std::vector<size_t> points;
  if (!dict_) return points;
  // The word in ISO 8859-1, as the patterns are, and each letter's byte offset in `word`.
  std::string latin1;
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < word.size();) {
    size_t at = pos;
    int32_t cp = NextUtf8(word, &pos);
    if (cp < 0 || cp > 0xFF || !u_isalpha(cp) || u_isupper(cp)) return points;
    latin1 += static_cast<char>(cp);
    offsets.push_back(at);
  }
  if (latin1.size() < kMinLetters) return points;
  std::vector<char> hyphens(latin1.size() + 5);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict_, latin1.data(), static_cast<int>(latin1.size()), hyphens.data(), nullptr,
                        &rep, &pos, &cut, kLeftMin, kRightMin, kLeftMin, kRightMin);
  for (size_t i = 0; i + 1 < latin1.size(); ++i) {
    bool standard = !rep || !rep[i];
    if ((hyphens[i] & 1) && standard && i + 1 >= kLeftMin && latin1.size() - i - 1 >= kRightMin)
      points.push_back(offsets[i + 1]);
  }
  if (rep) {
    for (size_t i = 0; i < latin1.size(); ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  return points;
}

const Hyphenator& Hyphenator::Swedish() {
  static const Hyphenator kSwedish([] {
    const char* over = std::getenv("STDOK_HYPHENATION_PATTERNS");
    return std::string(over && *over ? over : kSwedishPatterns);
  }());
  return kSwedish;
}

}  // namespace stdok
