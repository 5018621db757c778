// FlateDecode (zlib format) compression for PDF streams with libdeflate, one compressor per
// thread and level, made once and reused (docs/design.md, "Libraries").
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// libdeflate's levels: 1 fastest, 12 smallest (its 9 already compresses better than zlib's 9).
inline constexpr int kMinDeflateLevel = 1;
inline constexpr int kMaxDeflateLevel = 12;

// Replaces *out with `in` compressed at `level` (zlib format). False when `level` is outside
// kMinDeflateLevel..kMaxDeflateLevel or libdeflate fails.
bool Deflate(std::string_view in, int level, std::string* out);

}  // namespace stdok
