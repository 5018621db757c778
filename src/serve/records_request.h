// Records sent by the browser, read the way the CLI reads a file: the JSON is written as XML
// text (serve/records_json.h) and given to the one records reader under the edited file's
// name, with the region's profile from the templates. Used by check, documents, preview, zip.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/records_input.h"
#include "core/status.h"
#include "serve/records_json.h"
#include "serve/serve_context.h"

namespace stdok {

struct RecordsRequest {
  GeneratedXml xml;
  RecordsInput input;
  Diagnostics diagnostics;  // the reader's findings
  std::string path;         // the name the reader saw (the edited file's path)
  bool readable = false;    // false: the JSON is no records mirror, or the reader refused it
  std::string problem;      // when not readable: why (Swedish), and where in the JSON
  std::string problem_pointer;
};

// Reads `records` as of `as_of`.
void ReadRecordsRequest(const ServeContext& context, const nlohmann::ordered_json& records, const Date& as_of,
                        RecordsRequest* out);

}  // namespace stdok
