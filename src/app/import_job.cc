#include "app/import_job.h"

#include "app/workbook_input.h"
#include "app/xlsx_file.h"
#include "records/records_reader.h"
#include "workbook/workbook_export.h"

namespace stdok {

int RunImport(const ImportOptions& options, FileSystem* fs, Diagnostics* diagnostics) {
  ImportedRecords records;
  if (!ReadWorkbookInput(options.input, fs, &records, diagnostics)) return 2;
  std::string error;
  if (!fs->WriteAtomically(options.output, records.xml, &error)) {
    diagnostics->push_back({Severity::kError, {options.output}, "", "", "io.write",
                            "cannot write the records file: " + error, ""});
    return 2;
  }
  Diagnostics read;
  ReadRecords(options.input, records.xml, options.today, &read);
  LocateInWorkbook(records, options.input, &read);
  diagnostics->insert(diagnostics->end(), read.begin(), read.end());
  return HasErrors(*diagnostics) ? 1 : 0;
}

int RunExport(const ExportJobOptions& options, FileSystem* fs, Diagnostics* diagnostics) {
  std::string text, error;
  if (!options.empty) {
    if (!fs->ReadFile(options.input, &text, &error)) {
      diagnostics->push_back({Severity::kError, {options.input}, "", "", "io.read",
                              "cannot read the records file: " + error, ""});
      return 2;
    }
    if (ReadRecords(options.input, text, options.today, diagnostics).refused) return 2;
  }
  ExportOptions export_options;
  export_options.empty = options.empty;
  const bool written = WriteXlsxAtomically(
      options.output, fs,
      [&](const std::string& temporary, std::string* e) { return ExportWorkbook(text, temporary, export_options, e); },
      &error);
  if (!written) {
    diagnostics->push_back({Severity::kError, {options.output}, "", "", "io.write",
                            "cannot write the workbook: " + error, ""});
    return 2;
  }
  return 0;
}

}  // namespace stdok
