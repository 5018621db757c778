#include "output/file_system.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <algorithm>
#include <functional>
#include <map>
#include <thread>

namespace stdok {
namespace {

std::string ErrnoText(const std::string& path, int err) { return path + ": " + std::strerror(err); }

// Runs fn(0) … fn(n - 1) on a few threads. For fsync, which mostly waits for the disk: the file
// system commits syncs that wait at the same time together.
constexpr size_t kSyncThreads = 8;
void ForEachInParallel(size_t n, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < std::min(kSyncThreads, n); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

bool DiskFileSystem::MakeDirectories(const std::string& path, std::string* error) {
  // Most calls are for a folder that exists or whose parent does (one per trainee): try the
  // folder itself first, and walk down from the root only when a parent is missing.
  if (mkdir(path.c_str(), 0777) == 0) return true;
  if (errno == ENOENT) {
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
  } else if (errno != EEXIST) {
    *error = ErrnoText(path, errno);
    return false;
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
bool DiskFileSystem::SyncFolder(const std::string& folder, std::string* error) {
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

bool DiskFileSystem::SyncFolderOf(const std::string& path, std::string* error) {
  return SyncFolder(FolderOf(path), error);
}

bool DiskFileSystem::WriteAndRename(const std::string& path, std::string_view bytes, const PartWriter* write,
                                    bool sync, std::string* error) {
  static std::atomic<unsigned> counter{0};
  std::string temp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = ErrnoText(path, errno);
    return false;
  }
  auto discard = [&]() {
    if (fd >= 0) close(fd);
    unlink(temp.c_str());
  };
  auto fail = [&](int err) {
    discard();
    *error = ErrnoText(path, err);
    return false;
  };
  auto write_all = [&](std::string_view part) {  // 0, or the errno
    for (size_t written = 0; written < part.size();) {
      ssize_t n = ::write(fd, part.data() + written, part.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        return errno;
      }
      written += static_cast<size_t>(n);
    }
    return 0;
  };
  if (int err = write_all(bytes)) return fail(err);
  int part_error = 0;
  if (write && !(*write)([&](std::string_view part) { return (part_error = write_all(part)) == 0; })) {
    if (part_error) return fail(part_error);
    discard();
    error->clear();  // the writer stopped: it knows why
    return false;
  }
  // The bytes reach the disk before the name does: a power cut after the rename must not leave
  // an empty or partial file under the final name.
  if (sync && !Sync(fd, temp)) return fail(errno);
  // Unsynced: start writing the bytes out now, without waiting, so that SyncFiles later finds
  // them on the disk already. Only a hint: its failure changes nothing.
  if (!sync) sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  const int closed = close(fd);
  fd = -1;
  if (closed != 0) return fail(errno);
  if (rename(temp.c_str(), path.c_str()) != 0) return fail(errno);
  return true;
}

bool DiskFileSystem::WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  return WriteAndRename(path, bytes, nullptr, /*sync=*/true, error) && SyncFolderOf(path, error);
}

bool DiskFileSystem::WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) {
  return WriteAndRename(path, {}, &write, /*sync=*/true, error) && SyncFolderOf(path, error);
}

bool DiskFileSystem::WriteAtomicallyUnsynced(const std::string& path, std::string_view bytes, std::string* error) {
  return WriteAndRename(path, bytes, nullptr, /*sync=*/false, error);
}

std::vector<FileSystem::SyncFailure> DiskFileSystem::SyncFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> errors(paths.size());
  ForEachInParallel(paths.size(), [&](size_t i) {
    int fd = open(paths[i].c_str(), O_RDONLY | O_CLOEXEC);
    bool ok = fd >= 0 && Sync(fd, paths[i]);
    int err = errno;
    if (fd >= 0) close(fd);
    if (!ok) errors[i] = ErrnoText(paths[i], err);
  });
  // Then each folder once, after its files; a folder that fails fails every file in it.
  std::map<std::string, std::vector<size_t>> by_folder;
  for (size_t i = 0; i < paths.size(); ++i)
    if (errors[i].empty()) by_folder[FolderOf(paths[i])].push_back(i);
  std::vector<const std::pair<const std::string, std::vector<size_t>>*> folders;
  for (const auto& entry : by_folder) folders.push_back(&entry);
  std::vector<std::string> folder_errors(folders.size());
  ForEachInParallel(folders.size(), [&](size_t f) { SyncFolder(folders[f]->first, &folder_errors[f]); });
  for (size_t f = 0; f < folders.size(); ++f)
    if (!folder_errors[f].empty())
      for (size_t i : folders[f]->second) errors[i] = folder_errors[f];
  std::vector<SyncFailure> failures;
  for (size_t i = 0; i < paths.size(); ++i)
    if (!errors[i].empty()) failures.push_back({paths[i], errors[i]});
  return failures;
}

int DiskFileSystem::OpenUnnamedFile(const std::string& folder) {
  int fd = open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR)) return fd;
  std::string name = folder + "/.stdok-scratch-XXXXXX";
  fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) unlink(name.c_str());
  return fd;
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
  // A regular file is read straight into a string of its size (a records file may be 1 GiB:
  // no growing and copying); what is beyond that size, or a pipe, is appended as it comes.
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    bytes->resize(static_cast<size_t>(st.st_size));
    bytes->resize(std::fread(bytes->data(), 1, bytes->size(), f));
  }
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
