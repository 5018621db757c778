#include "app/page_spool.h"

namespace stdok {

bool PageSpool::Add(const std::vector<Page>& pages, Handle* handle, std::string* error) {
  std::string bytes;
  EncodePages(pages, &images_, &bytes);
  ScratchFile::Span span;
  if (!file_.Append(bytes, &span, error)) {
    *error = "its pages could not be kept: " + *error;
    return false;
  }
  handle->offset = span.offset;
  handle->size = span.size;
  handle->pages = static_cast<int>(pages.size());
  return true;
}

bool PageSpool::Load(const Handle& handle, std::vector<Page>* pages, std::string* error) const {
  std::string bytes;
  if (!file_.Read({handle.offset, handle.size}, &bytes, error)) {
    *error = "its pages could not be read back: " + *error;
    return false;
  }
  pages->clear();
  if (!DecodePages(bytes, images_, pages)) {
    *error = "its pages came back damaged";
    return false;
  }
  return true;
}

}  // namespace stdok
