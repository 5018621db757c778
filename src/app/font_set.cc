#include "app/font_set.h"

#include "text/unicode.h"

namespace stdok {

bool FontSet::Load(const std::string& dir, FileSystem* fs, std::string* error) {
  files_.regular = dir + "/LiberationSans-Regular.ttf";
  files_.bold = dir + "/LiberationSans-Bold.ttf";
  files_.latin1_regular = dir + "/LiberationSans-Latin1-Regular.ttf";
  files_.latin1_bold = dir + "/LiberationSans-Latin1-Bold.ttf";
  for (std::string* optional : {&files_.latin1_regular, &files_.latin1_bold}) {
    std::string ignored, why;
    if (!fs->ReadFile(*optional, &ignored, &why)) optional->clear();  // fall back to the full set
  }
  for (auto [path, metrics] : {std::pair{&files_.regular, &regular_}, std::pair{&files_.bold, &bold_}}) {
    std::string bytes, why;
    if (!fs->ReadFile(*path, &bytes, &why)) {
      *error = why;
      return false;
    }
    if (!FontMetrics::Parse(bytes, metrics, &why)) {
      *error = *path + ": " + why;
      return false;
    }
  }
  return true;
}

double FontSet::Width(std::string_view text, FontFace face, double size) const {
  return (face == FontFace::kBold ? bold_ : regular_).Width(text, size);
}

bool FontSet::Covers(std::string_view text) const {
  for (char32_t c : ToCodepoints(text)) {
    if (c == '\n' || c == '\t') continue;
    if (!regular_.HasGlyph(c) || !bold_.HasGlyph(c)) return false;
  }
  return true;
}

}  // namespace stdok
