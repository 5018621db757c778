#include "serve/records_session.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "output/sha256.h"

namespace stdok {

const char kEmptyRecordsXml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stdok-records version=\"1\">\n</stdok-records>\n";
const char kNewVersion[] = "new";

bool RecordsSession::Read(Snapshot* snapshot, std::string* error) const {
  std::lock_guard lock(mutex_);
  return ReadLocked(snapshot, error);
}

bool RecordsSession::ReadLocked(Snapshot* snapshot, std::string* error) const {
  struct stat info {};
  if (stat(path_.c_str(), &info) != 0 && errno == ENOENT) {
    *snapshot = {false, kEmptyRecordsXml, kNewVersion};
    return true;
  }
  snapshot->exists = true;
  if (!fs_->ReadFile(path_, &snapshot->bytes, error)) return false;
  snapshot->version = Sha256Hex(snapshot->bytes);
  return true;
}

RecordsSession::SaveOutcome RecordsSession::Save(const std::string& expected_version, std::string_view bytes,
                                                 std::string* version, std::string* error) {
  std::lock_guard lock(mutex_);
  Snapshot current;
  if (!ReadLocked(&current, error)) return SaveOutcome::kFailed;
  if (current.version != expected_version) {
    *version = current.version;
    return SaveOutcome::kConflict;
  }
  if (current.exists && !fs_->WriteAtomically(path_ + ".bak", current.bytes, error)) return SaveOutcome::kFailed;
  if (!fs_->WriteAtomically(path_, bytes, error)) return SaveOutcome::kFailed;
  *version = Sha256Hex(bytes);
  return SaveOutcome::kSaved;
}

std::string RecordsSession::FileName() const {
  const size_t slash = path_.rfind('/');
  return slash == std::string::npos ? path_ : path_.substr(slash + 1);
}

}  // namespace stdok
