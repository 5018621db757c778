#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace stdok {
namespace {

// Code points 0x80..0x9F of Windows-1252; 0 marks the five unassigned bytes.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       //
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Decodes the code point at *pos and advances past it (or past the ill-formed bytes, returning
// a negative value). ICU's macros take int32_t indices, so each call sees a window of <= 4 bytes.
UChar32 NextCodepoint(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + *pos);
  const int32_t window = static_cast<int32_t>(std::min<size_t>(text.size() - *pos, 4));
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, window, c);
  *pos += static_cast<size_t>(i);
  return c;
}

bool IsNoBreakSpace(char32_t c) { return c == 0x00A0 || c == 0x2007 || c == 0x202F; }

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (NextCodepoint(text, &pos) < 0) return false;
  }
  return true;
}

std::string NormalizeNfc(std::string_view text) {
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
  for (char32_t c : ToCodepoints(text)) {
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
    const UChar32 c = NextCodepoint(text, &pos);
    out += static_cast<char32_t>(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void AppendUtf8(char32_t codepoint, std::string* out) {
  if (codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF)) codepoint = 0xFFFD;
  if (codepoint < 0x80) {
    *out += static_cast<char>(codepoint);
  } else if (codepoint < 0x800) {
    *out += static_cast<char>(0xC0 | (codepoint >> 6));
    *out += static_cast<char>(0x80 | (codepoint & 0x3F));
  } else if (codepoint < 0x10000) {
    *out += static_cast<char>(0xE0 | (codepoint >> 12));
    *out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (codepoint & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (codepoint >> 18));
    *out += static_cast<char>(0x80 | ((codepoint >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (codepoint & 0x3F));
  }
}

bool ToCp1252(std::string_view utf8, std::string* out) {
  if (!IsValidUtf8(utf8)) return false;
  std::string result;
  result.reserve(utf8.size());
  for (char32_t c : ToCodepoints(utf8)) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
      result += static_cast<char>(c);
      continue;
    }
    int byte = -1;
    for (int i = 0; i < 32 && byte < 0; ++i) {
      if (kCp1252High[i] != 0 && kCp1252High[i] == c) byte = 0x80 + i;
    }
    if (byte < 0) return false;  // includes the C1 controls U+0080..U+009F
    result += static_cast<char>(byte);
  }
  *out = std::move(result);
  return true;
}

}  // namespace stdok
