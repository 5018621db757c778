// `stdok serve`: the HTTP server of the web app (docs/web-api.md). Binds, then serves on a
// thread pool until Stop(). Every request passes the Host, Origin and token checks
// (serve/security.h) before its body is read; bodies over kMaxBodyBytes are refused (413).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "serve/serve_options.h"

namespace stdok {

constexpr std::size_t kMaxBodyBytes = 8u << 20;

class WebServer {
 public:
  explicit WebServer(ServeOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds options.listen:options.port (port 0: a free one). False with *error (Swedish).
  bool Bind(std::string* error);
  int port() const;
  const std::string& token() const;
  // http://HOST:PORT/?t=TOKEN — the address to open (HOST: 127.0.0.1, or the --listen address).
  std::string Url() const;
  // Serves until Stop() is called (from any thread). REQUIRES: Bind() succeeded.
  void Run();
  // Makes Run() return (or not start), and waits until it has.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stdok
