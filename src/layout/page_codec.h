// Laid-out pages as bytes and back, exactly (every number as its 8 bytes), for pages that wait
// outside memory: the print pack's spool (app/page_spool.h). Images are not written; each is
// an index into an ImageTable that the caller keeps in memory for the run.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"

namespace stdok {

// The distinct images of a run's pages (a template's logo is one image shared by every
// document), numbered in order of first use. Thread-safe.
class ImageTable {
 public:
  uint32_t IndexOf(const std::shared_ptr<const RasterImage>& image);
  // Null when `index` was never given out.
  std::shared_ptr<const RasterImage> At(uint32_t index) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<const RasterImage>> images_;
  std::map<const RasterImage*, uint32_t> index_;
};

// Appends `pages` to *out.
void EncodePages(const std::vector<Page>& pages, ImageTable* images, std::string* out);
// The pages EncodePages wrote into `bytes`; false when `bytes` is not that (cut short, or an
// image index `images` does not have).
bool DecodePages(std::string_view bytes, const ImageTable& images, std::vector<Page>* pages);

}  // namespace stdok
