#include "forms/text_fit.h"

#include "layout/line_breaker.h"
#include "text/grapheme.h"

namespace stdok {

std::vector<BrokenLine> BreakWithOffsets(std::string_view text, double width, FontFace face,
                                         double size, const TextMeasurer& measurer) {
  std::vector<BrokenLine> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view hard = text.substr(start, end - start);
    size_t cursor = 0;
    std::vector<std::string> lines = BreakLines(hard, width, face, size, measurer);
    if (lines.empty()) lines.emplace_back();
    for (std::string& line : lines) {
      size_t at = line.empty() ? cursor : hard.find(line, cursor);
      if (at == std::string_view::npos) at = cursor;
      cursor = std::min(hard.size(), at + line.size());
      out.push_back({std::move(line), start + cursor});
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::string RestAfter(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  while (offset < text.size() &&
         (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '\n'))
    ++offset;
  return std::string(text.substr(offset));
}

std::string Ellipsize(std::string_view text, double width, FontFace face, double size,
                      const TextMeasurer& measurer) {
  static const std::string kEllipsis = "…";
  std::string out(text);
  while (!out.empty() && measurer.Width(out + kEllipsis, face, size) > width) {
    out.resize(PreviousGraphemeBoundary(out, out.size()));  // a letter goes with its marks
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + kEllipsis;
}

}  // namespace stdok
