// Where the print pack's pages wait (`render --print-pack`): the laid-out pages of every
// written document, outside memory until the packs are written at the end of the run, so that
// a run's memory does not grow with its documents.
//
// The pages go, as exact bytes (layout/page_codec.h), into a ScratchFile in the output folder
// (an unnamed file, mode 0600, which holds the same personal data as its PDFs; the kernel
// removes it with the process, after a crash too, and nothing of it is ever seen in the
// folder). Where the file system has no such file (`stdok serve`'s, in memory), the bytes are
// kept in memory, still a fraction of the laid-out pages' size. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/page.h"
#include "layout/page_codec.h"
#include "output/file_system.h"
#include "output/scratch_file.h"

namespace stdok {

class PageSpool {
 public:
  // Where one document's pages are in the spool.
  struct Handle {
    ScratchFile::Span bytes;
    int pages = 0;
  };

  PageSpool(FileSystem* fs, const std::string& folder) : file_(fs, folder) {}

  // Keeps `pages`; false with *error when they could not be written.
  bool Add(const std::vector<Page>& pages, Handle* handle, std::string* error);
  // The pages Add kept under `handle`; false with *error when they cannot be read back.
  bool Load(const Handle& handle, std::vector<Page>* pages, std::string* error) const;
  bool on_disk() const { return file_.on_disk(); }

 private:
  ScratchFile file_;
  ImageTable images_;
};

}  // namespace stdok
