// Helpers for tests that run the real binary and inspect its PDFs.
#pragma once

#include <sys/resource.h>

#include <string>
#include <vector>

namespace stdok::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line; captures its output.
CommandResult RunCommand(const std::string& command);
// A fresh empty directory under the system temp folder.
std::string MakeTempDir();
std::string ReadText(const std::string& path);
void WriteText(const std::string& path, const std::string& text);
// pdftotext of a PDF (reading order, UTF-8).
std::string PdfText(const std::string& pdf);
// pdftotext -raw: content-stream order, which keeps a table row's cells and a diagonal
// watermark together; line breaks and runs of spaces collapsed to one space, pages kept apart
// by form feeds.
std::string PdfRawText(const std::string& pdf);
// Every *.pdf below dir, relative paths, sorted.
std::vector<std::string> PdfsBelow(const std::string& dir);
// Quotes a path for the shell.
std::string Quote(const std::string& path);

// While alive, files this process writes cannot grow beyond `bytes`: write() fails with EFBIG
// once a file reaches it (SIGXFSZ ignored meanwhile). The limit is per process.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes);
  ~FileSizeLimit();
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

inline std::string SourceDir() { return STDOK_SOURCE_DIR; }
inline std::string Binary() { return STDOK_BINARY; }

}  // namespace stdok::testing
