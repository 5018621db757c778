#include "fill/markup.h"

#include <cctype>

#include "text/unicode.h"

namespace stdok {

bool TemplateText::Parse(std::string_view text, TemplateText* out, std::string* error) {
  out->pieces_.clear();
  std::string literal;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      i += 2;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      i += 2;
    } else if (c == '{') {
      size_t end = text.find('}', i + 1);
      if (end == std::string_view::npos) {
        *error = "'{' without a closing '}'";
        return false;
      }
      if (!literal.empty()) out->pieces_.push_back({std::move(literal), Expression()});
      literal.clear();
      Piece piece;
      if (!Expression::Parse(text.substr(i + 1, end - i - 1), &piece.expression, error))
        return false;
      out->pieces_.push_back(std::move(piece));
      i = end + 1;
    } else if (c == '}') {
      *error = "'}' without an opening '{' (write '}}' for a brace)";
      return false;
    } else {
      literal += c;
      ++i;
    }
  }
  if (!literal.empty()) out->pieces_.push_back({std::move(literal), Expression()});
  return true;
}

std::string TemplateText::Render(const Scope& scope, std::string* error) const {
  std::string out;
  for (const Piece& p : pieces_) {
    if (p.expression.Empty()) out += p.literal;
    else out += p.expression.Evaluate(scope, error).ToText();
  }
  return out;
}

const Expression* TemplateText::SoleExpression() const {
  if (pieces_.size() == 1 && !pieces_[0].expression.Empty()) return &pieces_[0].expression;
  return nullptr;
}

std::string CollapseInlineSpace(std::string_view raw) {
  const std::string text = NormalizeNfc(raw);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      int newlines = 0;
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) newlines += text[i++] == '\n';
      out += newlines >= 2 ? "\n\n" : " ";
    } else {
      out += text[i++];
    }
  }
  return out;
}

void MarkupParser::Text(std::string_view text, std::ptrdiff_t offset, TemplateText* out) const {
  std::string error;
  if (!TemplateText::Parse(NormalizeNfc(text), out, &error)) error_(offset, error);
}

void MarkupParser::Control(pugi::xml_node n, TemplateNode* node) const {
  const std::string tag = n.name();
  node->tag = tag;
  node->where = document_->Locate(n);
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const std::string name = a.name();
    if ((tag == "if" && name == "test") || (tag == "for" && name == "each")) {
      std::string error;
      if (!Expression::Parse(a.value(), &node->condition, &error)) error_(Offset(a, n), error);
    } else if (tag == "for" && name == "as") {
      node->loop_name = a.value();
    } else {
      error_(Offset(a, n), "<" + tag + "> has no attribute '" + name + "'");
    }
  }
  if (tag == "if" && node->condition.Empty()) error_(n.offset_debug(), "<if> needs test");
  if (tag == "for" && (node->condition.Empty() || node->loop_name.empty()))
    error_(n.offset_debug(), "<for> needs each and as");
}

void MarkupParser::CheckElse(pugi::xml_node n, const std::vector<TemplateNode>& before) const {
  if (before.empty() || before.back().tag != "if") error_(n.offset_debug(), "<else> must follow an <if>");
}

std::vector<TemplateNode> MarkupParser::Inline(pugi::xml_node parent, const InlineSyntax& syntax) const {
  std::vector<TemplateNode> out;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      TemplateNode text;
      text.tag = "#text";
      text.where = document_->LocateValue(c.value());
      Text(CollapseInlineSpace(c.value()), document_->OffsetOf(c.value()), &text.content);
      out.push_back(std::move(text));
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const std::string tag = c.name();
    TemplateNode node;
    if (tag == "if" || tag == "else" || tag == "for") {
      Control(c, &node);
      if (tag == "else") CheckElse(c, out);
    } else if (auto it = syntax.elements.find(tag); it != syntax.elements.end()) {
      node.tag = tag;
      node.where = document_->Locate(c);
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
        const std::string name = a.name();
        if (!it->second.count(name)) error_(Offset(a, c), "<" + tag + "> has no attribute '" + name + "'");
        else Text(a.value(), Offset(a, c), &node.attributes[name]);
      }
      if (syntax.empty.count(tag) && c.first_child()) error_(c.offset_debug(), "<" + tag + "/> is empty");
    } else if (auto hint = syntax.hints.find(tag); hint != syntax.hints.end()) {
      error_(c.offset_debug(), "<" + tag + ">: " + hint->second);
      continue;
    } else {
      error_(c.offset_debug(),
             "<" + std::string(parent.name()) + "> may hold " + syntax.described + ", not <" + tag + ">");
      continue;
    }
    node.children = Inline(c, syntax);
    out.push_back(std::move(node));
  }
  return out;
}

