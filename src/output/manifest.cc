#include "output/manifest.h"

#include <algorithm>
#include <string_view>

#include "output/json.h"
#include "output/manifest_entries.h"

namespace stdok {

namespace {

nlohmann::ordered_json EntryJson(const ManifestEntry& e) {
  nlohmann::ordered_json entry = {{"trainee_id", e.trainee_id}, {"trainee_name", e.trainee_name},
                                  {"document_id", e.doc_id},    {"file", e.file},
                                  {"pages", e.pages},           {"bytes", e.bytes},
                                  {"sha256", e.sha256},         {"status", e.status}};
  if (!e.reason.empty()) entry["reason"] = e.reason;
  return entry;
}

constexpr std::size_t kEntriesPerPart = 512;

void AppendEntryJson(const ManifestEntry& e, bool last, std::string* out) {
  const std::string one = EntryJson(e).dump(2, ' ', /*ensure_ascii=*/false,
                                            nlohmann::ordered_json::error_handler_t::replace);
  *out += "    ";
  for (char c : one) {
    *out += c;
    if (c == '\n') *out += "    ";
  }
  *out += last ? "\n" : ",\n";
}

}  // namespace

// The text nlohmann would write for the whole manifest, made one entry at a time: a national
// run's manifest as one JSON tree took 73 MiB more than its text.
ManifestText ManifestText::Json(const ManifestEntries& entries, const std::string& generator,
                                const ManifestShard& shard) {
  ManifestText text(entries, true);
  nlohmann::ordered_json head = {{"generator", generator}};
  if (shard.index > 0)
    head["shard"] = {{"index", shard.index},
                     {"count", shard.count},
                     {"records_sha256", shard.records_sha256},
                     {"as_of", shard.as_of}};
  text.head_ = DumpJson(head);
  text.head_.resize(text.head_.size() - 3);  // "\n}\n": the documents come before the closing brace
  text.head_ += entries.empty() ? ",\n  \"documents\": []\n}\n" : ",\n  \"documents\": [\n";
  return text;
}

ManifestText ManifestText::Csv(const ManifestEntries& entries) {
  ManifestText text(entries, false);
  text.head_ = "\xEF\xBB\xBF";
  text.head_ += "trainee_id;trainee_name;document_id;file;pages;bytes;sha256;status;reason\r\n";
  return text;
}

std::string ManifestJson(const ManifestEntries& entries, const std::string& generator,
                         const ManifestShard& shard) {
  std::string out;
  for (ManifestText text = ManifestText::Json(entries, generator, shard); text.Next(&out);) {
  }
  return out;
}

namespace {

template <typename T>
bool Field(const nlohmann::json& object, const char* name, bool required, T* out, const std::string& where,
           std::string* error) {
  const auto it = object.find(name);
  if (it == object.end()) {
    if (required) *error = where + ": '" + name + "' is missing";
    return !required;
  }
  try {
    *out = it->get<T>();
  } catch (const nlohmann::json::exception&) {
    *error = where + ": '" + name + "' has the wrong type";
    return false;
  }
  return true;
}

}  // namespace

bool ParseManifestJson(const std::string& text, std::vector<ManifestEntry>* entries, ManifestShard* shard,
                       std::string* error) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  *shard = ManifestShard{};
  if (const auto it = json.find("shard"); it != json.end()) {
    if (!it->is_object() || !Field(*it, "index", true, &shard->index, "shard", error) ||
        !Field(*it, "count", true, &shard->count, "shard", error) ||
        !Field(*it, "records_sha256", true, &shard->records_sha256, "shard", error) ||
        !Field(*it, "as_of", true, &shard->as_of, "shard", error)) {
      if (error->empty()) *error = "'shard' is not an object";
      return false;
    }
    if (shard->count < 1 || shard->index < 1 || shard->index > shard->count) {
      *error = "shard: index " + std::to_string(shard->index) + " of " + std::to_string(shard->count) +
               " is out of range";
      return false;
    }
  }
  const auto documents = json.find("documents");
  if (documents == json.end() || !documents->is_array()) {
    *error = "'documents' is missing or not a list";
    return false;
  }
  entries->clear();
  for (size_t i = 0; i < documents->size(); ++i) {
    const nlohmann::json& d = (*documents)[i];
    const std::string where = "documents[" + std::to_string(i) + "]";
    ManifestEntry e;
    if (!d.is_object()) {
      *error = where + ": not an object";
      return false;
    }
    if (!Field(d, "trainee_id", true, &e.trainee_id, where, error) ||
        !Field(d, "trainee_name", true, &e.trainee_name, where, error) ||
        !Field(d, "document_id", true, &e.doc_id, where, error) || !Field(d, "file", true, &e.file, where, error) ||
        !Field(d, "pages", true, &e.pages, where, error) || !Field(d, "bytes", true, &e.bytes, where, error) ||
        !Field(d, "sha256", true, &e.sha256, where, error) || !Field(d, "status", true, &e.status, where, error) ||
        !Field(d, "reason", false, &e.reason, where, error))
      return false;
    entries->push_back(std::move(e));
  }
  return true;
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

std::string ManifestCsv(const ManifestEntries& entries) {
  std::string out;
  for (ManifestText text = ManifestText::Csv(entries); text.Next(&out);) {
  }
  return out;
}

bool ManifestText::Next(std::string* out) {
  if (stage_ == 0) {
    *out += head_;
    stage_ = entries_->empty() && json_ ? 2 : 1;
    return true;
  }
  if (stage_ == 2 || (!json_ && next_ == entries_->size())) return false;
  const std::size_t end = std::min(entries_->size(), next_ + kEntriesPerPart);
  for (; next_ < end; ++next_) {
    const ManifestEntry e = (*entries_)[next_];
    if (json_) {
      AppendEntryJson(e, next_ + 1 == entries_->size(), out);
    } else {
      *out += CsvField(e.trainee_id) + ";" + CsvField(e.trainee_name) + ";" + CsvField(e.doc_id) + ";" +
              CsvField(e.file) + ";" + std::to_string(e.pages) + ";" + std::to_string(e.bytes) + ";" +
              e.sha256 + ";" + e.status + ";" + CsvField(e.reason) + "\r\n";
    }
  }
  if (json_ && next_ == entries_->size()) {
    *out += "  ]\n}\n";
    stage_ = 2;
  }
  return true;
}

}  // namespace stdok
