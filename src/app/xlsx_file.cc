#include "app/xlsx_file.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

namespace stdok {

bool WriteXlsxAtomically(const std::string& path, FileSystem* fs,
                         const std::function<bool(const std::string&, std::string*)>& write, std::string* error) {
  static std::atomic<unsigned long> counter{0};
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec) /
                                    ("stdok-xlsx-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir, ec);
  const std::string temporary = (dir / "workbook.xlsx").string();
  std::string bytes;
  const bool ok = write(temporary, error) && fs->ReadFile(temporary, &bytes, error) &&
                  fs->WriteAtomically(path, bytes, error);
  std::filesystem::remove_all(dir, ec);
  return ok;
}

}  // namespace stdok
