#include "output/file_system.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

namespace stdok {
namespace {

std::string ErrnoText(const std::string& path, int err) { return path + ": " + std::strerror(err); }

}  // namespace

bool DiskFileSystem::MakeDirectories(const std::string& path, std::string* error) {
  std::string partial;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    partial = path.substr(0, next);
    pos = next + 1;
    if (partial.empty() || partial == "." || partial == "..") continue;
    if (mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      *error = ErrnoText(partial, errno);
      return false;
    }
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *error = path + ": not a directory";
    return false;
  }
  return true;
}

bool DiskFileSystem::WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  static std::atomic<unsigned> counter{0};
  std::string temp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = ErrnoText(path, errno);
    return false;
  }
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      unlink(temp.c_str());
      *error = ErrnoText(path, err);
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (close(fd) != 0) {
    int err = errno;
    unlink(temp.c_str());
    *error = ErrnoText(path, err);
    return false;
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    *error = ErrnoText(path, err);
    return false;
  }
  return true;
}

bool DiskFileSystem::ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = ErrnoText(path, errno);
    return false;
  }
  bytes->clear();
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes->append(buffer, n);
  bool ok = !std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (!ok) *error = ErrnoText(path, err);
  return ok;
}

}  // namespace stdok
