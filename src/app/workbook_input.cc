#include "app/workbook_input.h"

#include <algorithm>
#include <filesystem>

#include "records/records_reader.h"
#include "workbook/csv_reader.h"
#include "workbook/xlsx_reader.h"

namespace stdok {
namespace {

bool EndsWith(const std::string& text, const std::string& tail) {
  if (text.size() < tail.size()) return false;
  std::string end = text.substr(text.size() - tail.size());
  std::transform(end.begin(), end.end(), end.begin(), [](unsigned char c) { return std::tolower(c); });
  return end == tail;
}

void Refuse(const std::string& where, const std::string& rule, const std::string& message, Diagnostics* d) {
  d->push_back({Severity::kError, {where}, "", "", rule, message, ""});
}

bool ReadCsvFile(const std::string& path, FileSystem* fs, const WorkbookLimits& limits, Workbook* workbook,
                 Diagnostics* diagnostics) {
  std::string bytes, error;
  if (!fs->ReadFile(path, &bytes, &error)) {
    Refuse(path, "io.read", "cannot read the file: " + error, diagnostics);
    return false;
  }
  Sheet sheet;
  sheet.name = std::filesystem::path(path).stem().string();
  CsvFormat format;
  if (!ReadCsv(bytes, limits, &sheet, &format, &error)) {
    Refuse(path, "workbook.refused", error, diagnostics);
    return false;
  }
  diagnostics->push_back({Severity::kInfo, {path}, "", "", "workbook.csv-format",
                          std::string("read as ") + format.encoding + ", fields separated by " +
                              (format.separator == ';' ? "semicolons" : "commas"),
                          ""});
  workbook->sheets.push_back(std::move(sheet));
  return true;
}

}  // namespace

bool IsWorkbookInput(const std::string& input) {
  std::error_code ec;
  return EndsWith(input, ".xlsx") || EndsWith(input, ".csv") || std::filesystem::is_directory(input, ec);
}

bool ReadWorkbookInput(const std::string& input, FileSystem* fs, ImportedRecords* out, Diagnostics* diagnostics) {
  const WorkbookLimits limits;
  Workbook workbook;
  workbook.path = input;
  std::error_code ec;
  if (std::filesystem::is_directory(input, ec)) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(input, ec))
      if (entry.is_regular_file() && EndsWith(entry.path().string(), ".csv")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      Refuse(input, "io.read", "the folder holds no .csv files (one per sheet, named after the sheet)", diagnostics);
      return false;
    }
    for (const std::string& file : files)
      if (!ReadCsvFile(file, fs, limits, &workbook, diagnostics)) return false;
  } else if (EndsWith(input, ".csv")) {
    if (!ReadCsvFile(input, fs, limits, &workbook, diagnostics)) return false;
  } else {
    std::string bytes, error;
    if (!fs->ReadFile(input, &bytes, &error)) {
      Refuse(input, "io.read", "cannot read the workbook: " + error, diagnostics);
      return false;
    }
    if (!ReadXlsx(bytes, limits, &workbook, &error)) {
      Refuse(input, "workbook.refused", error, diagnostics);
      return false;
    }
  }
  *out = ImportWorkbook(workbook, diagnostics);
  return true;
}

std::set<std::string> TraineesWithErrors(const Diagnostics& diagnostics) {
  std::set<std::string> ids;
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::kError && !d.trainee_id.empty()) ids.insert(d.trainee_id);
  return ids;
}

std::vector<std::string> TraineesWithout(const std::string& xml, const std::vector<std::string>& wanted,
                                         const std::set<std::string>& stopped) {
  Diagnostics ignored;
  std::vector<std::string> ids;
  for (const Trainee& t : ReadRecords("", xml, Date{2000, 1, 1}, &ignored).trainees)
    if (!stopped.count(t.id) && (wanted.empty() || std::find(wanted.begin(), wanted.end(), t.id) != wanted.end()))
      ids.push_back(t.id);
  if (ids.empty()) ids.push_back("");  // none: an empty id matches no trainee
  return ids;
}

bool OverlayFileSystem::ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  if (path != path_) return base_->ReadFile(path, bytes, error);
  *bytes = text_;
  return true;
}

}  // namespace stdok
