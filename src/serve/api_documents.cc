// POST /api/documents, /api/preview and /api/zip: the documents of the records in the body, by
// the very code `stdok render` runs (PrepareRender, PlanTrainee, LayOutWork, WriteWork, and for
// the ZIP the whole RunRender into memory), so a preview is the bytes render would write.
#include "serve/api.h"
#include "serve/api_common.h"

#include "app/document_pipeline.h"
#include "app/render_plan.h"
#include "app/workbook_input.h"
#include "serve/memory_file_system.h"
#include "serve/records_json.h"
#include "serve/zip_archive.h"

namespace stdok {

namespace {

using Json = nlohmann::ordered_json;

// One trainee's documents planned as render would (drafts: as render --drafts would).
struct TraineeDocuments {
  RenderOptions options;
  RenderSetup setup;
  TraineePlan plan;
};

// The records of the body written as XML (under the edited file's name) and `trainee` planned.
// False after sending the error.
bool Plan(const ServeContext& context, const httplib::Request& req, httplib::Response& res, const Json& body,
          bool drafts, FileSystem* fs, TraineeDocuments* out, std::string* trainee_id) {
  GeneratedXml xml;
  if (!RecordsFromBody(req, res, body, &xml) || !StringField(req, res, body, "trainee", trainee_id)) return false;
  out->options = context.options->render;
  out->options.input = context.session->path();
  out->options.trainee_ids = {*trainee_id};
  out->options.drafts = drafts;
  OverlayFileSystem overlay(fs, out->options.input, xml.text());
  RenderSummary summary;
  Diagnostics diagnostics;
  if (!PrepareRender(out->options, &overlay, &out->setup, &summary, &diagnostics) || out->setup.file().refused) {
    std::string reason = "Dokumenten kan inte göras";
    for (const Diagnostic& d : diagnostics)
      if (d.severity == Severity::kError) {
        reason += ": " + d.message;
        break;
      }
    SendError(req, res, 422, reason + ".");
    return false;
  }
  const RecordsSource& records = *out->setup.records;
  for (size_t i = 0; i < records.size(); ++i)
    if (records.id(i) == *trainee_id) {
      out->plan = PlanTrainee(out->options, out->setup, i);
      return true;
    }
  SendError(req, res, 404, "Det finns ingen ST/BT-läkare med id " + *trainee_id + ".");
  return false;
}

// "folder/name.pdf" → "name"; a held-back document's id is "utkast/" + its draft's name.
std::string DocumentId(const WorkItem& work) {
  std::string name = work.relative_path.substr(work.relative_path.rfind('/') + 1);
  name = name.substr(0, name.size() - 4);
  return work.draft ? "utkast/" + name : name;
}

const char* KindOf(const WorkItem& work) {
  if (work.form) return "certificate";
  return work.IsContract() ? "contract" : "plan";
}

const std::string& TitleOf(const WorkItem& work) { return work.form ? work.form->title : work.tmpl->title; }

void Documents(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  std::string trainee;
  TraineeDocuments now, drafts;
  if (!Plan(context, req, res, body, false, context.fs, &now, &trainee) ||
      !Plan(context, req, res, body, true, context.fs, &drafts, &trainee))
    return;
  // In the plan with drafts, the drafts are, in order, the held-back entries of the plan without
  // them, and the other items are, in order, that plan's work (whose names and numbers are the
  // ones render writes).
  std::vector<const ManifestEntry*> held_back;
  for (const ManifestEntry& e : now.plan.entries)
    if (e.status == "held-back") held_back.push_back(&e);
  Json documents = Json::array();
  size_t next_held = 0, next_ready = 0;
  for (const WorkItem& d : drafts.plan.work) {
    if (!d.draft && next_ready >= now.plan.work.size()) continue;
    const WorkItem& w = d.draft ? d : now.plan.work[next_ready++];
    Json reason = nullptr;
    if (w.draft && next_held < held_back.size()) reason = held_back[next_held++]->reason;
    documents.push_back({{"id", DocumentId(w)},
                         {"doc_id", w.DocId()},
                         {"title", TitleOf(w)},
                         {"kind", KindOf(w)},
                         {"state", w.draft ? "held-back" : "ready"},
                         {"reason", reason},
                         {"path", w.draft ? Json(nullptr) : Json(w.relative_path)}});
  }
  for (const ManifestEntry& e : drafts.plan.entries)  // skipped (the record has errors) or failed
    documents.push_back({{"id", nullptr},
                         {"doc_id", e.doc_id},
                         {"title", e.doc_id},
                         {"kind", nullptr},
                         {"state", e.status},
                         {"reason", e.reason},
                         {"path", nullptr}});
  SendJson(res, {{"documents", std::move(documents)}});
}

void Preview(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  Json body;
  std::string trainee, id;
  if (!ParseJsonBody(req, res, &body) || !StringField(req, res, body, "document", &id)) return;
  // A ready document is planned exactly as render plans it; a held-back one as render --drafts.
  const bool draft = id.rfind("utkast/", 0) == 0;
  TraineeDocuments planned;
  if (!Plan(context, req, res, body, draft, context.fs, &planned, &trainee)) return;
  for (const WorkItem& w : planned.plan.work) {
    if (DocumentId(w) != id) continue;
    LaidOutDocument pages;
    Diagnostics diagnostics;
    std::string bytes, error;
    if (!LayOutWork(w, planned.setup, &pages, &diagnostics))
      return SendError(req, res, 422, "Mallen " + w.SourcePath() + " har fel; dokumentet kan inte göras.");
    if (!WriteWork(w, pages, planned.options, planned.setup, &bytes, &error))
      return SendError(req, res, 422, "PDF-filen kunde inte skrivas: " + error);
    res.set_header("Content-Disposition", "inline; filename=\"" + w.relative_path.substr(w.relative_path.rfind('/') + 1) + "\"");
    res.set_content(std::move(bytes), "application/pdf");
    return;
  }
  for (const ManifestEntry& e : planned.plan.entries)
    if (e.doc_id == id || "utkast/" + e.doc_id == id)
      return SendError(req, res, 422, "Dokumentet kan inte göras: " + e.reason);
  SendError(req, res, 404, "Dokumentet " + id + " finns inte för " + trainee + ".");
}

void Zip(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  Json body;
  GeneratedXml xml;
  if (!ParseJsonBody(req, res, &body) || !RecordsFromBody(req, res, body, &xml)) return;
  RenderOptions options = context.options->render;
  options.input = context.session->path();
  options.output_dir = "stdok-dokument";
  if (auto it = body.find("trainees"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) return SendError(req, res, 400, "\"trainees\" ska vara en lista av id.");
    for (const Json& id : *it)
      if (id.is_string()) options.trainee_ids.push_back(id.get<std::string>());
  }
  const std::string pack = body.value("pack", "all");
  if (pack == "contracts") options.pack = Pack::kContracts;
  else if (pack == "certificates") options.pack = Pack::kCertificates;
  else if (pack == "print") options.print_pack = true;
  else if (pack != "all") return SendError(req, res, 400, "\"pack\" ska vara all, contracts, certificates eller print.");
  OverlayFileSystem overlay(context.fs, options.input, xml.text());
  MemoryFileSystem memory(&overlay);
  Diagnostics diagnostics;
  const RenderSummary summary = RunRender(options, &memory, &diagnostics);
  if (summary.io_error || !summary.manifest_written)
    return SendError(req, res, 422, "Dokumenten kunde inte göras (se kontrollen för felen).");
  std::map<std::string, std::string> files;
  const std::string prefix = options.output_dir + "/";
  for (auto& [path, bytes] : memory.Written())
    if (path.rfind(prefix, 0) == 0) files[path.substr(prefix.size())] = std::move(bytes);
  std::string zip, error;
  if (!MakeZip(files, &zip, &error)) return SendError(req, res, 500, "ZIP-filen kunde inte göras: " + error);
  res.set_header("Content-Disposition", "attachment; filename=\"stdok-dokument.zip\"");
  res.set_content(std::move(zip), "application/zip");
}

}  // namespace

void AddDocumentsApi(httplib::Server& server, const ServeContext& context) {
  server.Post("/api/documents", [&context](const httplib::Request& req, httplib::Response& res) { Documents(context, req, res); });
  server.Post("/api/preview", [&context](const httplib::Request& req, httplib::Response& res) { Preview(context, req, res); });
  server.Post("/api/zip", [&context](const httplib::Request& req, httplib::Response& res) { Zip(context, req, res); });
}

}  // namespace stdok
