// Single-byte code pages for PDF simple fonts. libharu's UTF-8 (CID) font costs ten times the
// time of a simple font, so text is set in the first code page that holds all of it.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// In order of preference. The names are libharu's encoding names.
enum class Codepage { kWinAnsi, kCp1250, kIso8859_16, kCp1254, kCp1257, kCp1253, kCp1251, kCount };

const char* HaruEncodingName(Codepage codepage);

// Encodes UTF-8 `text` in `codepage`; false (and *out unspecified) when some character has no
// code there. Thread-safe.
bool EncodeCodepage(Codepage codepage, std::string_view text, std::string* out);

// The first code page that holds all of `text`, encoding it into *out; kCount when none does
// (the text needs the UTF-8 font).
Codepage ChooseCodepage(std::string_view text, std::string* out);

// PDFDocEncoding (for document information strings), or false when some character has no
// code there.
bool EncodePdfDoc(std::string_view text, std::string* out);

}  // namespace stdok
