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

bool DiskFileSystem::Sync(int fd, const std::string& path) { return fsync(fd) == 0; }

// Makes the folder's entries (a rename, a removal) durable. Some file systems cannot sync a
// folder at all (EINVAL); there nothing more can be done.
bool DiskFileSystem::SyncFolderOf(const std::string& path, std::string* error) {
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = ErrnoText(folder, errno);
    return false;
  }
  bool ok = Sync(fd, folder) || errno == EINVAL;
  int err = errno;
  close(fd);
  if (!ok) *error = ErrnoText(folder, err);
  return ok;
}

bool DiskFileSystem::WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  static std::atomic<unsigned> counter{0};
  std::string temp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = ErrnoText(path, errno);
    return false;
  }
  auto fail = [&](int err) {
    if (fd >= 0) close(fd);
    unlink(temp.c_str());
    *error = ErrnoText(path, err);
    return false;
  };
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    written += static_cast<size_t>(n);
  }
  // The bytes reach the disk before the name does: a power cut after the rename must not leave
  // an empty or partial file under the final name.
  if (!Sync(fd, temp)) return fail(errno);
  const int closed = close(fd);
  fd = -1;
  if (closed != 0) return fail(errno);
  if (rename(temp.c_str(), path.c_str()) != 0) return fail(errno);
  return SyncFolderOf(path, error);
}

bool DiskFileSystem::RemoveFile(const std::string& path, std::string* error) {
  if (unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return true;
    *error = ErrnoText(path, errno);
    return false;
  }
  return SyncFolderOf(path, error);
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
