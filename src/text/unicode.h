// UTF-8 text utilities built on ICU.
#pragma once

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

// The text in Windows-1252 (PDF WinAnsiEncoding) if every character has a code there.
bool ToCp1252(std::string_view utf8, std::string* out);

}  // namespace stdok
