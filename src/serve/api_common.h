// Helpers the API handlers share: JSON responses, Swedish errors, request bodies.
#pragma once

#include <httplib.h>

#include <string>

#include <nlohmann/json.hpp>

#include "serve/records_json.h"

namespace stdok {

void SendJson(httplib::Response& res, const nlohmann::ordered_json& value, int status = 200);
// {"error": message} on /api/, else a small Swedish HTML page.
void SendError(const httplib::Request& req, httplib::Response& res, int status, const std::string& message);
// The body as a JSON object; false after sending 400 when it is not one.
bool ParseJsonBody(const httplib::Request& req, httplib::Response& res, nlohmann::ordered_json* body);
// body["records"] as XML text; false after sending 422 (with the pointer of the problem) when
// it is missing or not a records mirror.
bool RecordsFromBody(const httplib::Request& req, httplib::Response& res, const nlohmann::ordered_json& body,
                     GeneratedXml* xml);
// body[key] as a string; false after sending 400 when absent or not a string.
bool StringField(const httplib::Request& req, httplib::Response& res, const nlohmann::ordered_json& body,
                 const char* key, std::string* value);

}  // namespace stdok
