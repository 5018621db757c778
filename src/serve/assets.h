// The pages: GET / (index.html) and GET /assets/<file>, from the files built into the binary
// (serve/web_files.h), never from the disk, with the security headers of docs/web-api.md.
#pragma once

#include <httplib.h>

#include <string_view>

#include "serve/web_files.h"

namespace stdok {

// The embedded file at `path` (relative to web/), or null.
const EmbeddedFile* FindWebFile(std::string_view path);
// The Content-Type for a file name by its extension ("application/octet-stream" if unknown).
const char* ContentTypeOf(std::string_view path);
// Content-Security-Policy, X-Content-Type-Options, Referrer-Policy.
void AddSecurityHeaders(httplib::Response& res);
void AddAssetRoutes(httplib::Server& server);

}  // namespace stdok
