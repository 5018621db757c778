#include "output/manifest.h"

#include <cstdio>

namespace stdok {

std::string JsonEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string ManifestJson(const std::vector<ManifestEntry>& entries, const std::string& generator) {
  std::string out = "{\n  \"generator\": \"" + JsonEscape(generator) + "\",\n  \"documents\": [";
  for (size_t i = 0; i < entries.size(); ++i) {
    const ManifestEntry& e = entries[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"trainee_id\": \"" + JsonEscape(e.trainee_id) + "\", ";
    out += "\"trainee_name\": \"" + JsonEscape(e.trainee_name) + "\", ";
    out += "\"document_id\": \"" + JsonEscape(e.doc_id) + "\", ";
    out += "\"file\": \"" + JsonEscape(e.file) + "\", ";
    out += "\"pages\": " + std::to_string(e.pages) + ", ";
    out += "\"bytes\": " + std::to_string(e.bytes) + ", ";
    out += "\"sha256\": \"" + e.sha256 + "\", ";
    out += "\"status\": \"" + e.status + "\"";
    if (!e.reason.empty()) out += ", \"reason\": \"" + JsonEscape(e.reason) + "\"";
    out += "}";
  }
  out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

namespace {

std::string CsvField(const std::string& text) {
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
