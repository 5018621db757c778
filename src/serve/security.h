// The checks every request passes before a handler runs (docs/web-api.md, "Start and security"):
// the Host header (against DNS rebinding), the Origin header (against cross-site requests) and
// the per-run token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stdok {

// 32 lower-case hex characters from OpenSSL's RAND_bytes; empty if the generator fails.
std::string MakeToken();

// The Host values a browser sends for this server: 127.0.0.1:PORT, localhost:PORT, [::1]:PORT,
// and LISTEN:PORT (an IPv6 address in brackets) when another address is listened on.
std::vector<std::string> AllowedHosts(const std::string& listen, int port);

// LISTEN:PORT as a Host header names it (an IPv6 address in brackets).
std::string HostOf(const std::string& listen, int port);

enum class RequestVerdict { kAllowed, kWrongHost, kForbidden };

struct RequestFacts {
  std::string_view method;
  std::string_view path;
  std::string_view host;      // the Host header ("" when absent)
  bool has_origin = false;
  std::string_view origin;
  std::string_view token;     // the X-Stdok-Token header ("" when absent)
};

// kWrongHost (421) when the Host is not one of `hosts`; kForbidden (403) when an Origin is
// given and is not http://HOST, when an /api/ request lacks the token, or when a request that
// changes something (not GET or HEAD) has neither Origin nor the token. Tokens are compared in
// constant time.
RequestVerdict Judge(const RequestFacts& request, const std::vector<std::string>& hosts,
                     const std::string& token);

// The request path as the server log may show it: control characters and anything shaped like
// a personnummer (a run of ten or more digits, '-' or '+') masked, at most 200 characters.
std::string LoggablePath(std::string_view path);

}  // namespace stdok
