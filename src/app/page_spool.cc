#include "app/page_spool.h"

namespace stdok {

bool PageSpool::Add(const std::vector<Page>& pages, Handle* handle, std::string* error) {
  std::string bytes;
  EncodePages(pages, &images_, &bytes);
  if (!file_.Append(bytes, &handle->bytes, error)) {
    *error = "its pages could not be kept: " + *error;
    return false;
  }
  handle->pages = static_cast<int>(pages.size());
  return true;
}

bool PageSpool::Load(const Handle& handle, std::vector<Page>* pages, std::string* error) const {
  std::string bytes;
  if (!file_.Read(handle.bytes, &bytes, error)) {
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
