#include "app/print_pack.h"

#include <algorithm>
#include <map>

#include "app/document_pipeline.h"
#include "text/collation.h"
#include "text/slug.h"

namespace stdok {

namespace {

// A pack's pages: its documents' in order, each padded with a blank page to an even count.
class PackPages : public PageSequence {
 public:
  PackPages(const std::vector<PackDocument>& documents, const std::vector<size_t>& group, const PageSpool& spool)
      : documents_(documents), group_(group), spool_(spool) {}

  bool ForEach(const std::function<bool(const Page&)>& visit, std::string* error) const override {
    const Page blank;
    std::vector<Page> pages;
    int count = 0;
    for (size_t i : group_) {
      if (!spool_.Load(documents_[i].pages, &pages, error)) return false;
      for (const Page& page : pages)
        if (++count, !visit(page)) return false;
      if (count % 2 != 0 && (++count, !visit(blank))) return false;  // blank back for duplex
    }
    return true;
  }

  int Count() const override {
    int count = 0;
    for (size_t i : group_) count += documents_[i].pages.pages + documents_[i].pages.pages % 2;
    return count;
  }

 private:
  const std::vector<PackDocument>& documents_;
  const std::vector<size_t>& group_;
  const PageSpool& spool_;
};

}  // namespace

PackDocument PrintPacks::Keep(const WorkItem& work, const LaidOutDocument& pages) {
  PackDocument d;
  d.tmpl = work.tmpl;
  d.form = work.form;
  d.sort_key = work.owner_sort_key;
  d.info = std::make_unique<DocumentInfo>(pages.info);
  if (!spool_.Add(pages.pages, &d.pages, &d.lost) && d.lost.empty()) d.lost = "its pages could not be kept";
  return d;
}

void PrintPacks::Add(PackDocument document) {
  const size_t index = documents_.size();
  auto [first, added] = first_.emplace(document.DocId(), index);
  if (!added) {  // the earlier of two equal keys stays first, as in PrintPackGroups' stable sort
    PackDocument& so_far = documents_[first->second];
    if (SwedishLess(document.sort_key, so_far.sort_key)) {
      so_far.info.reset();
      first->second = index;
    } else {
      document.info.reset();
    }
  }
  documents_.push_back(std::move(document));
}

std::vector<std::vector<size_t>> PrintPackGroups(const std::vector<PackDocument>& documents) {
  std::vector<std::vector<size_t>> groups;
  std::map<std::string, size_t> group_of;
  for (size_t i = 0; i < documents.size(); ++i) {
    auto [it, added] = group_of.emplace(documents[i].DocId(), groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  for (auto& group : groups) {
    std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) {
      return SwedishLess(documents[a].sort_key, documents[b].sort_key);
    });
  }
  return groups;
}

void PrintPacks::Write(const RenderSetup& setup, const RenderOptions& options, FileSystem* fs,
                       RenderSummary* summary, Diagnostics* diagnostics) const {
  RenderOptions pack_options = options;
  pack_options.pdfa = false;
  pack_options.signature_fields = false;
  for (const std::vector<size_t>& group : PrintPackGroups(documents_)) {
    const PackDocument& first = documents_[group.front()];
    ManifestEntry entry;
    entry.doc_id = first.DocId();
    entry.status = "failed";
    std::string error;
    for (size_t i : group)
      if (error.empty() && !documents_[i].lost.empty()) error = documents_[i].lost;
    const PackPages pages(documents_, group, spool_);
    WorkItem pack_item;
    pack_item.tmpl = first.tmpl;
    pack_item.form = first.form;
    pack_item.relative_path = std::string(kPrintPackFolder) + "/" + Slugify(entry.doc_id) + ".pdf";
    DocumentInfo info = *first.info;  // Add kept it: the first of its group
    info.title = "Utskriftspaket: " + entry.doc_id + " (" + std::to_string(group.size()) + " dokument)";
    info.signature_fields = false;
    const bool ok = error.empty() && WriteWorkInParts(pack_item, info, pages, pack_options, setup, fs, &entry, &error);
    const std::string path = options.output_dir + "/" + pack_item.relative_path;
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
