// Maps byte offsets in a loaded file to 1-based line:column (columns count code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace stdok {

class SourceText {
 public:
  SourceText(std::string path, std::string_view text);
  // Thread-safe: the last position located, remembered to stay linear on very long lines, is
  // remembered per thread (a records file's trainees are read again in the render's workers).
  SourceLocation Locate(std::ptrdiff_t offset) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string_view text_;
  std::vector<size_t> line_starts_;
  // Which SourceText this is, for the per-thread memory of the last position located: offsets
  // are mostly asked for in increasing order, and a minified file can be one line of megabytes,
  // so columns continue from there.
  std::uint64_t serial_;
};

}  // namespace stdok
