// The /api/ endpoints of `stdok serve` (docs/web-api.md, "Endpoints"), one file per concern.
// Handlers run on httplib's thread pool: they share only the ServeContext, whose options are
// read-only and whose session serializes file access.
#pragma once

#include <httplib.h>

#include "serve/serve_context.h"

namespace stdok {

void AddRecordsApi(httplib::Server& server, const ServeContext& context);    // session, records
void AddCheckApi(httplib::Server& server, const ServeContext& context);      // check
void AddSaveApi(httplib::Server& server, const ServeContext& context);       // save, download
void AddVocabularyApi(httplib::Server& server, const ServeContext& context); // vocabulary
void AddDocumentsApi(httplib::Server& server, const ServeContext& context);  // documents, preview, zip

}  // namespace stdok
