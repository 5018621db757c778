// `stdok docs`: the document types a templates folder and a forms folder define.
#pragma once

#include <string>

#include "app/catalog.h"
#include "core/status.h"
#include "output/file_system.h"

namespace stdok {

struct DocsReport {
  Catalog catalog;
  Diagnostics diagnostics;  // templates or forms left out, or the folder that could not be read
  bool io_error = false;    // a folder could not be read
};

DocsReport RunDocs(const std::string& templates_dir, const std::string& forms_dir, FileSystem* fs);
// Tab-separated, one line per template (variant) and form after a header line:
// id, variant ("-" when none), title, regulation ("båda" when a template serves both), source,
// file name.
std::string FormatDocsTable(const Catalog& catalog);
// 2 a folder could not be read, 1 something was left out, else 0.
int DocsExitCode(const DocsReport& report);

}  // namespace stdok
