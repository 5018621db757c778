#include "pdf/pdf_font.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

namespace stdok {
namespace {

std::shared_ptr<const PdfFont> Regular() {
  std::ifstream in(STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  std::string error;
  auto font = PdfFont::Load(s.str(), &error);
  EXPECT_TRUE(font) << error;
  return font;
}

std::string Inflate(const std::string& data, size_t size) {
  std::string out(size, '\0');
  uLongf n = size;
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(data.data()),
                 data.size()) != Z_OK)
    return "";
  out.resize(n);
  return out;
}

// A subset is compressed fast the first time, as small as it gets once it is asked for again,
// and the same bytes either way.
TEST(PdfFont, ASubsetAskedForAgainIsCompressedSmaller) {
  auto font = Regular();
  ASSERT_TRUE(font);
  const std::u32string chars = U" ,.0123456789:ABCDEFGHIJKLMNOPRSTUVÅÄÖabcdefghijklmnoprstuvxyzåäö–";
  auto first = font->Subset(chars);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->level, PdfFont::kFirstLevel);
  auto second = font->Subset(chars);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->level, PdfFont::kReusedLevel);
  EXPECT_LT(second->program.size(), first->program.size());
  EXPECT_LE(second->to_unicode.size(), first->to_unicode.size());
  EXPECT_EQ(second->tag, first->tag);
  EXPECT_EQ(second->widths, first->widths);
  EXPECT_EQ(Inflate(second->program, second->program_length), Inflate(first->program, first->program_length));
  EXPECT_EQ(Inflate(second->program, second->program_length).size(), first->program_length);
  EXPECT_EQ(Inflate(second->to_unicode, 1 << 16), Inflate(first->to_unicode, 1 << 16));
  EXPECT_EQ(font->Subset(chars), second) << "from the cache from now on";
  font->ClearCache();
  EXPECT_EQ(font->Subset(chars)->level, PdfFont::kFirstLevel);
}

}  // namespace
}  // namespace stdok
