// Line breaking with ICU's line BreakIterator (UAX #14, Swedish locale) and a greedy chooser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/text_measurer.h"

namespace stdok {

// Splits `text` into lines no wider than `max_width` points. '\n' forces a break. A word
// wider than the line (a long compound, an e-mail address) is broken between characters.
// Lines carry no trailing spaces. Empty text gives no lines.
std::vector<std::string> BreakLines(std::string_view text, double max_width, FontFace face,
                                    double size, const TextMeasurer& measurer);

}  // namespace stdok
