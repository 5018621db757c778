// Templates: document definitions as data (templates/*.xml, docs/templates.md).
// Loaded and checked once, then filled per record by the filler.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "doc/document.h"
#include "fill/expression.h"
#include "fill/markup.h"
#include "image/raster_image.h"

namespace stdok {

// What a template produces one document for.
enum class OnePer { kTrainee, kSidePlacement, kActionPlan, kDirectorContract };

struct Template {
  std::string path;
  std::string id;         // document id (shared by variants)
  std::string variant;    // e.g. "sluten-vard"
  std::string title;      // human title for `stdok docs`
  std::string regulation; // "HSLF-FS 2021:8", "SOSFS 2015:8" or "" for any
  std::string source;     // which guideline or form it reproduces
  std::string pack = "contracts";  // "contracts" or "certificates"
  OnePer one_per = OnePer::kTrainee;
  Expression when;        // applies when true (empty: always)
  int priority = 0;       // among variants of one id that apply, the highest wins
  bool signature_fields = true;
  TemplateText pdf_title, subject, footer, header, keywords;
  TemplateText header_center, header_right, footer_center, footer_right;
  PageSetup page;         // margins, body-size, leading
  PageNumber page_number = PageNumber::kRight;
  bool hyphenate = false;  // the default of <p hyphenate> (justified paragraphs only)

  std::vector<TemplateNode> body;
  // Every image the template and its fragments show (<image src>, the root's logo), by src as
  // written, read once when the template is loaded.
  std::map<std::string, std::shared_ptr<const RasterImage>, std::less<>> images;
  // Every name-like word of the template's text and of the fragments it includes (AddNameWords).
  NameSet names;
  std::string logo;            // src of the logo at the top of every page; empty for none
  double logo_width_mm = 0;    // 0: 40 mm
};

// Parses a template file's text. Template errors carry file:line:column.
bool LoadTemplate(const std::string& path, std::string_view text, Template* out,
                  Diagnostics* diagnostics);

}  // namespace stdok
