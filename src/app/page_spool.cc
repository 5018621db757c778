#include "app/page_spool.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace stdok {
PageSpool::PageSpool(FileSystem* fs, const std::string& folder) : fd_(fs->OpenUnnamedFile(folder)) {}

PageSpool::~PageSpool() {
  if (fd_ >= 0) close(fd_);
}

bool PageSpool::Add(const std::vector<Page>& pages, Handle* handle, std::string* error) {
  std::string bytes;
  EncodePages(pages, &images_, &bytes);
  handle->size = bytes.size();
  handle->pages = static_cast<int>(pages.size());
  if (fd_ < 0) {
    std::lock_guard<std::mutex> lock(memory_mutex_);
    handle->offset = memory_.size();
    memory_ += bytes;
    return true;
  }
  handle->offset = end_.fetch_add(bytes.size());
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(handle->offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = std::string("its pages could not be kept: ") + (n < 0 ? std::strerror(errno) : "disk full");
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool PageSpool::Load(const Handle& handle, std::vector<Page>* pages, std::string* error) const {
  std::string bytes;
  if (fd_ < 0) {
    std::lock_guard<std::mutex> lock(memory_mutex_);
    bytes = memory_.substr(handle.offset, handle.size);
  } else {
    bytes.resize(handle.size);
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = pread(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(handle.offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        *error = std::string("its pages could not be read back: ") +
                 (n < 0 ? std::strerror(errno) : "the file is shorter");
        return false;
      }
      done += static_cast<size_t>(n);
    }
  }
  pages->clear();
  if (!DecodePages(bytes, images_, pages)) {
    *error = "its pages came back damaged";
    return false;
  }
  return true;
}

}  // namespace stdok
