#include "text/codepage.h"

#include <array>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include "text/unicode.h"

namespace stdok {
namespace {

const char* IcuName(Codepage c) {
  switch (c) {
    case Codepage::kWinAnsi: return "windows-1252";
    case Codepage::kCp1250: return "windows-1250";
    case Codepage::kIso8859_16: return "iso-8859-16";
    case Codepage::kCp1254: return "windows-1254";
    case Codepage::kCp1257: return "windows-1257";
    case Codepage::kCp1253: return "windows-1253";
    case Codepage::kCp1251: return "windows-1251";
    case Codepage::kCount: break;
  }
  return "";
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// One converter per code page and thread, failing on any unmappable character.
UConverter* Converter(Codepage c) {
  thread_local std::array<std::unique_ptr<UConverter, ConverterCloser>, static_cast<size_t>(Codepage::kCount)> cache;
  auto& slot = cache[static_cast<size_t>(c)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(IcuName(c), &status);
    if (U_FAILURE(status)) return nullptr;
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    slot.reset(converter);
  }
  return slot.get();
}

}  // namespace

const char* HaruEncodingName(Codepage c) {
  switch (c) {
    case Codepage::kWinAnsi: return "WinAnsiEncoding";
    case Codepage::kCp1250: return "CP1250";
    case Codepage::kIso8859_16: return "ISO8859-16";
    case Codepage::kCp1254: return "CP1254";
    case Codepage::kCp1257: return "CP1257";
    case Codepage::kCp1253: return "CP1253";
    case Codepage::kCp1251: return "CP1251";
    case Codepage::kCount: break;
  }
  return "";
}

namespace {

// ISO 8859-16 (South-Eastern European: Romanian Ș ș Ț ț with comma below); ICU's data has
// no converter for it. Bytes 0xA0-0xFF; below that it is ASCII.
constexpr char16_t kIso8859_16High[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB,
    0x0179, 0x00AD, 0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A, 0x0170, 0x00D9, 0x00DA, 0x00DB,
    0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF};

bool EncodeIso8859_16(std::string_view text, std::string* out) {
  out->clear();
  for (char32_t c : ToCodepoints(text)) {
    if (c >= 0x20 && c < 0x7F) {
      *out += static_cast<char>(c);
      continue;
    }
    int found = -1;
    for (int i = 0; i < 96 && found < 0; ++i)
      if (kIso8859_16High[i] == c) found = i;
    if (found < 0) return false;
    *out += static_cast<char>(0xA0 + found);
  }
  return true;
}

}  // namespace

bool EncodeCodepage(Codepage codepage, std::string_view text, std::string* out) {
  if (codepage == Codepage::kWinAnsi) return ToCp1252(text, out);
  if (codepage == Codepage::kIso8859_16) return EncodeIso8859_16(text, out);
  UConverter* converter = Converter(codepage);
  if (!converter) return false;
  std::u16string utf16;
  for (char32_t c : ToCodepoints(text)) {
    if (c == 0xFFFD) return false;
    if (c < 0x10000) {
      utf16 += static_cast<char16_t>(c);
    } else {
      return false;  // no single-byte code page has characters beyond the BMP
    }
  }
  out->resize(utf16.size() * 2 + 8);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(converter);
  int32_t n = ucnv_fromUChars(converter, out->data(), static_cast<int32_t>(out->size()),
                              reinterpret_cast<const UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
                              &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return false;
  out->resize(static_cast<size_t>(n));
  // Control codes have no glyphs; a converter may map them 1:1, which is not wanted here.
  for (unsigned char b : *out)
    if (b < 0x20) return false;
  return true;
}

Codepage ChooseCodepage(std::string_view text, std::string* out) {
  for (int i = 0; i < static_cast<int>(Codepage::kCount); ++i) {
    auto c = static_cast<Codepage>(i);
    if (EncodeCodepage(c, text, out)) return c;
  }
  return Codepage::kCount;
}

bool EncodePdfDoc(std::string_view text, std::string* out) {
  out->clear();
  for (char32_t c : ToCodepoints(text)) {
    unsigned char b;
    if (c >= 0x20 && c < 0x7F) b = static_cast<unsigned char>(c);
    else if (c >= 0xA1 && c <= 0xFF && c != 0xAD) b = static_cast<unsigned char>(c);
    else if (c == 0x2022) b = 0x80;  // bullet
    else if (c == 0x2026) b = 0x83;  // ellipsis
    else if (c == 0x2014) b = 0x84;  // em dash
    else if (c == 0x2013) b = 0x85;  // en dash
    else if (c == 0x2018) b = 0x8F;
    else if (c == 0x2019) b = 0x90;
    else if (c == 0x201C) b = 0x8D;
    else if (c == 0x201D) b = 0x8E;
    else if (c == 0x20AC) b = 0xA0;  // euro
    else return false;
    *out += static_cast<char>(b);
  }
  return true;
}

}  // namespace stdok
