// The real binary: `stdok serve FILE --port 0` prints its address, answers, and stops cleanly
// (exit 0) on SIGTERM and SIGINT.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>

#include <nlohmann/json.hpp>

#include "test_support.h"

extern char** environ;

namespace stdok::testing::serve_e2e_test {
namespace {

struct Served {
  pid_t pid = -1;
  FILE* out = nullptr;
  std::string line;
};

// Starts `stdok serve FILE --port 0 EXTRA`, stderr to `log`, and reads the address line.
Served Start(const std::string& records, const std::string& log, std::vector<std::string> extra = {}) {
  Served s;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return s;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> args = {Binary(), "serve", records, "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int spawned = posix_spawn(&s.pid, Binary().c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    s.pid = -1;
    close(pipe_fds[0]);
    return s;
  }
  s.out = fdopen(pipe_fds[0], "r");
  char buffer[512];
  if (fgets(buffer, sizeof buffer, s.out)) s.line = buffer;
  return s;
}

int StopWith(Served& s, int signal_number) {
  kill(s.pid, signal_number);
  int status = 0;
  waitpid(s.pid, &status, 0);
  fclose(s.out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(ServeBinary, PrintsTheAddressAnswersAndStopsOnSignals) {
  for (int signal_number : {SIGTERM, SIGINT}) {
    const std::string log = MakeTempDir() + "/serve.log";
    Served s = Start(SourceDir() + "/samples/st-stefan-balan.xml", log);
    ASSERT_GT(s.pid, 0);
    std::smatch m;
    static const std::regex url(R"(^stdok serve: http://127\.0\.0\.1:([0-9]+)/\?t=([0-9a-f]{32})\n$)");
    ASSERT_TRUE(std::regex_match(s.line, m, url)) << s.line;
    httplib::Client client("127.0.0.1", std::stoi(m[1]));
    auto res = client.Get("/api/session", {{"X-Stdok-Token", m[2].str()}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(nlohmann::json::parse(res->body)["trainees"][0]["id"], "ST-IM-2023-03");
    EXPECT_EQ(StopWith(s, signal_number), 0) << "signal " << signal_number;
    const std::string logged = ReadText(log);
    EXPECT_NE(logged.find("GET /api/session 200"), std::string::npos) << logged;
    EXPECT_EQ(logged.find(m[2].str()), std::string::npos) << "the token is not logged";
  }
}

TEST(ServeBinary, ListenWarnsLoudly) {
  const std::string log = MakeTempDir() + "/serve.log";
  Served s = Start(SourceDir() + "/samples/st-stefan-balan.xml", log, {"--listen", "0.0.0.0"});
  ASSERT_GT(s.pid, 0);
  EXPECT_NE(s.line.find("http://0.0.0.0:"), std::string::npos) << s.line;
  EXPECT_EQ(StopWith(s, SIGTERM), 0);
  EXPECT_NE(ReadText(log).find("VARNING"), std::string::npos);
}

TEST(ServeBinary, AMissingFileIsAnError) {
  const CommandResult r = RunCommand(Quote(Binary()) + " serve /nonexistent/records.xml --port 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("no such file"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace stdok::testing::serve_e2e_test
