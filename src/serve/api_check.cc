// POST /api/check: the CLI's findings (CheckRecords, as `stdok check`) and, per trainee, the
// facts the rules read (ComputeTraineeFacts, as `stdok status`), for the records in the body.
#include "serve/api.h"
#include "serve/api_common.h"

#include "app/check_job.h"
#include "app/status_job.h"
#include "serve/facts_json.h"
#include "serve/records_request.h"

namespace stdok {

namespace {

using Json = nlohmann::ordered_json;

// The as-of date: the body's "as_of", else the server's. False after sending 400.
bool AsOf(const ServeContext& context, const httplib::Request& req, httplib::Response& res, const Json& body,
          Date* as_of) {
  *as_of = context.options->render.today;
  auto it = body.find("as_of");
  if (it == body.end() || it->is_null()) return true;
  std::optional<Date> parsed = it->is_string() ? ParseIsoDate(it->get<std::string>()) : std::nullopt;
  if (!parsed) {
    SendError(req, res, 400, "\"as_of\" ska vara ett datum (ÅÅÅÅ-MM-DD).");
    return false;
  }
  *as_of = *parsed;
  return true;
}

void Check(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  Json body;
  Date as_of;
  if (!ParseJsonBody(req, res, &body) || !AsOf(context, req, res, body, &as_of)) return;
  auto records = body.find("records");
  if (records == body.end()) return SendError(req, res, 400, "Förfrågan saknar \"records\".");
  RecordsRequest read;
  ReadRecordsRequest(context, *records, as_of, &read);
  Json findings = Json::array();
  Json trainees = Json::array();
  if (!read.problem_pointer.empty() || (!read.readable && read.diagnostics.empty())) {
    findings.push_back({{"rule", "records.unreadable"},
                        {"severity", "error"},
                        {"message", read.problem},
                        {"trainee", nullptr},
                        {"field", ""},
                        {"where", nullptr},
                        {"path", read.problem_pointer},
                        {"source", ""}});
  } else if (!read.readable) {
    for (const Diagnostic& d : read.diagnostics) findings.push_back(FindingJson(d, read.xml));
  } else {
    CheckOptions options;
    options.input = read.path;
    options.templates_dir = context.options->render.templates_dir;
    options.today = as_of;
    std::vector<TraineeFacts> facts;
    const CheckReport report = CheckRecords(read.input, options, read.diagnostics, &facts);
    for (const Diagnostic& d : report.diagnostics) findings.push_back(FindingJson(d, read.xml));
    const RecordsFile& file = read.input.file;
    for (size_t i = 0; i < file.trainees.size(); ++i) {
      const TraineeStatus status = SummarizeTrainee(file, file.trainees[i], read.input.profile, facts[i], report.diagnostics);
      trainees.push_back(TraineeFactsJson(file, file.trainees[i], facts[i], status, read.xml));
    }
  }
  SendJson(res, {{"as_of", FormatIso(as_of)}, {"findings", std::move(findings)}, {"trainees", std::move(trainees)}});
}

}  // namespace

void AddCheckApi(httplib::Server& server, const ServeContext& context) {
  server.Post("/api/check", [&context](const httplib::Request& req, httplib::Response& res) { Check(context, req, res); });
}

}  // namespace stdok
