// A measurer where every character is `advance` x size / 1000 points wide: for layout tests.
#pragma once

#include "layout/text_measurer.h"

namespace stdok {

class FixedWidthMeasurer : public TextMeasurer {
 public:
  explicit FixedWidthMeasurer(double advance = 500) : advance_(advance) {}
  double Width(std::string_view text, FontFace, double size) const override {
    size_t chars = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) ++chars;
    return static_cast<double>(chars) * advance_ * size / 1000.0;
  }

 private:
  double advance_;
};

}  // namespace stdok
