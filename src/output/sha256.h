// SHA-256 (FIPS 180-4) for the manifest's checksums, computed by OpenSSL's libcrypto.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

// Lower-case hex digest of `data` (64 characters); empty only if libcrypto fails to allocate.
std::string Sha256Hex(std::string_view data);

}  // namespace stdok
