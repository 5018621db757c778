// libFuzzer target: the image reader (templates' <image src> and logo) must never crash, trip
// AddressSanitizer or UndefinedBehaviorSanitizer, or allocate beyond its limits, whatever the
// bytes of a PNG or JPEG; what it accepts is consistent (size within limits, pixel data of the
// promised length, a palette of at most 2^bits entries). Seeds: tests/data/images/ and
// templates/logo.png (scripts/fuzz.sh).
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
    const bool indexed = !image.palette.empty();
    if (indexed && (image.palette.size() % image.components != 0 || image.palette.size() > 256u * image.components ||
                    (image.bits != 1 && image.bits != 2 && image.bits != 4 && image.bits != 8) ||
                    image.palette.size() / image.components > (1u << image.bits)))
      std::abort();
    if (!indexed && image.bits != 8) std::abort();
    const size_t expected = indexed ? (static_cast<size_t>(image.width) * image.bits + 7) / 8 * image.height
                                    : static_cast<size_t>(image.width) * image.height * image.components;
    std::string pixels(expected, '\0');
    uLongf n = expected;
    if (uncompress(reinterpret_cast<Bytef*>(pixels.data()), &n, reinterpret_cast<const Bytef*>(image.data.data()),
                   image.data.size()) != Z_OK || n != expected)
      std::abort();
  }
  return 0;
}
