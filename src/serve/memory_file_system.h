// A FileSystem that keeps what is written in memory and reads through to another one: how
// /api/zip runs the very `stdok render` job (RunRender) and packs what it wrote.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "output/file_system.h"

namespace stdok {

class MemoryFileSystem : public FileSystem {
 public:
  explicit MemoryFileSystem(FileSystem* base) : base_(base) {}
  // Thread-safe (RunRender writes from its workers).
  bool MakeDirectories(const std::string& path, std::string* error) override { return true; }
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override;
  bool RemoveFile(const std::string& path, std::string* error) override;
  // A file written here, else the base's.
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;

  // Every file written, by path.
  std::map<std::string, std::string> Written() const;

 private:
  FileSystem* base_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

}  // namespace stdok
