// What `stdok serve` is started with (the CLI fills it from flags).
#pragma once

#include <functional>
#include <string>

#include "app/render_job.h"

namespace stdok {

struct ServeOptions {
  // The records file being edited. It need not exist: a new, empty document is edited and the
  // first save creates it. The browser never names a path.
  std::string records_path;
  // Templates, forms, fonts, the ICC profile, the creation time, and `today`: the as-of date
  // of every check, fact and document. `input` and `output_dir` are set per request.
  RenderOptions render;
  std::string listen = "127.0.0.1";  // the address bound; anything else is the user's explicit choice
  int port = 8080;                   // 0: a free port, chosen by the system
  std::string token;                 // empty: a new random one (MakeToken)
  // One line per request; stderr when unset. Never given a body, a token or a personnummer.
  std::function<void(const std::string&)> log;
};

}  // namespace stdok
