#include "output/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace stdok {
namespace {

// Test vectors from FIPS 180-4's examples (NIST CSRC "SHA256.pdf") and NIST's SHAVS.
TEST(Sha256, EmptyMessage) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, OneBlockMessageAbc) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlockMessage448Bits) {
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, OneMillionTimesA) {
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, BinaryBytesAreHashedAsIs) {
  // NUL bytes inside the data count (a PDF is binary); the digest of one NUL byte.
  EXPECT_EQ(Sha256Hex(std::string(1, '\0')),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

// A file written part by part gets the digest of its whole bytes, however the parts fall.
TEST(Sha256, PartsGiveTheDigestOfTheWhole) {
  Sha256 parts;
  for (int i = 0; i < 1000; ++i) parts.Add(std::string(i % 2 ? 999 : 1001, 'a'));
  EXPECT_EQ(parts.Hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256 none;
  EXPECT_EQ(none.Hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace stdok
