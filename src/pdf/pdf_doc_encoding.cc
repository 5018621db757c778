#include "pdf/pdf_doc_encoding.h"

#include "text/unicode.h"

namespace stdok {

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
