#include "serve/memory_file_system.h"

namespace stdok {

bool MemoryFileSystem::WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  std::lock_guard lock(mutex_);
  files_[path] = std::string(bytes);
  return true;
}

bool MemoryFileSystem::RemoveFile(const std::string& path, std::string* error) {
  std::lock_guard lock(mutex_);
  files_.erase(path);
  return true;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(path); it != files_.end()) {
      *bytes = it->second;
      return true;
    }
  }
  return base_->ReadFile(path, bytes, error);
}

std::map<std::string, std::string> MemoryFileSystem::Written() const {
  std::lock_guard lock(mutex_);
  return files_;
}

}  // namespace stdok
