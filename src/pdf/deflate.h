// zlib (FlateDecode) compression for PDF streams, with one compressor per thread and level that
// is reset rather than rebuilt for every stream. Internal to pdf/.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// Replaces *out with `in` compressed at `level` (zlib format, 1-9). False on a zlib error.
bool Deflate(std::string_view in, int level, std::string* out);

}  // namespace stdok
