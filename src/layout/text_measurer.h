// How wide text is. Layout depends only on this interface; tests use a fixed-width fake.
#pragma once

#include <string_view>

#include "layout/page.h"

namespace stdok {

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Width in points of UTF-8 `text` set in `face` at `size` points.
  virtual double Width(std::string_view text, FontFace face, double size) const = 0;
};

}  // namespace stdok
