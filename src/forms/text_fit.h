// Breaking a value into lines while remembering where each line ends in the source, so that
// what does not fit a box can continue elsewhere with nothing lost.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/text_measurer.h"

namespace stdok {

// Liberation Sans vertical metrics, per em.
inline constexpr double kFontAscent = 0.905;
inline constexpr double kFontDescent = 0.212;
inline constexpr double kFontCapHeight = 0.729;

struct BrokenLine {
  std::string text;
  size_t end = 0;  // byte offset in the source just after this line
};

// BreakLines (ICU, '\n' forces a break; a blank line stays an empty line) with offsets.
std::vector<BrokenLine> BreakWithOffsets(std::string_view text, double width, FontFace face,
                                         double size, const TextMeasurer& measurer);

// The source after `offset` with leading white space and line breaks removed.
std::string RestAfter(std::string_view text, size_t offset);

// `text` cut to `width` with a trailing "…".
std::string Ellipsize(std::string_view text, double width, FontFace face, double size,
                      const TextMeasurer& measurer);

}  // namespace stdok
