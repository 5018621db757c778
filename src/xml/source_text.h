// Maps byte offsets in a loaded file to 1-based line:column (columns count code points).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace stdok {

class SourceText {
 public:
  SourceText(std::string path, std::string_view text);
  // Not thread-safe (it remembers the last position to stay linear on very long lines).
  SourceLocation Locate(std::ptrdiff_t offset) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string_view text_;
  std::vector<size_t> line_starts_;
  // The last position located: offsets are mostly asked for in increasing order, and a
  // minified file can be one line of megabytes, so columns continue from here.
  mutable size_t cached_line_ = 0;
  mutable size_t cached_pos_ = 0;
  mutable int cached_column_ = 1;
};

}  // namespace stdok
