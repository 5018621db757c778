// The records file `stdok serve` edits. Its version is the SHA-256 of its bytes on disk, so a
// save made from a stale copy (another tab, another program) is refused instead of silently
// overwriting. Thread-safe: reads and saves are serialized by one mutex.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "output/file_system.h"

namespace stdok {

// The document edited when the file does not exist yet.
extern const char kEmptyRecordsXml[];
// The version of a file that does not exist yet.
extern const char kNewVersion[];

class RecordsSession {
 public:
  RecordsSession(std::string path, FileSystem* fs) : path_(std::move(path)), fs_(fs) {}

  struct Snapshot {
    bool exists = false;
    std::string bytes;    // the file, or kEmptyRecordsXml when it does not exist
    std::string version;  // hex SHA-256 of the file's bytes, or kNewVersion
  };
  // The file as it is on disk now. False with *error when it exists but cannot be read.
  bool Read(Snapshot* snapshot, std::string* error) const;

  enum class SaveOutcome { kSaved, kConflict, kFailed };
  // Writes `bytes` when the file's current version is `expected_version`: the previous file is
  // kept as PATH.bak, then the new bytes are written to a temporary file, synced and renamed
  // over PATH. *version is the new version (kSaved) or the current one (kConflict); *error
  // says why for kFailed.
  SaveOutcome Save(const std::string& expected_version, std::string_view bytes, std::string* version,
                   std::string* error);

  const std::string& path() const { return path_; }
  std::string FileName() const;  // the path's last part

 private:
  bool ReadLocked(Snapshot* snapshot, std::string* error) const;

  const std::string path_;
  FileSystem* fs_;
  mutable std::mutex mutex_;
};

}  // namespace stdok
