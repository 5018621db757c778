// What every API handler of `stdok serve` shares: the options (read-only) and the file being
// edited (thread-safe).
#pragma once

#include "serve/records_session.h"
#include "serve/serve_options.h"

namespace stdok {

struct ServeContext {
  const ServeOptions* options;
  RecordsSession* session;
  FileSystem* fs;  // the real disk: templates, forms, fonts (read only)
};

}  // namespace stdok
