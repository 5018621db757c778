#include "app/font_set.h"

#include <unicode/utf8.h>

#include "pdf/pdf_font.h"

namespace stdok {

bool FontSet::Load(const std::string& dir, FileSystem* fs, std::string* error) {
  static const char* const kFiles[4] = {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                                        "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"};
  for (int i = 0; i < 4; ++i) {
    const std::string path = dir + "/" + kFiles[i];
    std::string bytes, why;
    if (!fs->ReadFile(path, &bytes, &why)) {
      if (i >= 2) {  // a folder without italics (an older --fonts folder): <i> prints upright
        faces_[i] = faces_[i - 2];
        continue;
      }
      *error = why;
      return false;
    }
    faces_[i] = FontFile::Parse(std::move(bytes), &why);
    if (!faces_[i]) {
      *error = path + ": " + why;
      return false;
    }
  }
  auto covered = [this](char32_t c) {
    for (const auto& face : faces_)
      if (!face->HasGlyph(c)) return false;
    return true;
  };
  ascii_covered_ = true;
  for (char32_t c = 0x20; c < 0x7F; ++c) ascii_covered_ = ascii_covered_ && covered(c);
  pdf_fonts_ = PdfFonts{PdfFont::For(faces_[0]), PdfFont::For(faces_[1]), PdfFont::For(faces_[2]),
                        PdfFont::For(faces_[3])};
  return true;
}

double FontSet::Width(std::string_view text, FontFace face, double size) const {
  return faces_[static_cast<int>(face)]->Width(text, size);
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
    for (const auto& face : faces_)
      if (!face->HasGlyph(static_cast<char32_t>(c))) return false;
  }
  return true;
}

}  // namespace stdok
