#include "app/manifest_merge.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/manifest_files.h"
#include "output/sha256.h"

namespace stdok {
namespace {

struct Part {
  std::string folder;
  std::vector<ManifestEntry> entries;
  ManifestShard shard;
};

void Error(const std::string& where, const std::string& message, Diagnostics* diagnostics) {
  diagnostics->push_back({Severity::kError, {where}, "", "", "manifest.merge", message, ""});
}

bool ReadPart(const std::string& folder, FileSystem* fs, Part* part, Diagnostics* diagnostics) {
  const std::string path = folder + "/" + kManifestJson;
  std::string text, error;
  part->folder = folder;
  if (!fs->ReadFile(path, &text, &error)) {
    Error(path, "cannot read the part's manifest: " + error, diagnostics);
    return false;
  }
  if (!ParseManifestJson(text, &part->entries, &part->shard, &error)) {
    Error(path, "not a manifest stdok wrote: " + error, diagnostics);
    return false;
  }
  if (part->shard.index == 0) {
    Error(path, "this run was not split (render --shard K/N); there is nothing to merge", diagnostics);
    return false;
  }
  return true;
}

// Every part of one split run, once: same count, records and date. Sorts them by index.
bool BelongTogether(std::vector<Part>* parts, Diagnostics* diagnostics) {
  const ManifestShard& first = parts->front().shard;
  const std::string first_path = parts->front().folder + "/" + kManifestJson;
  bool ok = true;
  std::map<int, const Part*> by_index;
  for (const Part& p : *parts) {
    const std::string path = p.folder + "/" + kManifestJson;
    if (p.shard.count != first.count || p.shard.records_sha256 != first.records_sha256 ||
        p.shard.as_of != first.as_of) {
      Error(path, "part " + std::to_string(p.shard.index) + " of " + std::to_string(p.shard.count) + " (as of " +
                      p.shard.as_of + ") is not of the same run as " + first_path + " (part " +
                      std::to_string(first.index) + " of " + std::to_string(first.count) + ", as of " + first.as_of +
                      "): another records file, date or split",
            diagnostics);
      ok = false;
    } else if (!by_index.emplace(p.shard.index, &p).second) {
      Error(path, "part " + std::to_string(p.shard.index) + " is given twice (also " +
                      by_index[p.shard.index]->folder + ")", diagnostics);
      ok = false;
    }
  }
  if (!ok) return false;
  for (int k = 1; k <= first.count; ++k)
    if (!by_index.count(k)) {
      Error(first_path, "part " + std::to_string(k) + " of " + std::to_string(first.count) + " is missing",
            diagnostics);
      ok = false;
    }
  std::sort(parts->begin(), parts->end(), [](const Part& a, const Part& b) { return a.shard.index < b.shard.index; });
  return ok;
}

bool Made(const ManifestEntry& e) { return (e.status == "written" || e.status == "draft") && !e.file.empty(); }

// The document into OUT: checked against the part's SHA-256; not rewritten when OUT already
// holds those bytes (merging into one of the parts, or a second merge after a failure).
bool Assemble(const Part& part, const ManifestEntry& e, const std::string& output_dir, FileSystem* fs,
              ManifestMergeSummary* summary, Diagnostics* diagnostics) {
  const std::string target = output_dir + "/" + e.file;
  std::string bytes, error;
  if (fs->ReadFile(target, &bytes, &error) && Sha256Hex(bytes) == e.sha256) return true;
  const std::string source = part.folder + "/" + e.file;
  if (!fs->ReadFile(source, &bytes, &error)) {
    Error(source, "a document the part lists is missing: " + error, diagnostics);
    summary->document_errors = true;
    return false;
  }
  if (Sha256Hex(bytes) != e.sha256) {
    Error(source, "the document is not what the part's manifest lists (SHA-256 differs): damaged or rewritten",
          diagnostics);
    summary->document_errors = true;
    return false;
  }
  const size_t slash = target.rfind('/');
  if (!fs->MakeDirectories(target.substr(0, slash), &error) || !fs->WriteAtomically(target, bytes, &error)) {
    Error(target, "cannot write the document: " + error, diagnostics);
    summary->io_error = true;
    return false;
  }
  ++summary->copied;
  return true;
}

}  // namespace

ManifestMergeSummary RunManifestMerge(const ManifestMergeOptions& options, FileSystem* fs,
                                      Diagnostics* diagnostics) {
  ManifestMergeSummary summary;
  std::vector<Part> parts(options.parts.size());
  bool readable = !parts.empty();
  for (size_t i = 0; i < parts.size(); ++i) readable &= ReadPart(options.parts[i], fs, &parts[i], diagnostics);
  if (!readable || !BelongTogether(&parts, diagnostics)) {
    summary.io_error = true;
    return summary;
  }
  summary.parts = static_cast<int>(parts.size());
  std::string error;
  if (!fs->MakeDirectories(options.output_dir, &error) || !RemoveManifestFiles(options.output_dir, fs, &error)) {
    Error(options.output_dir, "cannot use the output folder: " + error, diagnostics);
    summary.io_error = true;
    return summary;
  }
  std::vector<ManifestEntry> merged;
  std::map<std::string, std::string> owner_of_file;  // file -> the part that lists it
  for (const Part& part : parts) {
    for (const ManifestEntry& e : part.entries) {
      if (!e.file.empty()) {
        auto [it, fresh] = owner_of_file.emplace(e.file, part.folder);
        if (!fresh) {
          Error(part.folder + "/" + kManifestJson, "'" + e.file + "' is listed by two parts (also " + it->second + ")",
                diagnostics);
          summary.io_error = true;
          return summary;
        }
      }
      if (Made(e) && Assemble(part, e, options.output_dir, fs, &summary, diagnostics)) ++summary.documents;
      if (summary.io_error) return summary;
      merged.push_back(e);
    }
  }
  summary.entries = static_cast<int>(merged.size());
  if (summary.document_errors) return summary;  // a manifest would list what is not there
  summary.manifest_written = WriteManifestFiles(merged, ManifestShard{}, options.output_dir, fs, &error);
  if (!summary.manifest_written) {
    Error(options.output_dir, "cannot write the manifest: " + error, diagnostics);
    summary.io_error = true;
  }
  return summary;
}

int ManifestMergeExitCode(const ManifestMergeSummary& summary) {
  if (summary.io_error) return 2;
  return summary.document_errors ? 1 : 0;
}

std::string FormatManifestMergeSummary(const ManifestMergeSummary& summary, const std::string& output_dir) {
  std::string out = "stdok: " + std::to_string(summary.parts) + " parts merged: " +
                    std::to_string(summary.documents) + " documents (" + std::to_string(summary.copied) +
                    " copied), " + std::to_string(summary.entries) + " manifest entries";
  out += summary.manifest_written ? "; manifest: " + output_dir + "/" + kManifestJson : "; no manifest written";
  return out + "\n";
}

}  // namespace stdok
