// Swedish collation (å, ä, ö after z; v and w distinct), per ICU's "sv" locale.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// <0, 0, >0 as a sorts before, equal to, after b. Thread-safe (one collator per thread).
int SwedishCompare(std::string_view a, std::string_view b);

inline bool SwedishLess(std::string_view a, std::string_view b) { return SwedishCompare(a, b) < 0; }

}  // namespace stdok
