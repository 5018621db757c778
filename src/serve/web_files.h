// The files under web/ (pages, scripts, styles of `stdok serve`), built into the binary by
// cmake/embed_web.cmake.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace stdok {

struct EmbeddedFile {
  const char* path;  // relative to web/, '/'-separated: "index.html", "js/app.js"
  const unsigned char* data;
  std::size_t size;

  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Every file, sorted by path.
const std::vector<EmbeddedFile>& WebFiles();

}  // namespace stdok
