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
#include "image/raster_image.h"

namespace stdok {

// Text with embedded {expressions}; "{{" and "}}" stand for literal braces.
class TemplateText {
 public:
  static bool Parse(std::string_view text, TemplateText* out, std::string* error);
  std::string Render(const Scope& scope, std::string* error) const;
  bool Empty() const { return pieces_.empty(); }
  // When the whole text is a single {expression}, its value (keeps lists and dates intact).
  const Expression* SoleExpression() const;

 private:
  struct Piece {
    std::string literal;
    Expression expression;  // empty for literal pieces
  };
  std::vector<Piece> pieces_;
};

struct TemplateNode {
  std::string tag;
  SourceLocation where;
  std::map<std::string, TemplateText, std::less<>> attributes;
  Expression condition;  // <if test>, <for each>, <box checked>
  std::string loop_name; // <for as>
  TemplateText content;  // "#text" nodes: the text piece
  // Block elements: child elements. Leaf elements (p, field, td, …): inline content as
  // "#text" nodes and inline <if>/<else>/<for>.
  std::vector<TemplateNode> children;
};

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
  PageSetup page;         // margins, body-size, leading
  PageNumber page_number = PageNumber::kRight;

  std::vector<TemplateNode> body;
  // Every image the template and its fragments show (<image src>, the root's logo), by src as
  // written, read once when the template is loaded.
  std::map<std::string, std::shared_ptr<const RasterImage>, std::less<>> images;
  std::string logo;            // src of the logo at the top of every page; empty for none
  double logo_width_mm = 0;    // 0: 40 mm
};

// Parses a template file's text. Template errors carry file:line:column.
bool LoadTemplate(const std::string& path, std::string_view text, Template* out,
                  Diagnostics* diagnostics);

}  // namespace stdok
