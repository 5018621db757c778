#include "serve/security.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>

#include "text/personnummer.h"

namespace stdok {

std::string MakeToken() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return "";
  static const char kHex[] = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 15];
  }
  return token;
}

std::string HostOf(const std::string& listen, int port) {
  const bool ipv6 = listen.find(':') != std::string::npos && listen.front() != '[';
  return (ipv6 ? "[" + listen + "]" : listen) + ":" + std::to_string(port);
}

std::vector<std::string> AllowedHosts(const std::string& listen, int port) {
  const std::string p = ":" + std::to_string(port);
  std::vector<std::string> hosts = {"127.0.0.1" + p, "localhost" + p, "[::1]" + p};
  const std::string own = HostOf(listen, port);
  if (std::find(hosts.begin(), hosts.end(), own) == hosts.end()) hosts.push_back(own);
  return hosts;
}

namespace {

bool SameToken(std::string_view given, const std::string& token) {
  return !token.empty() && given.size() == token.size() &&
         CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
}

}  // namespace

RequestVerdict Judge(const RequestFacts& request, const std::vector<std::string>& hosts,
                     const std::string& token) {
  if (std::find(hosts.begin(), hosts.end(), request.host) == hosts.end()) return RequestVerdict::kWrongHost;
  if (request.has_origin && request.origin != "http://" + std::string(request.host))
    return RequestVerdict::kForbidden;
  const bool has_token = SameToken(request.token, token);
  if (request.path.rfind("/api/", 0) == 0 && !has_token) return RequestVerdict::kForbidden;
  const bool safe = request.method == "GET" || request.method == "HEAD";
  if (!safe && !request.has_origin && !has_token) return RequestVerdict::kForbidden;
  return RequestVerdict::kAllowed;
}

std::string LoggablePath(std::string_view path) {
  std::string out;
  size_t i = 0;
  while (i < path.size() && out.size() < 200) {
    const char c = path[i];
    if (c >= '0' && c <= '9') {
      size_t end = i, digits = 0;
      while (end < path.size() && ((path[end] >= '0' && path[end] <= '9') || path[end] == '-' || path[end] == '+')) {
        digits += path[end] >= '0' && path[end] <= '9';
        ++end;
      }
      if (digits >= 10) {
        const std::string masked = MaskPersonalNumber(path.substr(i, end - i));
        out += masked;
      } else {
        out += path.substr(i, end - i);
      }
      i = end;
      continue;
    }
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    ++i;
  }
  if (i < path.size()) out += "…";
  return out;
}

}  // namespace stdok
