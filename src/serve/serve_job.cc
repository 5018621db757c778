#include "serve/serve_job.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "serve/web_server.h"

namespace stdok {

namespace {

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost";
}

}  // namespace

int RunServe(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // The pool threads inherit this mask, so the signals reach only sigwait below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  WebServer server(options);
  std::string error;
  if (!server.Bind(&error)) {
    err << "stdok serve: " << error << "\n";
    return 2;
  }
  if (!IsLoopback(options.listen)) {
    err << "stdok serve: VARNING: lyssnar på " << options.listen
        << ", inte bara på den här datorn. Andra på nätet kan nå sidan; den som har adressen med nyckeln\n"
        << "             kan läsa och ändra posterna, personnummer ingår. Trafiken är okrypterad (http).\n";
  }
  out << "stdok serve: " << server.Url() << std::endl;
  std::atomic<bool> stopping = false, failed = false;
  std::thread serving([&] {
    server.Run();
    if (stopping) return;
    failed = true;  // stopped on its own: wake the wait below
    kill(getpid(), SIGTERM);
  });
  int received = 0;
  sigwait(&signals, &received);
  stopping = true;
  server.Stop();
  serving.join();
  err << (failed ? "stdok serve: servern stannade oväntat\n" : "stdok serve: stoppad\n");
  return failed ? 2 : 0;
}

}  // namespace stdok
