// The file system as the output stage sees it: an interface, so tests can inject failures
// (disk full, permission denied) without touching the disk.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Creates the directory and its parents. False with *error ("path: errno text") on failure.
  virtual bool MakeDirectories(const std::string& path, std::string* error) = 0;
  // Writes `bytes` to a temporary file beside `path` and renames it over `path` when complete:
  // a failure leaves no partial file and any previous version intact. When it returns true
  // the file is durable: its bytes and the rename survive a power cut.
  virtual bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) = 0;
  // Removes the file if it exists (durably, like WriteAtomically); a missing file is success.
  virtual bool RemoveFile(const std::string& path, std::string* error) = 0;
  virtual bool ReadFile(const std::string& path, std::string* bytes, std::string* error) = 0;
};

// The real disk (POSIX). WriteAtomically: write the temporary file, fsync it, rename it, fsync
// the folder.
class DiskFileSystem : public FileSystem {
 public:
  bool MakeDirectories(const std::string& path, std::string* error) override;
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override;
  bool RemoveFile(const std::string& path, std::string* error) override;
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;

 protected:
  // fsync(fd), the file or folder open at `path`; false with errno set on failure. Tests
  // override it to see the order of syncs and renames, and to make a sync fail.
  virtual bool Sync(int fd, const std::string& path);

 private:
  // Syncs the folder that holds `path`. A failure after a rename is reported (false) although
  // the new file is in place: it may not survive a power cut.
  bool SyncFolderOf(const std::string& path, std::string* error);
};

}  // namespace stdok
