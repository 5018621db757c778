// Raster images a document may show (a region's logo): PNG and JPEG, read once when the
// template is loaded, in a form a PDF/A-1b page can hold as it is: 8 bits per component, gray
// or RGB, no transparency.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

struct RasterImage {
  enum class Encoding {
    kDeflatedPixels,  // rows of pixels (or of palette indices), zlib format (PDF /FlateDecode)
    kJpeg,            // the JPEG file as it is (PDF /DCTDecode)
  };
  Encoding encoding = Encoding::kDeflatedPixels;
  int width = 0;   // pixels
  int height = 0;
  int components = 3;  // 1 gray, 3 RGB (of the palette's entries when there is one)
  // With a palette (a PNG of at most 256 colours, when that is smaller): each pixel is an
  // index of `bits` bits (1, 2, 4 or 8; rows start on a byte) into `palette`, `components`
  // bytes an entry (PDF /Indexed). Without, `bits` is 8 and the pixels are the colours.
  int bits = 8;
  std::string palette;
  std::string data;
  // The PNG had transparency; it was composited onto white (the paper it is printed on), as
  // PDF/A-1 allows no soft mask.
  bool flattened = false;
};

// The largest image accepted, in pixels per side and in all (a logo is a few hundred pixels;
// this bounds the memory a hostile file can ask for).
inline constexpr int kMaxImageSide = 8000;
inline constexpr long kMaxImagePixels = 16'000'000;

// Reads a PNG or JPEG (told apart by their signatures). False with *error: one sentence on
// what is wrong and what to do, without the file name (the caller adds where).
bool ReadRasterImage(std::string_view bytes, RasterImage* out, std::string* error);

}  // namespace stdok
