#include "image/raster_image.h"

#include <png.h>
#include <libdeflate.h>

#include <cstdint>
#include <map>
#include <vector>

namespace stdok {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

bool SizeAllowed(long width, long height, std::string* error) {
  if (width < 1 || height < 1) {
    *error = "the image has no pixels";
    return false;
  }
  if (width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels) {
    *error = "the image is " + std::to_string(width) + "×" + std::to_string(height) +
             " pixels; at most " + std::to_string(kMaxImageSide) + " per side is read (a logo needs a few hundred)";
    return false;
  }
  return true;
}

// zlib format, libdeflate level 9: on a logo's long runs of one colour its levels 10-12 take
// 30 times as long (the placeholder's 480×120 greys: 17.7 ms at 12, 0.6 ms at 9) for 2-8 %
// fewer bytes, and every template with a logo reads it when a run starts.
bool Deflate(const std::vector<unsigned char>& pixels, std::string* out) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(9);
  if (!compressor) return false;
  out->resize(libdeflate_zlib_compress_bound(compressor, pixels.size()));
  size_t size = libdeflate_zlib_compress(compressor, pixels.data(), pixels.size(), out->data(), out->size());
  libdeflate_free_compressor(compressor);
  out->resize(size);
  return size != 0;
}

// `pixels` (components bytes each) as indices into a palette of their colours, packed at the
// fewest bits per index that hold them, each row starting on a byte. False when there are more
// than 256 colours.
bool ToPalette(const std::vector<unsigned char>& pixels, int width, int height, int components,
               std::vector<unsigned char>* packed, std::string* palette, int* bits) {
  std::map<uint32_t, unsigned> index;  // colour -> its entry, in order of first appearance
  std::vector<unsigned> indices(pixels.size() / components);
  for (size_t p = 0; p < indices.size(); ++p) {
    uint32_t colour = 0;
    for (int c = 0; c < components; ++c) colour = colour << 8 | pixels[p * components + c];
    auto [it, added] = index.emplace(colour, static_cast<unsigned>(index.size()));
    if (added) {
      if (index.size() > 256) return false;
      palette->append(reinterpret_cast<const char*>(&pixels[p * components]), components);
    }
    indices[p] = it->second;
  }
  *bits = index.size() <= 2 ? 1 : index.size() <= 4 ? 2 : index.size() <= 16 ? 4 : 8;
  const size_t row_bytes = (static_cast<size_t>(width) * *bits + 7) / 8;
  packed->assign(row_bytes * height, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const size_t bit = static_cast<size_t>(x) * *bits;
      const unsigned value = indices[static_cast<size_t>(y) * width + x];
      (*packed)[y * row_bytes + bit / 8] |= static_cast<unsigned char>(value << (8 - *bits - bit % 8));
    }
  return true;
}

// libpng's simplified API: every PNG colour type and bit depth arrives as 8-bit gray or RGB,
// with alpha when it has transparency; that is composited onto white here, in sRGB values as
// browsers and PDF viewers blend, so an anti-aliased edge looks as it does on screen.
bool ReadPng(std::string_view bytes, RasterImage* out, std::string* error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    *error = std::string("not a readable PNG: ") + image.message;
    return false;
  }
  if (!SizeAllowed(image.width, image.height, error)) {
    png_image_free(&image);
    return false;
  }
  const bool color = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  const int components = color ? 3 : 1;
  image.format = (color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    *error = std::string("not a readable PNG: ") + image.message;
    png_image_free(&image);
    return false;
  }
  if (alpha) {  // c·a + white·(1 − a), rounded, in place: each pixel loses its alpha byte
    const size_t count = static_cast<size_t>(image.width) * image.height;
    for (size_t p = 0; p < count; ++p) {
      const unsigned a = pixels[p * (components + 1) + components];
      for (int c = 0; c < components; ++c)
        pixels[p * components + c] =
            static_cast<unsigned char>((pixels[p * (components + 1) + c] * a + 255 * (255 - a) + 127) / 255);
    }
    pixels.resize(count * components);
  }
  out->encoding = RasterImage::Encoding::kDeflatedPixels;
  out->width = static_cast<int>(image.width);
  out->height = static_cast<int>(image.height);
  out->components = components;
  out->flattened = alpha;
  if (!Deflate(pixels, &out->data)) {
    *error = "the image could not be compressed";
    return false;
  }
  // A logo of a few colours is smaller as palette indices (the placeholder: 3 greys, 2 bits).
  std::vector<unsigned char> packed;
  std::string palette, indexed;
  int bits = 8;
  if (ToPalette(pixels, out->width, out->height, components, &packed, &palette, &bits) &&
      Deflate(packed, &indexed) && indexed.size() + palette.size() < out->data.size()) {
    out->data = std::move(indexed);
    out->palette = std::move(palette);
    out->bits = bits;
  }
  return true;
}

// The JPEG goes into the PDF as it is; its frame header gives size, depth and colours. Only
// baseline, extended and progressive Huffman JPEGs with 8-bit gray or YCbCr/RGB are taken:
// what every PDF reader decodes.
bool ReadJpeg(std::string_view bytes, RasterImage* out, std::string* error) {
  const auto byte = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
  size_t i = 2;
  while (i + 4 <= bytes.size()) {
    if (byte(i) != 0xFF) {
      *error = "not a readable JPEG: a marker was expected at byte " + std::to_string(i);
      return false;
    }
    const unsigned marker = byte(i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image, or scan data before any frame
    const size_t length = (byte(i + 2) << 8) | byte(i + 3);
    if (length < 2 || i + 2 + length > bytes.size()) break;
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (marker > 0xC2) {
        *error = "the JPEG uses lossless, hierarchical or arithmetic coding; save it as a baseline JPEG";
        return false;
      }
      if (length < 8) break;
      const unsigned precision = byte(i + 4);
      const long height = (byte(i + 5) << 8) | byte(i + 6);
      const long width = (byte(i + 7) << 8) | byte(i + 8);
      const int components = static_cast<int>(byte(i + 9));
      if (precision != 8) {
        *error = "the JPEG has " + std::to_string(precision) + " bits per sample; save it with 8";
        return false;
      }
      if (components != 1 && components != 3) {
        *error = components == 4 ? "the JPEG has CMYK colours; save it as RGB"
                                 : "the JPEG has " + std::to_string(components) + " colour components; save it as RGB";
        return false;
      }
      if (!SizeAllowed(width, height, error)) return false;
      out->encoding = RasterImage::Encoding::kJpeg;
      out->width = static_cast<int>(width);
      out->height = static_cast<int>(height);
      out->components = components;
      out->flattened = false;
      out->data.assign(bytes);
      return true;
    }
    i += 2 + length;
  }
  *error = "not a readable JPEG: it has no frame header";
  return false;
}

}  // namespace

bool ReadRasterImage(std::string_view bytes, RasterImage* out, std::string* error) {
  *out = RasterImage{};
  if (bytes.substr(0, kPngSignature.size()) == kPngSignature) return ReadPng(bytes, out, error);
  if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return ReadJpeg(bytes, out, error);
  *error = "not a PNG or JPEG image";
  return false;
}

}  // namespace stdok
