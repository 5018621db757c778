#include "app/manifest_files.h"

#include "app/status_workbook.h"

namespace stdok {

bool RemoveManifestFiles(const std::string& output_dir, FileSystem* fs, std::string* error) {
  return fs->RemoveFile(output_dir + "/" + kManifestJson, error) &&
         fs->RemoveFile(output_dir + "/" + kManifestCsv, error) &&
         fs->RemoveFile(output_dir + "/" + kManifestXlsx, error);
}

bool WriteManifestFiles(const std::vector<ManifestEntry>& entries, const ManifestShard& shard,
                        const std::string& output_dir, FileSystem* fs, std::string* error) {
  const std::string generator = std::string("stdok ") + STDOK_VERSION;
  if (fs->WriteAtomically(output_dir + "/" + kManifestJson, ManifestJson(entries, generator, shard), error) &&
      fs->WriteAtomically(output_dir + "/" + kManifestCsv, ManifestCsv(entries), error) &&
      WriteManifestWorkbook(entries, output_dir + "/" + kManifestXlsx, fs, error))
    return true;
  std::string ignored;
  RemoveManifestFiles(output_dir, fs, &ignored);
  return false;
}

}  // namespace stdok
