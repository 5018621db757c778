// `stdok serve` as a library call: binds, prints the address line, serves until SIGINT or
// SIGTERM, then stops the server and returns.
#pragma once

#include <ostream>

#include "serve/serve_options.h"

namespace stdok {

// Prints "stdok serve: http://127.0.0.1:PORT/?t=TOKEN" on `out` (flushed: tests read it),
// and on `err` a warning when the address is not loopback. 0 after a clean stop by signal,
// 2 when the port cannot be bound.
// REQUIRES: called from the main thread before any other thread is started (it blocks SIGINT
// and SIGTERM in every thread and waits for them in this one).
int RunServe(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace stdok
