#include "forms/form_text.h"

namespace stdok {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void RenderNodes(const std::vector<FormValueNode>& nodes, const Scope& scope, std::string* out,
                 std::string* error) {
  bool last_if_taken = true;
  for (const FormValueNode& node : nodes) {
    switch (node.kind) {
      case FormValueNode::Kind::kText:
        *out += node.text.Render(scope, error);
        break;
      case FormValueNode::Kind::kBreak:
        while (!out->empty() && out->back() == ' ') out->pop_back();
        *out += '\n';
        break;
      case FormValueNode::Kind::kIf:
        last_if_taken = node.condition.Evaluate(scope, error).Truthy();
        if (last_if_taken) RenderNodes(node.children, scope, out, error);
        break;
      case FormValueNode::Kind::kElse:
        if (!last_if_taken) RenderNodes(node.children, scope, out, error);
        last_if_taken = true;
        break;
      case FormValueNode::Kind::kFor: {
        Value list = node.condition.Evaluate(scope, error);
        if (!list.IsList()) break;
        int index = 0;
        for (const Value& element : list.AsList()) {
          Scope item(&scope, node.loop_name, element);
          Scope counted(&item, node.loop_name + "_index", Value(++index));
          RenderNodes(node.children, counted, out, error);
        }
        break;
      }
    }
  }
}

}  // namespace

std::string RenderLine(const RichLine& line, const Scope& scope, std::string* error) {
  std::string out;
  for (const RichSpan& span : line.spans) out += span.text.Render(scope, error);
  return out;
}

std::string FormValue::Render(const Scope& scope, std::string* error) const {
  std::string out;
  RenderNodes(nodes, scope, &out, error);
  size_t begin = 0, end = out.size();
  while (begin < end && IsSpace(out[begin])) ++begin;
  while (end > begin && IsSpace(out[end - 1])) --end;
  // Spaces next to a line break come from the markup's indentation.
  std::string trimmed;
  for (size_t i = begin; i < end; ++i) {
    if (out[i] == ' ' && i + 1 < end && out[i + 1] == '\n') continue;
    if (out[i] == ' ' && !trimmed.empty() && trimmed.back() == '\n') continue;
    trimmed += out[i];
  }
  return trimmed;
}

}  // namespace stdok
