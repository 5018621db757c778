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
  bool hyphen = false;  // the line ends inside a word: a hyphen is drawn after it
};
// The width in points of text[begin, end), for text set in more than one face.
using LineWidth = std::function<double(size_t begin, size_t end)>;

// Hyphenation for justified text. When a word does not fit and the line without it would have
// to widen each of its spaces by more than `max_stretch` points (or has no space), the word is
// broken at the last of `points(word)` (byte offsets in the word) where its first part and a
// hyphen `hyphen_width(at)` wide still fit. A word is a run of letters between a space and
// punctuation; one holding anything else (a hyphen, a digit, a no-break space) is never broken.
struct Hyphenation {
  std::function<std::vector<size_t>(std::string_view word)> points;
  std::function<double(size_t at)> hyphen_width;  // at: a byte offset in the broken text
  double max_stretch = 0;
};

// BreakLines by byte ranges, with widths from `width`: the same rules, for styled text, and
// hyphenation when `hyphenation` is given.
std::vector<LineRange> BreakLineRanges(std::string_view text, double max_width,
                                       const LineWidth& width,
                                       const Hyphenation* hyphenation = nullptr);

std::vector<std::string> BreakLines(std::string_view text, double max_width, FontFace face,
                                    double size, const TextMeasurer& measurer);

}  // namespace stdok
