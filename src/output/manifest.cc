#include "output/manifest.h"

#include <string_view>

#include "output/json.h"

namespace stdok {

std::string ManifestJson(const std::vector<ManifestEntry>& entries, const std::string& generator) {
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  for (const ManifestEntry& e : entries) {
    nlohmann::ordered_json entry = {{"trainee_id", e.trainee_id}, {"trainee_name", e.trainee_name},
                                    {"document_id", e.doc_id},    {"file", e.file},
                                    {"pages", e.pages},           {"bytes", e.bytes},
                                    {"sha256", e.sha256},         {"status", e.status}};
    if (!e.reason.empty()) entry["reason"] = e.reason;
    documents.push_back(std::move(entry));
  }
  return DumpJson({{"generator", generator}, {"documents", std::move(documents)}});
}

namespace {

// A field that starts with = + - @ (or a tab or carriage return) would be a formula in a
// spreadsheet: it gets a leading apostrophe, so it is shown as the text it is.
std::string CsvField(std::string text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) text.insert(0, "'");
  bool quote = text.find_first_of(";\"\r\n") != std::string::npos;
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ManifestCsv(const std::vector<ManifestEntry>& entries) {
  std::string out = "\xEF\xBB\xBF";
  out += "trainee_id;trainee_name;document_id;file;pages;bytes;sha256;status;reason\r\n";
  for (const ManifestEntry& e : entries) {
    out += CsvField(e.trainee_id) + ";" + CsvField(e.trainee_name) + ";" + CsvField(e.doc_id) + ";" +
           CsvField(e.file) + ";" + std::to_string(e.pages) + ";" + std::to_string(e.bytes) + ";" +
           e.sha256 + ";" + e.status + ";" + CsvField(e.reason) + "\r\n";
  }
  return out;
}

}  // namespace stdok
