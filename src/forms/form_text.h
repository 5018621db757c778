// Text pieces of a form: label and heading lines with bold and regular runs, and box values
// with {expressions}, <br/>, <if>/<else> and <for> (docs/forms.md).
#pragma once

#include <string>
#include <vector>

#include "fill/markup.h"

namespace stdok {

struct RichSpan {
  TemplateText text;
  bool bold = false;
};

// One printed line made of runs set one after the other.
struct RichLine {
  std::vector<RichSpan> spans;
};

// The line's text without styling.
std::string RenderLine(const RichLine& line, const Scope& scope, std::string* error);

// A box's or cell's value: the templates' inline markup (fill/markup.h) with <br/> as its only
// element. Rendered text is tidied as a template's is; <br/> is "\n".
struct FormValue {
  std::vector<TemplateNode> nodes;
  std::string source;  // the value as written, for checks such as "mentions {attachment}"

  bool Empty() const { return nodes.empty(); }
  // An evaluation error (the first) goes to *error.
  std::string Render(const Scope& scope, std::string* error) const;
};

}  // namespace stdok
