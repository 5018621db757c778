#include "forms/form_text.h"

namespace stdok {

std::string RenderLine(const RichLine& line, const Scope& scope, std::string* error) {
  std::string out;
  for (const RichSpan& span : line.spans) out += span.text.Render(scope, error);
  return out;
}

std::string FormValue::Render(const Scope& scope, std::string* error) const {
  return RenderPlain(nodes, scope, [error](const TemplateNode&, const std::string& message) {
    if (error->empty()) *error = message;
  });
}

}  // namespace stdok
