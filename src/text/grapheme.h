// User-perceived characters (extended grapheme clusters, UAX #29) by ICU's character
// BreakIterator: a letter with its combining marks ("n̈", "ệ́") is one, so text broken or cut
// at these boundaries never separates a mark from its letter.
#pragma once

#include <cstddef>
#include <string_view>

namespace stdok {

// The first grapheme boundary after byte `at` of UTF-8 `text` (text.size() at the end).
// REQUIRES: at < text.size(). Ill-formed UTF-8 is taken byte by byte as U+FFFD.
size_t NextGraphemeBoundary(std::string_view text, size_t at);

// The last grapheme boundary before byte `at` (0 at the start). REQUIRES: 0 < at <= text.size().
size_t PreviousGraphemeBoundary(std::string_view text, size_t at);

}  // namespace stdok
