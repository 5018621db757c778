// GET /api/session and GET /api/records.
#include "serve/api.h"
#include "serve/api_common.h"

#include "records/records_reader.h"

namespace stdok {

namespace {

void Session(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  RecordsSession::Snapshot file;
  std::string error;
  if (!context.session->Read(&file, &error)) return SendError(req, res, 500, "Kan inte läsa filen: " + error);
  Diagnostics diagnostics;  // the page shows them through /api/check
  const RecordsFile records = ReadRecords(context.session->FileName(), file.bytes, context.options->render.today, &diagnostics);
  nlohmann::ordered_json trainees = nlohmann::ordered_json::array();
  for (const Trainee& t : records.trainees)
    trainees.push_back({{"id", t.id}, {"name", t.given_name + " " + t.family_name}});
  SendJson(res, {{"file", file.exists ? nlohmann::ordered_json(context.session->FileName()) : nullptr},
                 {"version", file.version},
                 {"as_of", FormatIso(context.options->render.today)},
                 {"kind", records.trainees.size() > 1 ? "cohort" : "trainee"},
                 {"trainees", std::move(trainees)}});
}

void Records(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  RecordsSession::Snapshot file;
  std::string error;
  if (!context.session->Read(&file, &error)) return SendError(req, res, 500, "Kan inte läsa filen: " + error);
  nlohmann::ordered_json records;
  if (!RecordsXmlToJson(file.bytes, &records, &error))
    return SendError(req, res, 422, context.session->FileName() + ", " + error);
  SendJson(res, {{"version", file.version}, {"records", std::move(records)}});
}

}  // namespace

void AddRecordsApi(httplib::Server& server, const ServeContext& context) {
  server.Get("/api/session", [&context](const httplib::Request& req, httplib::Response& res) { Session(context, req, res); });
  server.Get("/api/records", [&context](const httplib::Request& req, httplib::Response& res) { Records(context, req, res); });
}

}  // namespace stdok
