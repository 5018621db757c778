#include "pdf/deflate.h"

#include <libdeflate.h>

#include <array>
#include <memory>

namespace stdok {
namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

bool Deflate(std::string_view in, int level, std::string* out) {
  if (level < kMinDeflateLevel || level > kMaxDeflateLevel) return false;
  // libdeflate's compressors keep no state between calls: one per thread and level, made once.
  thread_local std::array<std::unique_ptr<libdeflate_compressor, FreeCompressor>, kMaxDeflateLevel + 1> compressors;
  auto& compressor = compressors[static_cast<size_t>(level)];
  if (!compressor) {
    compressor.reset(libdeflate_alloc_compressor(level));
    if (!compressor) return false;
  }
  out->resize(libdeflate_zlib_compress_bound(compressor.get(), in.size()));
  size_t size = libdeflate_zlib_compress(compressor.get(), in.data(), in.size(), out->data(), out->size());
  if (size == 0) return false;
  out->resize(size);
  return true;
}

}  // namespace stdok
