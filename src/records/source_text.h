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
  SourceLocation Locate(std::ptrdiff_t offset) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace stdok
