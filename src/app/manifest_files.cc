#include "app/manifest_files.h"

#include "app/status_workbook.h"

namespace stdok {

bool RemoveManifestFiles(const std::string& output_dir, FileSystem* fs, std::string* error) {
  return fs->RemoveFile(output_dir + "/" + kManifestJson, error) &&
         fs->RemoveFile(output_dir + "/" + kManifestCsv, error) &&
         fs->RemoveFile(output_dir + "/" + kManifestXlsx, error);
}

bool WriteManifestFiles(const ManifestEntries& entries, const ManifestShard& shard,
                        const std::string& output_dir, FileSystem* fs, std::string* error,
                        const std::string* workbook) {
  const std::string generator = std::string("stdok ") + STDOK_VERSION;
  ManifestText json = ManifestText::Json(entries, generator, shard);
  ManifestText csv = ManifestText::Csv(entries);
  auto parts = [](ManifestText* text) {
    return [text](const FileSystem::PartSink& sink) {
      for (std::string part; text->Next(&part); part.clear())
        if (!sink(part)) return false;
      return true;
    };
  };
  if (fs->WriteAtomicallyInParts(output_dir + "/" + kManifestJson, parts(&json), error) &&
      fs->WriteAtomicallyInParts(output_dir + "/" + kManifestCsv, parts(&csv), error) &&
      (workbook ? fs->WriteAtomically(output_dir + "/" + kManifestXlsx, *workbook, error)
                : WriteManifestWorkbook(entries, output_dir + "/" + kManifestXlsx, fs, error)))
    return true;
  std::string ignored;
  RemoveManifestFiles(output_dir, fs, &ignored);
  return false;
}

}  // namespace stdok
