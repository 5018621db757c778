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
  // Takes a file's next part; false when the file system cannot (the write's *error says why).
  using PartSink = std::function<bool(std::string_view part)>;
  // Gives a file's parts to `sink` in order; true when it gave them all.
  using PartWriter = std::function<bool(const PartSink& sink)>;
  // Like WriteAtomically, for a file made part by part as `write` makes it (a national run's
  // manifest, a print pack of thousands of pages): only one part need be in memory at a time.
  // When `write` returns false no file is made and any previous version stays; *error then
  // says why if the file system refused a part, and is empty otherwise (the writer stopped and
  // knows why). The default puts the parts together for WriteAtomically.
  virtual bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) {
    std::string bytes;
    if (!write([&bytes](std::string_view part) {
          bytes += part;
          return true;
        })) {
      error->clear();
      return false;
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
  bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override;
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
  // Writes the temporary file (`bytes`, then every part of `write` when given) and renames it
  // over `path`; `sync` fsyncs it before the rename.
  bool WriteAndRename(const std::string& path, std::string_view bytes, const PartWriter* write, bool sync,
                      std::string* error);
  bool SyncFolder(const std::string& folder, std::string* error);
  // Syncs the folder that holds `path`. A failure after a rename is reported (false) although
  // the new file is in place: it may not survive a power cut.
  bool SyncFolderOf(const std::string& path, std::string* error);
};

}  // namespace stdok
