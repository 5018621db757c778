#include "records/source_text.h"

#include <algorithm>

namespace stdok {

SourceText::SourceText(std::string path, std::string_view text)
    : path_(std::move(path)), text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLocation SourceText::Locate(std::ptrdiff_t offset) const {
  SourceLocation loc{path_, 0, 0};
  if (offset < 0) return loc;
  size_t pos = std::min(static_cast<size_t>(offset), text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  int column = 1;
  for (size_t i = line_starts_[line_index]; i < pos; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  loc.line = static_cast<int>(line_index) + 1;
  loc.column = column;
  return loc;
}

}  // namespace stdok
