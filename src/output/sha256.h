// SHA-256 (FIPS 180-4) for the manifest's checksums.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace stdok
