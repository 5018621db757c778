// Text pieces of a form: label and heading lines with bold and regular runs, and box values
// with {expressions}, <br/>, <if>/<else> and <for> (docs/forms.md).
#pragma once

#include <string>
#include <vector>

#include "fill/template.h"

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

struct FormValueNode {
  enum class Kind { kText, kBreak, kIf, kElse, kFor };
  Kind kind = Kind::kText;
  TemplateText text;        // kText
  Expression condition;     // kIf: test; kFor: each
  std::string loop_name;    // kFor: as (`name_index` counts from 1)
  std::vector<FormValueNode> children;
};

// A box's or cell's value. Rendered text has its ends trimmed; <br/> is "\n".
struct FormValue {
  std::vector<FormValueNode> nodes;
  std::string source;  // the value as written, for checks such as "mentions {attachment}"

  bool Empty() const { return nodes.empty(); }
  std::string Render(const Scope& scope, std::string* error) const;
};

}  // namespace stdok
