// The file system as the output stage sees it: an interface, so tests can inject failures
// (disk full, permission denied) without touching the disk.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

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
  // Like WriteAtomically (temporary file, rename; a failure leaves no partial file and any
  // previous version intact), but it does not wait for the disk: every reader sees the whole
  // file under its name at once, yet after a power cut the name may hold nothing, an empty file
  // or the previous version until SyncFiles has made it durable. For many files written in a
  // row, which one SyncFiles then makes durable together. The default waits (WriteAtomically).
  virtual bool WriteAtomicallyUnsynced(const std::string& path, std::string_view bytes, std::string* error) {
    return WriteAtomically(path, bytes, error);
  }
  // Like WriteAtomically, for a file made part by part (a national run's manifest): `next`
  // appends the next part to its (empty) argument and returns false when there is none. Only
  // one part is in memory at a time. The default puts the parts together for WriteAtomically.
  using NextPart = std::function<bool(std::string* part)>;
  virtual bool WriteAtomicallyInParts(const std::string& path, const NextPart& next, std::string* error) {
    std::string bytes, part;
    while (next(&part)) {
      bytes += part;
      part.clear();
    }
    return WriteAtomically(path, bytes, error);
  }
  struct SyncFailure {
    std::string path;
    std::string error;  // "path: errno text"
  };
  // Makes files written by WriteAtomicallyUnsynced durable: their bytes, then the folders that
  // hold their names. Returns those that may not be (none: all are durable now), in the order
  // given. The default has nothing to do (its WriteAtomicallyUnsynced waits).
  virtual std::vector<SyncFailure> SyncFiles(const std::vector<std::string>& paths) { return {}; }
  // A file without a name in `folder` for scratch data that must not outlive the process (the
  // print pack's pages): open for reading and writing, mode 0600, never seen in the folder and
  // removed by the kernel when it is closed, after a crash too. The caller closes it. -1 when
  // there is none (the default: the caller keeps its data in memory).
  virtual int OpenUnnamedFile(const std::string& folder) { return -1; }
  // Removes the file if it exists (durably, like WriteAtomically); a missing file is success.
  virtual bool RemoveFile(const std::string& path, std::string* error) = 0;
  virtual bool ReadFile(const std::string& path, std::string* bytes, std::string* error) = 0;
};

// The real disk (POSIX). WriteAtomically: write the temporary file, fsync it, rename it, fsync
// the folder. WriteAtomicallyUnsynced: write, rename (and ask the kernel to start writing the
// bytes out); SyncFiles: fsync each file, then each folder once, on a few threads (syncs that
// wait together are committed together).
class DiskFileSystem : public FileSystem {
 public:
  bool MakeDirectories(const std::string& path, std::string* error) override;
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override;
  bool WriteAtomicallyUnsynced(const std::string& path, std::string_view bytes, std::string* error) override;
  bool WriteAtomicallyInParts(const std::string& path, const NextPart& next, std::string* error) override;
  std::vector<SyncFailure> SyncFiles(const std::vector<std::string>& paths) override;
  // O_TMPFILE, or where the file system has none a file made and removed at once.
  int OpenUnnamedFile(const std::string& folder) override;
  bool RemoveFile(const std::string& path, std::string* error) override;
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;

 protected:
  // fsync(fd), the file or folder open at `path`; false with errno set on failure. Tests
  // override it to see the order of syncs and renames, and to make a sync fail. SyncFiles calls
  // it from several threads at once.
  virtual bool Sync(int fd, const std::string& path);

 private:
  // Writes the temporary file (`bytes`, then every part of `next` when given) and renames it
  // over `path`; `sync` fsyncs it before the rename.
  bool WriteAndRename(const std::string& path, std::string_view bytes, const NextPart* next, bool sync,
                      std::string* error);
  bool SyncFolder(const std::string& folder, std::string* error);
  // Syncs the folder that holds `path`. A failure after a rename is reported (false) although
  // the new file is in place: it may not survive a power cut.
  bool SyncFolderOf(const std::string& path, std::string* error);
};

}  // namespace stdok
