#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace stdok {
namespace {

bool IsNoBreakSpace(char32_t c) { return c == 0x00A0 || c == 0x2007 || c == 0x202F; }

// The length of the leading run of ASCII bytes (most record text is ASCII throughout:
// dates, ids, codes), read 8 bytes at a time.
size_t AsciiPrefix(std::string_view text) {
  size_t pos = 0;
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  for (uint64_t word; pos + 8 <= text.size(); pos += 8) {
    std::memcpy(&word, text.data() + pos, 8);
    if (word & kHighBits) break;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

// White space among ASCII as u_isUWhiteSpace sees it: TAB, LF, VT, FF, CR and SPACE.
bool IsAsciiWhiteSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

// ICU's macros take int32_t indices, so each call sees a window of <= 4 bytes.
int32_t NextUtf8(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + *pos);
  const int32_t window = static_cast<int32_t>(std::min<size_t>(text.size() - *pos, 4));
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, window, c);
  *pos += static_cast<size_t>(i);
  return c;
}

size_t NextUtf8Boundary(std::string_view text, size_t pos) {
  NextUtf8(text, &pos);
  return pos;
}

size_t PreviousUtf8Boundary(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  // A code point is at most 4 bytes: look back over a window that holds the last one.
  const size_t start = pos > 4 ? pos - 4 : 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + start);
  int32_t i = static_cast<int32_t>(pos - start);
  U8_BACK_1(s, 0, i);
  return start + static_cast<size_t>(i);
}

size_t FirstInvalidUtf8(std::string_view text) {
  for (size_t pos = AsciiPrefix(text); pos < text.size(); pos += AsciiPrefix(text.substr(pos))) {
    const size_t at = pos;
    if (NextUtf8(text, &pos) < 0) return at;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view text) { return FirstInvalidUtf8(text) == std::string_view::npos; }

std::string NormalizeNfc(std::string_view text) {
  if (AsciiPrefix(text) == text.size()) return std::string(text);  // ASCII is its own NFC
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  if (U_FAILURE(status)) return input.toUTF8String(out);
  const icu::UnicodeString normalized = nfc->normalize(input, status);
  return U_FAILURE(status) ? input.toUTF8String(out) : normalized.toUTF8String(out);
}

// No-break spaces are deliberate (e.g. "12 500 kr"), so they are kept and not collapsed.
std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      const char c = text[pos++];
      if (IsAsciiWhiteSpace(c)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
      continue;
    }
    const int32_t decoded = NextUtf8(text, &pos);
    const char32_t c = decoded < 0 ? 0xFFFD : static_cast<char32_t>(decoded);
    if (u_isUWhiteSpace(static_cast<UChar32>(c)) && !IsNoBreakSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(c, &out);
  }
  return out;
}

std::u32string ToCodepoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const UChar32 c = NextUtf8(text, &pos);
    out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void AppendUtf8(char32_t codepoint, std::string* out) {
  if (codepoint > 0x10FFFF || U_IS_SURROGATE(codepoint)) codepoint = 0xFFFD;
  uint8_t bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(codepoint));
  out->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
}

}  // namespace stdok
