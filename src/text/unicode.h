// UTF-8 text utilities built on ICU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stdok {

bool IsValidUtf8(std::string_view text);

// NFC-normalizes UTF-8 text. Invalid UTF-8 sequences become U+FFFD.
std::string NormalizeNfc(std::string_view text);

// Collapses runs of white space (incl. newlines) to one space and trims both ends.
std::string CollapseWhitespace(std::string_view text);

// Decodes UTF-8 into code points (U+FFFD for invalid sequences).
std::u32string ToCodepoints(std::string_view text);
void AppendUtf8(char32_t codepoint, std::string* out);

// The one UTF-8 decoder (ICU's U8_NEXT: no overlong forms, surrogates or values above
// U+10FFFF). Returns the code point at *pos and advances past it; an ill-formed sequence is
// skipped as one unit (its maximal valid prefix, at least one byte) and returns -1.
// REQUIRES: *pos < text.size().
int32_t NextUtf8(std::string_view text, size_t* pos);
// The offset just past the code point at `pos` (an ill-formed sequence counts as one).
// REQUIRES: pos < text.size().
size_t NextUtf8Boundary(std::string_view text, size_t pos);
// The offset where the code point that ends at `pos` starts (ICU's U8_BACK_1); 0 at 0.
size_t PreviousUtf8Boundary(std::string_view text, size_t pos);
// Offset of the first byte that is not part of well-formed UTF-8; npos when there is none.
size_t FirstInvalidUtf8(std::string_view text);

}  // namespace stdok
