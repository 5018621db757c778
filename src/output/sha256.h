// SHA-256 (FIPS 180-4) for the manifest's checksums, computed by OpenSSL's libcrypto.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace stdok {

// Lower-case hex digest of `data` (64 characters); empty only if libcrypto fails to allocate.
std::string Sha256Hex(std::string_view data);

// The same digest of data given in parts (a file written part by part): Add each part in
// order, then Hex once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Add(std::string_view part);
  // Lower-case hex digest of every part added; empty if libcrypto failed.
  std::string Hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace stdok
