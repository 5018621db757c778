#include "output/scratch_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace stdok {

ScratchFile::ScratchFile(FileSystem* fs, const std::string& folder)
    : folder_(folder), fd_(fs->OpenUnnamedFile(folder)) {}

ScratchFile::~ScratchFile() {
  if (fd_ >= 0) close(fd_);
}

bool ScratchFile::Append(std::string_view bytes, Span* span, std::string* error) {
  span->size = bytes.size();
  if (fd_ < 0) {
    std::lock_guard<std::mutex> lock(memory_mutex_);
    span->offset = memory_.size();
    memory_ += bytes;
    return true;
  }
  span->offset = end_.fetch_add(bytes.size());
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(span->offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = folder_ + " (unnamed scratch file): " + (n < 0 ? std::strerror(errno) : "disk full");
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool ScratchFile::Read(const Span& span, std::string* bytes, std::string* error) const {
  if (fd_ < 0) {
    std::lock_guard<std::mutex> lock(memory_mutex_);
    if (span.offset + span.size > memory_.size()) {
      *error = folder_ + " (scratch bytes in memory): the bytes asked for were never kept";
      return false;
    }
    bytes->assign(memory_, span.offset, span.size);
    return true;
  }
  bytes->resize(span.size);
  for (size_t done = 0; done < bytes->size();) {
    const ssize_t n = pread(fd_, bytes->data() + done, bytes->size() - done, static_cast<off_t>(span.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = folder_ + " (unnamed scratch file): " + (n < 0 ? std::strerror(errno) : "the file is shorter");
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace stdok
