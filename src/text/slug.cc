#include "text/slug.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace stdok {
namespace {

constexpr size_t kMaxSlugBytes = 64;

// Transliterators are not thread-safe and slow to build, so each thread builds one, once.
// Returns nullptr if ICU lacks the transform (then only ASCII letters and digits survive).
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

std::string ToAsciiLower(std::string_view utf8) {
  // ASCII needs no transliteration (document ids, most folder names): skip ICU.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(utf8);
  icu::Transliterator* transliterator = ThreadTransliterator();
  if (transliterator == nullptr) return std::string(utf8);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator->transliterate(text);
  std::string out;
  return text.toUTF8String(out);
}

}  // namespace

std::string Slugify(std::string_view utf8) {
  std::string slug;
  bool pending_dash = false;
  for (char c : ToAsciiLower(utf8)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && !slug.empty()) slug += '-';
      if (slug.size() >= kMaxSlugBytes) break;
      slug += c;
      pending_dash = false;
    } else {
      pending_dash = true;  // any other run (space, punctuation, leftovers) becomes one '-'
    }
  }
  if (slug.size() > kMaxSlugBytes) slug.resize(kMaxSlugBytes);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "namnlos" : slug;
}

}  // namespace stdok