void WalkMarkup(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report,
                const MarkupVisit& visit) {
  bool last_if_taken = true;
  for (const TemplateNode& node : nodes) {
    if (node.tag == "if") {
      std::string error;
      last_if_taken = node.condition.Evaluate(scope, &error).Truthy();
      if (!error.empty()) report(node, error);
      if (last_if_taken) WalkMarkup(node.children, scope, report, visit);
    } else if (node.tag == "else") {
      if (!last_if_taken) WalkMarkup(node.children, scope, report, visit);
      last_if_taken = true;
    } else if (node.tag == "for") {
      std::string error;
      const Value list = node.condition.Evaluate(scope, &error);
      if (!error.empty()) report(node, error);
      if (!list.IsList()) {
        if (!list.IsNull()) report(node, "<for each> needs a list, got '" + list.ToText() + "'");
        continue;
      }
      int index = 0;
      for (const Value& item : list.AsList()) {
        Scope item_scope(&scope, node.loop_name, item);
        Scope index_scope(&item_scope, node.loop_name + "_index", Value(++index));
        WalkMarkup(node.children, index_scope, report, visit);
      }
    } else {
      visit(node, scope);
    }
  }
}

namespace {

// Renders inline content into `raw`, with bold marks.
void RenderInline(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report,
                  std::string* raw) {
  WalkMarkup(nodes, scope, report, [&](const TemplateNode& piece, const Scope& s) {
    if (piece.tag == "#text") {
      std::string error;
      std::string text = piece.content.Render(s, &error);
      if (!error.empty()) report(piece, error);
      std::erase_if(text, IsStyleMark);
      *raw += text;
    } else if (piece.tag == "b" || piece.tag == "run-in") {
      *raw += kBoldOn;
      RenderInline(piece.children, s, report, raw);
      *raw += kBoldOff;
    } else if (piece.tag == "i") {
      *raw += kItalicOn;
      RenderInline(piece.children, s, report, raw);
      *raw += kItalicOff;
    } else if (piece.tag == "br") {
      *raw += '\n';
    } else if (piece.tag == "nbsp") {
      *raw += "\u00A0";
    } else if (piece.tag == "a") {
      const size_t before = raw->size();
      RenderInline(piece.children, s, report, raw);
      auto href = piece.attributes.find("href");
      if (raw->find_first_not_of(" \x01\x02\x03\x04", before) == std::string::npos && href != piece.attributes.end()) {
        std::string error;
        *raw += href->second.Render(s, &error);
        if (!error.empty()) report(piece, error);
      }
    } else {
      report(piece, "<" + piece.tag + "> is not allowed in text");
    }
  });
}

// No space at either end or beside a line break, no double space, no leading line break.
std::string TidyText(const std::string& raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    if (c == '\n')
      while (!out.empty() && out.back() == ' ') out.pop_back();
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  const size_t start = out.find_first_not_of('\n');
  return start == std::string::npos ? std::string() : out.substr(start);
}

}  // namespace

std::string RenderMarked(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report) {
  std::string raw;
  RenderInline(nodes, scope, report, &raw);
  // Spaces move outside the marks ("<b> x </b>" reads " x "), so that tidying sees them.
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = 0; i + 1 < raw.size(); ++i) {
      const bool on = raw[i] == kBoldOn || raw[i] == kItalicOn;
      const bool off = raw[i + 1] == kBoldOff || raw[i + 1] == kItalicOff;
      if ((on && raw[i + 1] == ' ') || (raw[i] == ' ' && off)) {
        std::swap(raw[i], raw[i + 1]);
        moved = true;
      }
    }
  }
  return TidyText(raw);
}

std::string RenderPlain(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report) {
  std::string text = RenderMarked(nodes, scope, report);
  std::erase_if(text, IsStyleMark);
  return text;
}

}  // namespace stdok
