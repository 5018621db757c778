#include "xml/source_text.h"

#include <algorithm>
#include <cstdint>

#include <unicode/utf8.h>

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
  size_t from = line_starts_[line_index];
  int column = 1;
  if (line_index == cached_line_ && cached_pos_ >= from && cached_pos_ <= pos) {
    from = cached_pos_;
    column = cached_column_;
  }
  for (size_t i = from; i < pos; ++i)
    if (!U8_IS_TRAIL(static_cast<uint8_t>(text_[i]))) ++column;  // one column per code point
  cached_line_ = line_index;
  cached_pos_ = pos;
  cached_column_ = column;
  loc.line = static_cast<int>(line_index) + 1;
  loc.column = column;
  return loc;
}

}  // namespace stdok
