// A `stdok serve` running in the test process on a free port, for the HTTP tests.
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "serve/web_server.h"

namespace stdok::testing {

class ServeFixture {
 public:
  // Serves `records_path` (need not exist) as of 2026-12-05 with the source tree's templates.
  explicit ServeFixture(const std::string& records_path);
  ~ServeFixture();

  int port() const { return server_->port(); }
  const std::string& token() const { return server_->token(); }
  std::string Host() const { return "127.0.0.1:" + std::to_string(port()); }
  // A client that sends the token (and nothing else special).
  httplib::Client Client() const;
  httplib::Headers TokenHeader() const { return {{"X-Stdok-Token", token()}}; }
  // Every log line so far.
  std::string Log() const;

 private:
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

}  // namespace stdok::testing
