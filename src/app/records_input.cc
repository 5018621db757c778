#include "app/records_input.h"

#include "app/catalog.h"
#include "app/workbook_input.h"
#include "records/records_reader.h"

namespace stdok {

bool ReadRecordsInput(const std::string& input, const std::string& templates_dir, const Date& today,
                      FileSystem* fs, RecordsInput* out, Diagnostics* diagnostics) {
  std::string text, error;
  ImportedRecords workbook;
  const bool is_workbook = IsWorkbookInput(input);
  if (is_workbook) {
    if (!ReadWorkbookInput(input, fs, &workbook, diagnostics)) return false;
    text = workbook.xml;
  } else if (!fs->ReadFile(input, &text, &error)) {
    diagnostics->push_back({Severity::kError, {input}, "", "", "io.read",
                            "cannot read the records file: " + error, ""});
    return false;
  }
  Catalog catalog;
  Diagnostics catalog_diagnostics;  // template problems are `render`'s and `docs`' to report
  LoadCatalog(templates_dir, fs, &catalog, &catalog_diagnostics);
  const std::size_t before = diagnostics->size();
  out->file = ReadRecords(input, text, today, diagnostics);
  if (is_workbook) {
    Diagnostics read(diagnostics->begin() + static_cast<std::ptrdiff_t>(before), diagnostics->end());
    LocateInWorkbook(workbook, input, &read);
    std::copy(read.begin(), read.end(), diagnostics->begin() + static_cast<std::ptrdiff_t>(before));
    out->workbook = std::move(workbook);
  }
  if (out->file.refused) return false;
  if (auto it = catalog.profiles.find(out->file.region.id); it != catalog.profiles.end())
    out->profile = it->second;
  return true;
}

}  // namespace stdok
