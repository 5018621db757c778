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
  // a failure leaves no partial file and any previous version intact.
  virtual bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) = 0;
  virtual bool ReadFile(const std::string& path, std::string* bytes, std::string* error) = 0;
};

// The real disk (POSIX).
class DiskFileSystem : public FileSystem {
 public:
  bool MakeDirectories(const std::string& path, std::string* error) override;
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override;
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;
};

}  // namespace stdok
