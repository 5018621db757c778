// Line breaking with ICU's line BreakIterator (UAX #14, Swedish locale) and a greedy chooser.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/text_measurer.h"

namespace stdok {

// Splits `text` into lines no wider than `max_width` points. '\n' forces a break. Besides
// ICU's rules, a line never breaks right after the hyphen of 1-4 capitals ("ST-läkarens",
// "BT-chefen", "HSLF-FS") nor inside a parenthesised token without spaces ("(ÅÅÅÅ-MM-DD)",
// "(ååmmdd-ååmmdd)"); no-break spaces ("12 000 kr") never break. A word
// wider than the line (a long compound, an e-mail address) is broken between characters.
// Lines carry no trailing spaces. Empty text gives no lines.
// A line as the byte range [begin, end) of the text it was broken from.
struct LineRange {
  size_t begin = 0, end = 0;
};
// The width in points of text[begin, end), for text set in more than one face.
using LineWidth = std::function<double(size_t begin, size_t end)>;

// BreakLines by byte ranges, with widths from `width`: the same rules, for styled text.
std::vector<LineRange> BreakLineRanges(std::string_view text, double max_width,
                                       const LineWidth& width);

std::vector<std::string> BreakLines(std::string_view text, double max_width, FontFace face,
                                    double size, const TextMeasurer& measurer);

}  // namespace stdok
