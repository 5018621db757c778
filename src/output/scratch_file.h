// Bytes kept outside memory for a while (a print pack's laid-out pages, its compressed page
// contents until the pack is saved): appended to an unnamed file in a folder (FileSystem::
// OpenUnnamedFile: on disk O_TMPFILE, mode 0600, never seen in the folder and removed by the
// kernel with the file or the process, after a crash too), or kept in memory where the file
// system has no such file (`stdok serve`'s). Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "output/file_system.h"

namespace stdok {

class ScratchFile {
 public:
  // Where Append put some bytes.
  struct Span {
    uint64_t offset = 0;
    uint64_t size = 0;
  };

  ScratchFile(FileSystem* fs, const std::string& folder);
  ~ScratchFile();  // closes the file: the kernel frees its bytes
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Keeps `bytes`; false with *error ("FOLDER (unnamed scratch file): No space left on
  // device") when they could not be written.
  bool Append(std::string_view bytes, Span* span, std::string* error);
  // Replaces *bytes with what Append kept under `span`; false with *error when it cannot be
  // read back.
  bool Read(const Span& span, std::string* bytes, std::string* error) const;
  bool on_disk() const { return fd_ >= 0; }

 private:
  std::string folder_;
  int fd_ = -1;
  std::atomic<uint64_t> end_{0};  // on disk: the next free offset
  mutable std::mutex memory_mutex_;
  std::string memory_;  // not on disk: every Append's bytes, one after the other
};

}  // namespace stdok
