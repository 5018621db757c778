#include "serve/api_common.h"

#include "output/json.h"

namespace stdok {

namespace {

std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace

void SendJson(httplib::Response& res, const nlohmann::ordered_json& value, int status) {
  res.status = status;
  res.set_content(DumpJson(value), "application/json; charset=utf-8");
}

void SendError(const httplib::Request& req, httplib::Response& res, int status, const std::string& message) {
  if (req.path.rfind("/api/", 0) == 0) {
    SendJson(res, {{"error", message}}, status);
    return;
  }
  res.status = status;
  res.set_content("<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>stdok: fel " +
                      std::to_string(status) + "</title></head>\n<body><h1>Fel " + std::to_string(status) +
                      "</h1><p>" + EscapeHtml(message) + "</p></body></html>\n",
                  "text/html; charset=utf-8");
}

bool ParseJsonBody(const httplib::Request& req, httplib::Response& res, nlohmann::ordered_json* body) {
  *body = nlohmann::ordered_json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body->is_discarded() || !body->is_object()) {
    SendError(req, res, 400, "Förfrågan är inte ett JSON-objekt.");
    return false;
  }
  return true;
}

bool RecordsFromBody(const httplib::Request& req, httplib::Response& res, const nlohmann::ordered_json& body,
                     GeneratedXml* xml) {
  auto it = body.find("records");
  if (it == body.end()) {
    SendError(req, res, 400, "Förfrågan saknar \"records\".");
    return false;
  }
  std::string error, pointer;
  if (!RecordsJsonToXml(*it, xml, &error, &pointer)) {
    SendJson(res, {{"error", "records" + pointer + ": " + error}, {"path", pointer}}, 422);
    return false;
  }
  return true;
}

bool StringField(const httplib::Request& req, httplib::Response& res, const nlohmann::ordered_json& body,
                 const char* key, std::string* value) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_string()) {
    SendError(req, res, 400, std::string("Förfrågan saknar \"") + key + "\" (en sträng).");
    return false;
  }
  *value = it->get<std::string>();
  return true;
}

}  // namespace stdok
