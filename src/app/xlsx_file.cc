#include "app/xlsx_file.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

namespace stdok {

bool MakeXlsx(FileSystem* fs, const std::function<bool(const std::string&, std::string*)>& write, std::string* bytes,
              std::string* error) {
  static std::atomic<unsigned long> counter{0};
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec) /
                                    ("stdok-xlsx-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir, ec);
  const std::string temporary = (dir / "workbook.xlsx").string();
  const bool ok = write(temporary, error) && fs->ReadFile(temporary, bytes, error);
  std::filesystem::remove_all(dir, ec);
  return ok;
}

bool WriteXlsxAtomically(const std::string& path, FileSystem* fs,
                         const std::function<bool(const std::string&, std::string*)>& write, std::string* error) {
  std::string bytes;
  return MakeXlsx(fs, write, &bytes, error) && fs->WriteAtomically(path, bytes, error);
}

}  // namespace stdok
