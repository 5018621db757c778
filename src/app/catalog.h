// The catalog: every template and region profile found in a templates folder.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "fill/context.h"
#include "fill/template.h"
#include "forms/form.h"
#include "output/file_system.h"

namespace stdok {

struct Catalog {
  std::vector<Template> templates;            // sorted by file name
  std::map<std::string, Profile> profiles;    // by region id
  // Socialstyrelsen's forms, by regulation (HSLF-FS 2021:8 first) and annex number, which is
  // also the order of the application forms' lists of attachments.
  std::vector<FormDefinition> forms;
  std::vector<std::string> DocumentIds() const;  // distinct template ids, in template order
};

// Loads DIR/*.xml as templates and DIR/profiles/*.xml as profiles. A template with errors is
// reported (file:line:column) and left out; the others load. False only when DIR is unreadable.
bool LoadCatalog(const std::string& dir, FileSystem* fs, Catalog* catalog, Diagnostics* diagnostics);

// Loads DIR/*.xml as forms (docs/forms.md) into catalog->forms. A form with errors is reported
// and left out. False only when DIR is unreadable.
bool LoadForms(const std::string& dir, FileSystem* fs, Catalog* catalog, Diagnostics* diagnostics);

bool ParseProfile(const std::string& path, std::string_view text, Profile* profile,
                  Diagnostics* diagnostics);

}  // namespace stdok
