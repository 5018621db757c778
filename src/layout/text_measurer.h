// How wide text is. Layout depends only on this interface; tests use a fixed-width fake.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "layout/page.h"

namespace stdok {

class TextMeasurer {
 public:
  TextMeasurer() : identity_(NewIdentity()) {}
  TextMeasurer(const TextMeasurer&) : identity_(NewIdentity()) {}
  TextMeasurer& operator=(const TextMeasurer&) {
    identity_ = NewIdentity();
    return *this;
  }
  virtual ~TextMeasurer() = default;
  // Width in points of UTF-8 `text` set in `face` at `size` points. The same arguments give the
  // same width for as long as the measurer lives (a measurer that loads fonts does so before
  // its first use): layout remembers lines it broke by identity().
  virtual double Width(std::string_view text, FontFace face, double size) const = 0;
  // This measurer's widths: never shared by two measurers (a copy or an assigned one gets a new
  // one) nor reused in a run, so lines broken with another measurer are never taken for its own.
  uint64_t identity() const { return identity_; }

 private:
  static uint64_t NewIdentity() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
  uint64_t identity_;
};

}  // namespace stdok
