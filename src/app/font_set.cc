#include "app/font_set.h"

#include <unicode/utf8.h>

#include "pdf/pdf_font.h"

namespace stdok {

bool FontSet::Load(const std::string& dir, FileSystem* fs, std::string* error) {
  const std::string paths[2] = {dir + "/LiberationSans-Regular.ttf", dir + "/LiberationSans-Bold.ttf"};
  std::shared_ptr<const FontFile>* fonts[2] = {&regular_, &bold_};
  for (int i = 0; i < 2; ++i) {
    std::string bytes, why;
    if (!fs->ReadFile(paths[i], &bytes, &why)) {
      *error = why;
      return false;
    }
    *fonts[i] = FontFile::Parse(std::move(bytes), &why);
    if (!*fonts[i]) {
      *error = paths[i] + ": " + why;
      return false;
    }
  }
  ascii_covered_ = true;
  for (char32_t c = 0x20; c < 0x7F; ++c) ascii_covered_ = ascii_covered_ && regular_->HasGlyph(c) && bold_->HasGlyph(c);
  pdf_fonts_ = PdfFonts{PdfFont::For(regular_), PdfFont::For(bold_)};
  return true;
}

double FontSet::Width(std::string_view text, FontFace face, double size) const {
  return (face == FontFace::kBold ? *bold_ : *regular_).Width(text, size);
}

bool FontSet::Covers(std::string_view text) const {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (ascii_covered_ && s[i] >= 0x20 && s[i] < 0x7F) {  // printable ASCII: checked at Load
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == '\n' || c == '\t') continue;
    if (!regular_->HasGlyph(static_cast<char32_t>(c)) || !bold_->HasGlyph(static_cast<char32_t>(c))) return false;
  }
  return true;
}

}  // namespace stdok
