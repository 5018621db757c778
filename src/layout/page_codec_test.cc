#include "layout/page_codec.h"

#include <gtest/gtest.h>

#include <memory>

#include "image/raster_image.h"

namespace stdok {
namespace {

std::vector<Page> SamplePages(const std::shared_ptr<const RasterImage>& logo) {
  Page first;
  first.texts.push_back({56.692913385826778, 775.26600000000001, FontFace::kBold, 16, "ST-kontrakt"});
  first.texts.push_back({0.1, 0.2, FontFace::kBoldItalic, 7.5, "Łukasz Ștefan Nguyễn – åäö"});
  first.texts.push_back({1, 2, FontFace::kRegular, 10, ""});
  first.watermark = "UTKAST – ej för underskrift";
  first.lines.push_back({1.5, 2.5, 3.5, 4.5, 0.4});
  first.rectangles.push_back({10, 20, 30, 40, 0.7});
  first.shades.push_back({5, 6, 7, 8, 0.9});
  first.images.push_back({logo, 447.874, 799.37, 90.709, 22.677});
  first.images.push_back({nullptr, 1, 2, 3, 4});
  first.widgets.push_back({"Signatur_ST_lakare", 56.7, 357.4, 212.6, 34.0});
  Page blank;
  Page second;
  second.images.push_back({logo, 0, 0, 10, 10});
  return {first, blank, second};
}

void ExpectSame(const std::vector<Page>& a, const std::vector<Page>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t p = 0; p < a.size(); ++p) {
    SCOPED_TRACE(p);
    ASSERT_EQ(a[p].texts.size(), b[p].texts.size());
    for (size_t i = 0; i < a[p].texts.size(); ++i) {
      EXPECT_EQ(a[p].texts[i].x, b[p].texts[i].x);  // exactly: the pack's PDF must not move
      EXPECT_EQ(a[p].texts[i].baseline, b[p].texts[i].baseline);
      EXPECT_EQ(a[p].texts[i].face, b[p].texts[i].face);
      EXPECT_EQ(a[p].texts[i].size, b[p].texts[i].size);
      EXPECT_EQ(a[p].texts[i].text, b[p].texts[i].text);
    }
    EXPECT_EQ(a[p].watermark, b[p].watermark);
    ASSERT_EQ(a[p].lines.size(), b[p].lines.size());
    for (size_t i = 0; i < a[p].lines.size(); ++i) {
      EXPECT_EQ(a[p].lines[i].x1, b[p].lines[i].x1);
      EXPECT_EQ(a[p].lines[i].y2, b[p].lines[i].y2);
      EXPECT_EQ(a[p].lines[i].width, b[p].lines[i].width);
    }
    ASSERT_EQ(a[p].rectangles.size(), b[p].rectangles.size());
    for (size_t i = 0; i < a[p].rectangles.size(); ++i) {
      EXPECT_EQ(a[p].rectangles[i].h, b[p].rectangles[i].h);
      EXPECT_EQ(a[p].rectangles[i].line_width, b[p].rectangles[i].line_width);
    }
    ASSERT_EQ(a[p].shades.size(), b[p].shades.size());
    for (size_t i = 0; i < a[p].shades.size(); ++i) { EXPECT_EQ(a[p].shades[i].gray, b[p].shades[i].gray); EXPECT_EQ(a[p].shades[i].w, b[p].shades[i].w); }
    ASSERT_EQ(a[p].images.size(), b[p].images.size());
    for (size_t i = 0; i < a[p].images.size(); ++i) {
      EXPECT_EQ(a[p].images[i].image, b[p].images[i].image);  // the same image, not a copy
      EXPECT_EQ(a[p].images[i].w, b[p].images[i].w);
    }
    ASSERT_EQ(a[p].widgets.size(), b[p].widgets.size());
    for (size_t i = 0; i < a[p].widgets.size(); ++i) {
      EXPECT_EQ(a[p].widgets[i].name, b[p].widgets[i].name);
      EXPECT_EQ(a[p].widgets[i].y, b[p].widgets[i].y);
    }
  }
}

TEST(PageCodec, PagesComeBackExactlyAsTheyWere) {
  auto logo = std::make_shared<RasterImage>();
  const std::vector<Page> pages = SamplePages(logo);
  ImageTable images;
  std::string bytes;
  EncodePages(pages, &images, &bytes);
  EncodePages({}, &images, &bytes);  // a second document after the first
  EXPECT_EQ(images.At(0), logo);
  EXPECT_EQ(images.At(1), nullptr);

  std::vector<Page> back;
  ASSERT_FALSE(DecodePages(bytes, images, &back)) << "two documents are not one";
  const size_t first = bytes.size() - 4;  // the empty document is its page count
  ASSERT_TRUE(DecodePages(std::string_view(bytes).substr(0, first), images, &back));
  ExpectSame(back, pages);
  ASSERT_TRUE(DecodePages(std::string_view(bytes).substr(first), images, &back));
  EXPECT_TRUE(back.empty());
}

TEST(PageCodec, DamagedBytesAreRefused) {
  auto logo = std::make_shared<RasterImage>();
  ImageTable images;
  std::string bytes;
  EncodePages(SamplePages(logo), &images, &bytes);
  std::vector<Page> back;
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(DecodePages(std::string_view(bytes).substr(0, cut), images, &back)) << cut;
  ImageTable none;  // the logo's index means nothing here
  EXPECT_FALSE(DecodePages(bytes, none, &back));
  std::string huge = bytes;
  huge[0] = '\xFF';  // a page count beyond the bytes
  EXPECT_FALSE(DecodePages(huge, images, &back));
}

}  // namespace
}  // namespace stdok
