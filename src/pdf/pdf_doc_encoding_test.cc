#include "pdf/pdf_doc_encoding.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

TEST(PdfDocEncoding, LatinOneAndPunctuation) {
  std::string out;
  EXPECT_TRUE(EncodePdfDoc("ST-kontrakt – Åsa Öberg", &out));
  EXPECT_EQ(out, "ST-kontrakt \x85 \xC5sa \xD6" "berg");
  EXPECT_TRUE(EncodePdfDoc("”12 €” …", &out));
  EXPECT_EQ(out, "\x8E" "12 \xA0\x8E \x83");
}

TEST(PdfDocEncoding, OtherCharactersAreRefused) {
  std::string out;
  EXPECT_FALSE(EncodePdfDoc("Łukasz", &out));
  EXPECT_FALSE(EncodePdfDoc("Nguyễn", &out));
  EXPECT_FALSE(EncodePdfDoc("a\tb", &out));       // control characters have no code
  EXPECT_FALSE(EncodePdfDoc("soft\xC2\xAD" "hyphen", &out));  // U+00AD is undefined there
  EXPECT_FALSE(EncodePdfDoc("a\xFF", &out));      // not UTF-8: U+FFFD
}

}  // namespace
}  // namespace stdok
