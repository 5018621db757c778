#include "app/records_input.h"

#include "app/catalog.h"
#include "records/records_reader.h"

namespace stdok {

bool ReadRecordsInput(const std::string& input, const std::string& templates_dir, const Date& today,
                      FileSystem* fs, RecordsInput* out, Diagnostics* diagnostics) {
  std::string text, error;
  if (!fs->ReadFile(input, &text, &error)) {
    diagnostics->push_back({Severity::kError, {input}, "", "", "io.read",
                            "cannot read the records file: " + error, ""});
    return false;
  }
  Catalog catalog;
  Diagnostics catalog_diagnostics;  // template problems are `render`'s and `docs`' to report
  LoadCatalog(templates_dir, fs, &catalog, &catalog_diagnostics);
  out->file = ReadRecords(input, text, today, diagnostics);
  if (out->file.refused) return false;
  if (auto it = catalog.profiles.find(out->file.region.id); it != catalog.profiles.end())
    out->profile = it->second;
  return true;
}

}  // namespace stdok
