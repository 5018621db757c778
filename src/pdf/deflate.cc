#include "pdf/deflate.h"

#include <zlib.h>

#include <array>
#include <memory>

namespace stdok {
namespace {

struct Compressor {
  z_stream z{};
  bool ready = false;
  ~Compressor() {
    if (ready) deflateEnd(&z);
  }
};

}  // namespace

bool Deflate(std::string_view in, int level, std::string* out) {
  if (level < 1 || level > 9) level = Z_DEFAULT_COMPRESSION;
  thread_local std::array<std::unique_ptr<Compressor>, 10> compressors;
  auto& slot = compressors[level < 0 ? 0 : level];
  if (!slot) {
    slot = std::make_unique<Compressor>();
    if (deflateInit(&slot->z, level) != Z_OK) {
      slot.reset();
      return false;
    }
    slot->ready = true;
  } else if (deflateReset(&slot->z) != Z_OK) {
    return false;
  }
  z_stream& z = slot->z;
  out->resize(deflateBound(&z, static_cast<uLong>(in.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  z.avail_out = static_cast<uInt>(out->size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) return false;
  out->resize(out->size() - z.avail_out);
  return true;
}

}  // namespace stdok
