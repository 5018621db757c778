#include "image/raster_image.h"

#include <gtest/gtest.h>
#include <png.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace stdok {
namespace {

// A PNG written by libpng: `format` is a png_image format (PNG_FORMAT_RGBA …), pixels as given.
std::string Png(int width, int height, png_uint_32 format, const std::vector<unsigned char>& pixels) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = format;
  png_alloc_size_t size = 0;
  EXPECT_TRUE(png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr));
  std::string bytes(size, '\0');
  EXPECT_TRUE(png_image_write_to_memory(&image, bytes.data(), &size, 0, pixels.data(), 0, nullptr));
  bytes.resize(size);
  return bytes;
}

std::string Inflate(const std::string& data, size_t size) {
  std::string out(size, '\0');
  uLongf n = size;
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(data.data()),
                       data.size()),
            Z_OK);
  out.resize(n);
  return out;
}

// The colours of an image's pixels, `components` bytes each, as a PDF reader sees them: the
// inflated rows, or with a palette the entries its packed indices name.
std::string Pixels(const RasterImage& image) {
  const size_t pixels = static_cast<size_t>(image.width) * image.height;
  if (image.palette.empty()) return Inflate(image.data, pixels * image.components);
  const size_t row_bytes = (static_cast<size_t>(image.width) * image.bits + 7) / 8;
  const std::string rows = Inflate(image.data, row_bytes * image.height);
  std::string out;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const size_t bit = static_cast<size_t>(x) * image.bits;
      const unsigned byte = static_cast<unsigned char>(rows[y * row_bytes + bit / 8]);
      const unsigned index = (byte >> (8 - image.bits - bit % 8)) & ((1u << image.bits) - 1);
      EXPECT_LT((index + 1) * image.components, image.palette.size() + 1);
      out += image.palette.substr(index * image.components, image.components);
    }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RasterImage, RgbPngBecomesDeflatedRows) {
  const std::vector<unsigned char> pixels = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
  RasterImage image;
  std::string error;
  ASSERT_TRUE(ReadRasterImage(Png(2, 2, PNG_FORMAT_RGB, pixels), &image, &error)) << error;
  EXPECT_EQ(image.encoding, RasterImage::Encoding::kDeflatedPixels);
  EXPECT_EQ(image.width, 2);
  EXPECT_EQ(image.height, 2);
  EXPECT_EQ(image.components, 3);
  EXPECT_FALSE(image.flattened);
  EXPECT_EQ(Pixels(image), std::string(pixels.begin(), pixels.end()));
}

TEST(RasterImage, GrayStaysGray) {
  RasterImage image;
  std::string error;
  ASSERT_TRUE(ReadRasterImage(Png(3, 1, PNG_FORMAT_GRAY, {0, 128, 255}), &image, &error)) << error;
  EXPECT_EQ(image.components, 1);
  EXPECT_EQ(Pixels(image), std::string("\x00\x80\xFF", 3));
}

// PDF/A-1 has no soft masks: transparency is composited onto white, the paper.
TEST(RasterImage, TransparencyIsFlattenedOntoWhite) {
  const std::vector<unsigned char> pixels = {0, 0, 0, 255,  0, 0, 0, 0,  200, 0, 0, 128};
  RasterImage image;
  std::string error;
  ASSERT_TRUE(ReadRasterImage(Png(3, 1, PNG_FORMAT_RGBA, pixels), &image, &error)) << error;
  EXPECT_TRUE(image.flattened);
  EXPECT_EQ(image.components, 3);
  const std::string rgb = Pixels(image);
  EXPECT_EQ(rgb.substr(0, 3), std::string("\x00\x00\x00", 3)) << "opaque black stays black";
  EXPECT_EQ(rgb.substr(3, 3), "\xFF\xFF\xFF") << "fully transparent becomes white";
  // Half-transparent red over white, blended in sRGB values as a browser does: (200·128 + 255·127) / 255 ≈ 227.
  EXPECT_EQ(rgb.substr(6, 3), "\xE3\x7F\x7F");
}

// What libpng reads from a PNG as 8-bit gray or RGB: the pixels a RasterImage must show.
std::string PngPixels(const std::string& png, bool color) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  EXPECT_TRUE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
  image.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  std::string pixels(PNG_IMAGE_SIZE(image), '\0');
  EXPECT_TRUE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
  return pixels;
}

