// PDFDocEncoding (PDF 1.4, appendix D), for the document information strings (title, author).
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// The UTF-8 `text` in PDFDocEncoding, or false when some character has no code there (the
// caller then writes UTF-16BE).
bool EncodePdfDoc(std::string_view text, std::string* out);

}  // namespace stdok
