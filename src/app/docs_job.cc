#include "app/docs_job.h"

#include <filesystem>

namespace stdok {

DocsReport RunDocs(const std::string& templates_dir, const std::string& forms_dir, FileSystem* fs) {
  DocsReport report;
  report.io_error = !LoadCatalog(templates_dir, fs, &report.catalog, &report.diagnostics) ||
                    !LoadForms(forms_dir, fs, &report.catalog, &report.diagnostics);
  return report;
}

std::string FormatDocsTable(const Catalog& catalog) {
  auto file_name = [](const std::string& path) { return std::filesystem::path(path).filename().string(); };
  std::string out = "id\tvariant\ttitle\tregulation\tsource\tfile\n";
  for (const Template& t : catalog.templates) {
    out += t.id + "\t" + (t.variant.empty() ? "-" : t.variant) + "\t" + t.title + "\t" +
           (t.regulation.empty() ? "båda" : t.regulation) + "\t" + t.source + "\t" + file_name(t.path) + "\n";
  }
  for (const FormDefinition& f : catalog.forms)
    out += f.id + "\t-\t" + f.title + "\t" + f.regulation + "\t" + f.source + "\t" + file_name(f.path) + "\n";
  return out;
}

int DocsExitCode(const DocsReport& report) {
  if (report.io_error) return 2;
  return report.diagnostics.empty() ? 0 : 1;
}

}  // namespace stdok
