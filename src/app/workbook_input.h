// Workbooks as records input: a .xlsx file, one .csv file or a folder of .csv files (one per
// sheet, named after the sheet) read and converted to the records file the jobs read, and a
// file system that serves that conversion under the workbook's own name, so that `render`,
// `check` and `status` read a workbook exactly as they read XML.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "output/file_system.h"
#include "workbook/workbook_import.h"

namespace stdok {

// True when `input` ends in .xlsx or .csv, or is a folder.
bool IsWorkbookInput(const std::string& input);

// Reads and converts `input`. Problems with cells and rows go to *diagnostics (located as
// "file:Sheet!C14"); false (an io.read or workbook.refused error) when the input cannot be
// read at all (not a workbook, over the limits, an unreadable file).
bool ReadWorkbookInput(const std::string& input, FileSystem* fs, ImportedRecords* out, Diagnostics* diagnostics);

// Trainee ids that an import error in *diagnostics stops.
std::set<std::string> TraineesWithErrors(const Diagnostics& diagnostics);

// The trainee ids of the records file `xml` that are in `wanted` (all when empty) and not in
// `stopped`: the --trainee list that renders only the trainees whose rows imported cleanly.
std::vector<std::string> TraineesWithout(const std::string& xml, const std::vector<std::string>& wanted,
                                         const std::set<std::string>& stopped);

// Reads `path` as `text`; every other call goes to `base`.
class OverlayFileSystem : public FileSystem {
 public:
  OverlayFileSystem(FileSystem* base, std::string path, std::string text)
      : base_(base), path_(std::move(path)), text_(std::move(text)) {}
  bool MakeDirectories(const std::string& path, std::string* error) override {
    return base_->MakeDirectories(path, error);
  }
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override {
    return base_->WriteAtomically(path, bytes, error);
  }
  bool WriteAtomicallyUnsynced(const std::string& path, std::string_view bytes, std::string* error) override {
    return base_->WriteAtomicallyUnsynced(path, bytes, error);
  }
  bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
    return base_->WriteAtomicallyInParts(path, write, error);
  }
  std::vector<SyncFailure> SyncFiles(const std::vector<std::string>& paths) override {
    return base_->SyncFiles(paths);
  }
  int OpenUnnamedFile(const std::string& folder) override { return base_->OpenUnnamedFile(folder); }
  bool RemoveFile(const std::string& path, std::string* error) override { return base_->RemoveFile(path, error); }
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override;

 private:
  FileSystem* base_;
  std::string path_, text_;
};

}  // namespace stdok