// A logo of few colours becomes palette indices when that is smaller: the placeholder logo
// (480×120, 3 greys) at 2 bits a pixel.
TEST(RasterImage, FewColoursBecomeAPaletteWhenSmaller) {
  const std::string logo = ReadFile(std::string(STDOK_SOURCE_DIR) + "/templates/logo.png");
  ASSERT_FALSE(logo.empty());
  RasterImage image;
  std::string error;
  ASSERT_TRUE(ReadRasterImage(logo, &image, &error)) << error;
  EXPECT_EQ(image.components, 1);
  EXPECT_EQ(image.bits, 2);
  EXPECT_EQ(image.palette.size(), 3u);
  EXPECT_EQ(Pixels(image), PngPixels(logo, false));
  EXPECT_LT(image.data.size() + image.palette.size(), 300u);

  // Colour, an odd width (rows padded to a byte), 5 colours: 4 bits.
  const int w = 45, h = 30;
  const unsigned char colours[5][3] = {{200, 16, 46}, {0, 0, 0}, {255, 255, 255}, {0, 90, 160}, {250, 200, 0}};
  std::vector<unsigned char> rgb;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) rgb.insert(rgb.end(), colours[(x * x + 3 * y) % 5], colours[(x * x + 3 * y) % 5] + 3);
  ASSERT_TRUE(ReadRasterImage(Png(w, h, PNG_FORMAT_RGB, rgb), &image, &error)) << error;
  EXPECT_EQ(image.bits, 4);
  EXPECT_EQ(image.palette.size(), 15u);
  EXPECT_EQ(Pixels(image), std::string(rgb.begin(), rgb.end()));

  // 256 grey levels of noise: no smaller as indices, kept as grey pixels.
  std::vector<unsigned char> noise(240 * 60);
  for (size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<unsigned char>((i * 2654435761u) >> 13);
  ASSERT_TRUE(ReadRasterImage(Png(240, 60, PNG_FORMAT_GRAY, noise), &image, &error)) << error;
  EXPECT_TRUE(image.palette.empty());
  EXPECT_EQ(image.bits, 8);
  EXPECT_EQ(Pixels(image), std::string(noise.begin(), noise.end()));
}

TEST(RasterImage, JpegIsKeptAsItIs) {
  for (const auto& [name, components] : {std::pair<const char*, int>{"rgb.jpg", 3}, {"gray.jpg", 1}}) {
    const std::string bytes = ReadFile(std::string(STDOK_SOURCE_DIR) + "/tests/data/images/" + name);
    ASSERT_FALSE(bytes.empty()) << name;
    RasterImage image;
    std::string error;
    ASSERT_TRUE(ReadRasterImage(bytes, &image, &error)) << name << ": " << error;
    EXPECT_EQ(image.encoding, RasterImage::Encoding::kJpeg);
    EXPECT_EQ(image.width, 120);
    EXPECT_EQ(image.height, 48);
    EXPECT_EQ(image.components, components);
    EXPECT_EQ(image.data, bytes);
  }
}

TEST(RasterImage, RefusesWhatAPdfACannotShowWithAReason) {
  RasterImage image;
  std::string error;
  EXPECT_FALSE(ReadRasterImage(ReadFile(std::string(STDOK_SOURCE_DIR) + "/tests/data/images/cmyk.jpg"), &image,
                               &error));
  EXPECT_EQ(error, "the JPEG has CMYK colours; save it as RGB");
  EXPECT_FALSE(ReadRasterImage("GIF89a....", &image, &error));
  EXPECT_EQ(error, "not a PNG or JPEG image");
  EXPECT_FALSE(ReadRasterImage(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), &image, &error));
  EXPECT_EQ(error.rfind("not a readable PNG: ", 0), 0u) << error;
  EXPECT_FALSE(ReadRasterImage(std::string("\xFF\xD8\xFF\xD9", 4), &image, &error));
  EXPECT_EQ(error, "not a readable JPEG: it has no frame header");
  // A frame header that claims 60000 × 60000 pixels: refused before anything is allocated.
  const std::string huge("\xFF\xD8\xFF\xC0\x00\x11\x08\xEA\x60\xEA\x60\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 21);
  EXPECT_FALSE(ReadRasterImage(huge, &image, &error));
  EXPECT_NE(error.find("60000×60000 pixels"), std::string::npos) << error;
}

TEST(RasterImage, CutFilesAreRefusedNotRead) {
  const std::string png = Png(4, 4, PNG_FORMAT_RGB, std::vector<unsigned char>(48, 7));
  const std::string jpeg = ReadFile(std::string(STDOK_SOURCE_DIR) + "/tests/data/images/rgb.jpg");
  RasterImage image;
  std::string error;
  // Cut anywhere before the end chunk (the last 12 bytes, after every pixel).
  for (size_t n = 0; n + 12 < png.size(); n += 3) EXPECT_FALSE(ReadRasterImage(png.substr(0, n), &image, &error)) << n;
  for (size_t n = 0; n < 30; ++n) EXPECT_FALSE(ReadRasterImage(jpeg.substr(0, n), &image, &error)) << n;
}

}  // namespace
}  // namespace stdok
