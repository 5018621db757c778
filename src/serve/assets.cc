#include "serve/assets.h"

#include <algorithm>
#include <string>

#include "serve/api_common.h"

namespace stdok {

const EmbeddedFile* FindWebFile(std::string_view path) {
  const auto& files = WebFiles();
  auto it = std::find_if(files.begin(), files.end(), [&](const EmbeddedFile& f) { return path == f.path; });
  return it == files.end() ? nullptr : &*it;
}

const char* ContentTypeOf(std::string_view path) {
  struct Type {
    std::string_view extension;
    const char* type;
  };
  static const Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},              {".json", "application/json; charset=utf-8"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},               {".txt", "text/plain; charset=utf-8"},
  };
  for (const Type& t : kTypes)
    if (path.size() >= t.extension.size() && path.substr(path.size() - t.extension.size()) == t.extension)
      return t.type;
  return "application/octet-stream";
}

void AddSecurityHeaders(httplib::Response& res) {
  if (res.has_header("X-Content-Type-Options")) return;  // already (an error page)
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

namespace {

void Serve(std::string_view path, const httplib::Request& req, httplib::Response& res) {
  const EmbeddedFile* file = FindWebFile(path);
  if (!file) return SendError(req, res, 404, "Sidan finns inte.");
  res.set_content(std::string(file->bytes()), ContentTypeOf(path));
  res.set_header("Cache-Control", "no-cache");
}

}  // namespace

void AddAssetRoutes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request& req, httplib::Response& res) { Serve("index.html", req, res); });
  server.Get("/index.html", [](const httplib::Request& req, httplib::Response& res) { Serve("index.html", req, res); });
  server.Get("/assets/(.+)", [](const httplib::Request& req, httplib::Response& res) {
    Serve(req.matches[1].str(), req, res);
  });
}

}  // namespace stdok
