#include "app/print_pack.h"

#include <algorithm>
#include <map>

#include "app/document_pipeline.h"
#include "text/collation.h"
#include "text/slug.h"

namespace stdok {

PackDocument ForPrintPack(const WorkItem& work, LaidOutDocument pages) {
  PackDocument d{work, std::move(pages)};
  d.work.context.reset();
  d.work.item = Value();
  d.work.attachment = Value();
  d.work.attachments = Value();
  return d;
}

std::vector<std::vector<size_t>> PrintPackGroups(const std::vector<PackDocument>& documents) {
  std::vector<std::vector<size_t>> groups;
  std::map<std::string, size_t> group_of;
  for (size_t i = 0; i < documents.size(); ++i) {
    auto [it, added] = group_of.emplace(documents[i].work.DocId(), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) {
      return SwedishLess(documents[a].work.owner_sort_key, documents[b].work.owner_sort_key);
    });
  }
  return groups;
}

void WritePrintPacks(const RenderSetup& setup, std::vector<PackDocument>* documents,
                     const RenderOptions& options, FileSystem* fs, RenderSummary* summary,
                     Diagnostics* diagnostics) {
  RenderOptions pack_options = options;
  pack_options.pdfa = false;
  pack_options.signature_fields = false;
  for (const std::vector<size_t>& group : PrintPackGroups(*documents)) {
    const WorkItem& first = (*documents)[group.front()].work;
    ManifestEntry entry;
    entry.doc_id = first.DocId();
    entry.status = "failed";
    LaidOutDocument pack;
    bool ok = true;
    for (size_t i : group) {
      LaidOutDocument& one = (*documents)[i].pages;
      if (pack.pages.empty()) pack.info = one.info;
      for (Page& page : one.pages) pack.pages.push_back(std::move(page));
      one.pages.clear();
      if (pack.pages.size() % 2 != 0) pack.pages.emplace_back();  // blank back for duplex
    }
    WorkItem pack_item = first;
    pack_item.owner_id.clear();
    pack_item.relative_path = std::string(kPrintPackFolder) + "/" + Slugify(entry.doc_id) + ".pdf";
    pack.info.title = "Utskriftspaket: " + entry.doc_id + " (" + std::to_string(group.size()) + " dokument)";
    pack.info.signature_fields = false;
    std::string bytes, error;
    if (ok && !WriteWork(pack_item, pack, pack_options, setup, &bytes, &error)) ok = false;
    const std::string path = options.output_dir + "/" + pack_item.relative_path;
    if (ok && !WriteDocumentFile(options.output_dir, pack_item.relative_path, bytes,
                                 static_cast<int>(pack.pages.size()), fs, &entry, &error))
      ok = false;
    if (!ok) {
      entry.reason = error.empty() ? "a document of the pack could not be laid out" : error;
      diagnostics->push_back({Severity::kError, {path}, "", "", "io.print-pack",
                              "cannot write the print pack: " + entry.reason, ""});
      ++summary->failed;
    } else {
      entry.status = "written";
      entry.reason = std::to_string(group.size()) + " documents";
    }
    summary->entries.push_back(std::move(entry));
  }
}

}  // namespace stdok
