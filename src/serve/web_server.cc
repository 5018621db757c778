#include "serve/web_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "output/file_system.h"
#include "serve/api.h"
#include "serve/api_common.h"
#include "serve/assets.h"
#include "serve/security.h"

namespace stdok {

namespace {

// When the request being handled on this thread arrived (set before routing, read by the log).
thread_local std::chrono::steady_clock::time_point request_started;

const char* DefaultMessage(int status) {
  switch (status) {
    case 400: return "Felaktig förfrågan.";
    case 403: return "Förfrågan är inte tillåten.";
    case 404: return "Sidan finns inte.";
    case 405: return "Metoden är inte tillåten här.";
    case 413: return "Förfrågan är för stor (högst 8 MiB).";
    case 421: return "Fel värdnamn: öppna adressen som stdok serve skrev ut.";
    default: return "Något gick fel i servern.";
  }
}

}  // namespace

struct WebServer::Impl {
  ServeOptions options;
  DiskFileSystem disk;
  RecordsSession session;
  ServeContext context;
  httplib::Server http;
  int port = 0;
  std::vector<std::string> hosts;
  // httplib's stop() does nothing before listening has begun; these let Stop() wait for it.
  std::atomic<bool> stop_requested = false, run_active = false;

  explicit Impl(ServeOptions o)
      : options(std::move(o)), session(options.records_path, &disk), context{&options, &session, &disk} {
    if (options.token.empty()) options.token = MakeToken();
    if (!options.log) options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  }

  void Log(const httplib::Request& req, const httplib::Response& res) const {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f ms", ms);
    options.log(req.method + " " + LoggablePath(req.path) + " " + std::to_string(res.status) + " " + elapsed);
  }

  httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res) const {
    request_started = std::chrono::steady_clock::now();
    RequestFacts facts;
    facts.method = req.method;
    facts.path = req.path;
    const std::string host = req.get_header_value("Host");
    const std::string origin = req.get_header_value("Origin");
    const std::string token = req.get_header_value("X-Stdok-Token");
    facts.host = host;
    facts.has_origin = req.has_header("Origin");
    facts.origin = origin;
    facts.token = token;
    switch (Judge(facts, hosts, options.token)) {
      case RequestVerdict::kAllowed: return httplib::Server::HandlerResponse::Unhandled;
      case RequestVerdict::kWrongHost: SendError(req, res, 421, DefaultMessage(421)); break;
      case RequestVerdict::kForbidden:
        SendError(req, res, 403,
                  req.path.rfind("/api/", 0) == 0 && facts.token != options.token
                      ? "Förfrågan saknar giltig nyckel: öppna adressen som stdok serve skrev ut."
                      : DefaultMessage(403));
        break;
    }
    return httplib::Server::HandlerResponse::Handled;
  }

  void Configure() {
    http.set_payload_max_length(kMaxBodyBytes);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) { return Guard(req, res); });
    http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      AddSecurityHeaders(res);
      if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
    });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      const int status = res.status;
      SendError(req, res, status, DefaultMessage(status));
      AddSecurityHeaders(res);
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
      SendError(req, res, 500, DefaultMessage(500));
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });
    AddAssetRoutes(http);
    AddRecordsApi(http, context);
    AddCheckApi(http, context);
    AddSaveApi(http, context);
    AddVocabularyApi(http, context);
    AddDocumentsApi(http, context);
  }
};

WebServer::WebServer(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) { impl_->Configure(); }

WebServer::~WebServer() = default;

bool WebServer::Bind(std::string* error) {
  if (impl_->options.token.empty()) {
    *error = "kunde inte ta fram en slumpmässig nyckel (OpenSSL RAND_bytes)";
    return false;
  }
  const std::string& host = impl_->options.listen;
  if (impl_->options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(host);
  } else if (impl_->http.bind_to_port(host, impl_->options.port)) {
    impl_->port = impl_->options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    *error = "kan inte lyssna på " + host + ":" + std::to_string(impl_->options.port) +
             " (upptagen port eller okänd adress; prova --port 0)";
    return false;
  }
  impl_->hosts = AllowedHosts(host, impl_->port);
  return true;
}

int WebServer::port() const { return impl_->port; }
const std::string& WebServer::token() const { return impl_->options.token; }

std::string WebServer::Url() const {
  return "http://" + HostOf(impl_->options.listen, impl_->port) + "/?t=" + impl_->options.token;
}

void WebServer::Run() {
  impl_->run_active = true;
  if (!impl_->stop_requested) impl_->http.listen_after_bind();
  impl_->run_active = false;
}

void WebServer::Stop() {
  impl_->stop_requested = true;
  while (impl_->run_active) {
    impl_->http.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace stdok
