// libFuzzer target: the image reader (templates' <image src> and logo) must never crash, trip
// AddressSanitizer or UndefinedBehaviorSanitizer, or allocate beyond its limits, whatever the
// bytes of a PNG or JPEG; what it accepts is consistent (size within limits, pixel data of the
// promised length). Seeds: tests/data/images/ and templates/logo.png (scripts/fuzz.sh).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "image/raster_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  stdok::RasterImage image;
  std::string error;
  if (!stdok::ReadRasterImage(std::string_view(reinterpret_cast<const char*>(data), size), &image, &error)) {
    if (error.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  if (image.width < 1 || image.height < 1 || image.width > stdok::kMaxImageSide ||
      image.height > stdok::kMaxImageSide || (image.components != 1 && image.components != 3))
    std::abort();
  if (image.encoding == stdok::RasterImage::Encoding::kDeflatedPixels) {
    const size_t expected = static_cast<size_t>(image.width) * image.height * image.components;
    std::string pixels(expected, '\0');
    uLongf n = expected;
    if (uncompress(reinterpret_cast<Bytef*>(pixels.data()), &n, reinterpret_cast<const Bytef*>(image.data.data()),
                   image.data.size()) != Z_OK || n != expected)
      std::abort();
  }
  return 0;
}
