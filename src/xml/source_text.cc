#include "xml/source_text.h"

#include <algorithm>
#include <atomic>
#include <cstdint>

#include <unicode/utf8.h>

namespace stdok {

namespace {

std::atomic<std::uint64_t> next_serial{1};

struct LastPosition {
  std::uint64_t serial = 0;  // of the SourceText it was located in
  size_t line = 0;
  size_t pos = 0;
  int column = 1;
};
thread_local LastPosition last;

}  // namespace

SourceText::SourceText(std::string path, std::string_view text)
    : path_(std::move(path)), text_(text), serial_(next_serial++) {
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
  if (last.serial == serial_ && line_index == last.line && last.pos >= from && last.pos <= pos) {
    from = last.pos;
    column = last.column;
  }
  for (size_t i = from; i < pos; ++i)
    if (!U8_IS_TRAIL(static_cast<uint8_t>(text_[i]))) ++column;  // one column per code point
  last = {serial_, line_index, pos, column};
  loc.line = static_cast<int>(line_index) + 1;
  loc.column = column;
  return loc;
}

}  // namespace stdok
