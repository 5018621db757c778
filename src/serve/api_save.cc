// POST /api/save and GET /api/download.
#include "serve/api.h"
#include "serve/api_common.h"

#include "records/records_reader.h"

namespace stdok {

namespace {

void Save(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  nlohmann::ordered_json body;
  std::string expected;
  GeneratedXml xml;
  if (!ParseJsonBody(req, res, &body) || !StringField(req, res, body, "version", &expected) ||
      !RecordsFromBody(req, res, body, &xml))
    return;
  // What is saved must be readable as a whole; errors inside a trainee are the user's to fix
  // later and are shown by /api/check.
  Diagnostics diagnostics;
  const RecordsFile read = ReadRecords(context.session->FileName(), xml.text(), context.options->render.today, &diagnostics);
  if (read.refused) {
    std::string reason = "Posterna kan inte läsas";
    for (const Diagnostic& d : diagnostics)
      if (d.severity == Severity::kError) {
        reason += ": " + d.message;
        break;
      }
    return SendError(req, res, 422, reason + ".");
  }
  std::string version, error;
  switch (context.session->Save(expected, xml.text(), &version, &error)) {
    case RecordsSession::SaveOutcome::kSaved: return SendJson(res, {{"version", version}});
    case RecordsSession::SaveOutcome::kConflict:
      return SendJson(res, {{"error", "Filen har ändrats sedan den öppnades (i en annan flik eller ett annat program). "
                                      "Ladda om sidan innan du sparar."},
                            {"version", version}},
                      409);
    case RecordsSession::SaveOutcome::kFailed: return SendError(req, res, 500, "Kunde inte spara: " + error);
  }
}

void Download(const ServeContext& context, const httplib::Request& req, httplib::Response& res) {
  RecordsSession::Snapshot file;
  std::string error;
  if (!context.session->Read(&file, &error)) return SendError(req, res, 500, "Kan inte läsa filen: " + error);
  // An ASCII name for old clients, the exact one (RFC 6266/5987) for the rest.
  std::string ascii, encoded;
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : context.session->FileName()) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    if (plain) encoded += static_cast<char>(c);
    else encoded += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  res.set_content(file.bytes, "application/xml; charset=utf-8");
}

}  // namespace

void AddSaveApi(httplib::Server& server, const ServeContext& context) {
  server.Post("/api/save", [&context](const httplib::Request& req, httplib::Response& res) { Save(context, req, res); });
  server.Get("/api/download", [&context](const httplib::Request& req, httplib::Response& res) { Download(context, req, res); });
}

}  // namespace stdok
