// The request checks of `stdok serve` (serve/security.h), without a server.
#include <gtest/gtest.h>

#include "serve/security.h"

namespace stdok::testing::serve_security_test {
namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef";

RequestVerdict JudgeOf(std::string_view method, std::string_view path, std::string_view host, const char* origin,
                       std::string_view token) {
  RequestFacts r;
  r.method = method;
  r.path = path;
  r.host = host;
  r.has_origin = origin != nullptr;
  r.origin = origin ? origin : "";
  r.token = token;
  return Judge(r, AllowedHosts("127.0.0.1", 8080), kToken);
}

TEST(ServeSecurity, HostMustBeLoopbackWithThePort) {
  EXPECT_EQ(JudgeOf("GET", "/", "127.0.0.1:8080", nullptr, ""), RequestVerdict::kAllowed);
  EXPECT_EQ(JudgeOf("GET", "/", "localhost:8080", nullptr, ""), RequestVerdict::kAllowed);
  EXPECT_EQ(JudgeOf("GET", "/", "[::1]:8080", nullptr, ""), RequestVerdict::kAllowed);
  EXPECT_EQ(JudgeOf("GET", "/", "evil.example:8080", nullptr, ""), RequestVerdict::kWrongHost);
  EXPECT_EQ(JudgeOf("GET", "/", "127.0.0.1:8081", nullptr, ""), RequestVerdict::kWrongHost);
  EXPECT_EQ(JudgeOf("GET", "/", "", nullptr, ""), RequestVerdict::kWrongHost);
}

TEST(ServeSecurity, OriginMustBeTheSameHost) {
  EXPECT_EQ(JudgeOf("POST", "/api/check", "127.0.0.1:8080", "http://127.0.0.1:8080", kToken), RequestVerdict::kAllowed);
  EXPECT_EQ(JudgeOf("POST", "/api/check", "127.0.0.1:8080", "http://evil.example", kToken), RequestVerdict::kForbidden);
  EXPECT_EQ(JudgeOf("POST", "/api/check", "127.0.0.1:8080", "null", kToken), RequestVerdict::kForbidden);
  EXPECT_EQ(JudgeOf("POST", "/api/check", "127.0.0.1:8080", "http://localhost:8080", kToken), RequestVerdict::kForbidden);
}

TEST(ServeSecurity, ApiNeedsTheToken) {
  EXPECT_EQ(JudgeOf("GET", "/api/session", "127.0.0.1:8080", nullptr, ""), RequestVerdict::kForbidden);
  EXPECT_EQ(JudgeOf("GET", "/api/session", "127.0.0.1:8080", nullptr, "0123456789abcdef0123456789abcdee"),
            RequestVerdict::kForbidden);
  EXPECT_EQ(JudgeOf("GET", "/api/session", "127.0.0.1:8080", nullptr, kToken), RequestVerdict::kAllowed);
  EXPECT_EQ(JudgeOf("POST", "/", "127.0.0.1:8080", nullptr, ""), RequestVerdict::kForbidden)
      << "a change without Origin needs the token";
  EXPECT_EQ(JudgeOf("GET", "/assets/app.js", "127.0.0.1:8080", nullptr, ""), RequestVerdict::kAllowed);
}

TEST(ServeSecurity, ListenAddressIsAllowedToo) {
  const auto hosts = AllowedHosts("192.168.1.5", 80);
  EXPECT_NE(std::find(hosts.begin(), hosts.end(), "192.168.1.5:80"), hosts.end());
  EXPECT_EQ(HostOf("::1", 8080), "[::1]:8080");
}

TEST(ServeSecurity, TokensAreNewAndHex) {
  const std::string a = MakeToken(), b = MakeToken();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ServeSecurity, LoggedPathsHideWhatLooksLikeAPersonnummer) {
  EXPECT_EQ(LoggablePath("/assets/19890423-2710.js"), "/assets/19890423-****.js");
  EXPECT_EQ(LoggablePath("/x/198904232710"), "/x/19890423-****");
  EXPECT_EQ(LoggablePath("/api/session"), "/api/session");
  EXPECT_EQ(LoggablePath("/a\nb"), "/a?b");
  EXPECT_LE(LoggablePath(std::string(1000, 'a')).size(), 210u);
}

}  // namespace
}  // namespace stdok::testing::serve_security_test
