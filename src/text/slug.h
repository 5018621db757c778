// File-system-safe names from people's names, via ICU transliteration.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// "Łukasz Żółkiewski" -> "lukasz-zolkiewski"; "Nguyễn Thị Hồng" -> "nguyen-thi-hong".
// Output holds only [a-z0-9-], no leading/trailing/double '-', at most 64 bytes, never
// empty ("namnlos" when nothing is left), never "." or "..": safe as one path component.
std::string Slugify(std::string_view utf8);

}  // namespace stdok
