#include "fill/template.h"

#include <memory>
#include <set>

#include <pugixml.hpp>

#include "records/element_reader.h"
#include "records/source_text.h"
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

namespace {

// Element name -> attributes it takes. Attributes holding a bare expression are listed in
// kExpressionAttributes; all others are interpolated text.
const std::map<std::string, std::set<std::string>>& KnownElements() {
  static const std::map<std::string, std::set<std::string>> kElements = {
      {"title", {}}, {"subtitle", {}}, {"heading", {"level"}},
      {"p", {"style"}},
      {"field", {"label", "width", "blank", "box"}},
      {"row", {}},
      {"checkboxes", {"label"}}, {"box", {"checked"}},
      {"list", {}}, {"item", {}},
      {"table", {"empty"}}, {"column", {"title", "width", "align"}}, {"tr", {}},
      {"td", {}}, {"total", {}},
      {"signatures", {"place", "date", "place-and-date"}},
      {"signer", {"role", "name", "field"}},
      {"space", {"height"}}, {"page-break", {}},
      {"if", {"test"}}, {"else", {}}, {"for", {"each", "as"}},
  };
  return kElements;
}

// Runs of white space become one space; a run holding a blank line becomes "\n\n"
// (a paragraph break). Ends are kept so that inline pieces join with their spaces.
std::string CollapseInlineSpace(const char* raw) {
  std::string text = NormalizeNfc(raw);
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

const std::set<std::string> kLeafElements = {"title", "subtitle", "heading", "p", "field",
                                             "box", "item", "td", "column", "signer",
                                             "space", "page-break"};

class Loader {
 public:
  Loader(const SourceText* source, const char* buffer, Diagnostics* diagnostics)
      : source_(source), buffer_(buffer), diagnostics_(diagnostics) {}

  void Error(std::ptrdiff_t offset, const std::string& message) {
    Diagnostic d;
    d.location = source_->Locate(offset);
    d.rule = "template.invalid";
    d.message = message;
    diagnostics_->push_back(std::move(d));
    ok_ = false;
  }

  std::ptrdiff_t Offset(pugi::xml_attribute a, pugi::xml_node n) {
    return a ? a.value() - buffer_ : n.offset_debug();
  }

  void ParseTextInto(const char* text, std::ptrdiff_t offset, TemplateText* out) {
    std::string error;
    if (!TemplateText::Parse(NormalizeNfc(text), out, &error)) Error(offset, error);
  }

  void ParseExpressionInto(pugi::xml_attribute a, pugi::xml_node n, Expression* out) {
    std::string error;
    if (!Expression::Parse(a.value(), out, &error)) Error(Offset(a, n), error);
  }

  TemplateNode Node(pugi::xml_node n, bool inline_content = false) {
    TemplateNode node;
    node.tag = n.name();
    node.where = source_->Locate(n.offset_debug());
    const auto& known = KnownElements();
    auto it = known.find(node.tag);
    if (it == known.end()) {
      Error(n.offset_debug(), "unknown template element <" + node.tag + ">");
      return node;
    }
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      std::string name = a.name();
      if (!it->second.count(name)) {
        Error(Offset(a, n), "<" + node.tag + "> has no attribute '" + name + "'");
      } else if (name == "test" || name == "each" || name == "checked") {
        ParseExpressionInto(a, n, &node.condition);
      } else if (name == "as") {
        node.loop_name = a.value();
      } else {
        ParseTextInto(a.value(), Offset(a, n), &node.attributes[name]);
      }
    }
    if ((node.tag == "if" && node.condition.Empty()) ||
        (node.tag == "for" && (node.condition.Empty() || node.loop_name.empty())))
      Error(n.offset_debug(), "<" + node.tag + "> needs " +
                                  (node.tag == "if" ? "test" : "each and as"));
    if (kLeafElements.count(node.tag) || inline_content) {
      node.children = Inline(n);
    } else {
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
          node.children.push_back(Node(c));
        } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
          bool blank = true;
          for (const char* p = c.value(); *p; ++p)
            if (!std::isspace(static_cast<unsigned char>(*p))) blank = false;
          if (!blank) Error(c.value() - buffer_, "text is not allowed directly in <" + node.tag + ">");
        }
      }
    }
    return node;
  }

  // Content of a leaf element: text pieces ("#text" nodes) and inline <if>/<else>/<for>.
  std::vector<TemplateNode> Inline(pugi::xml_node n) {
    std::vector<TemplateNode> out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        TemplateNode text;
        text.tag = "#text";
        text.where = source_->Locate(c.value() - buffer_);
        ParseTextInto(CollapseInlineSpace(c.value()).c_str(), c.value() - buffer_, &text.content);
        out.push_back(std::move(text));
      } else if (c.type() == pugi::node_element) {
        std::string tag = c.name();
        if (tag != "if" && tag != "else" && tag != "for") {
          Error(c.offset_debug(), "<" + std::string(n.name()) + "> may hold text, <if>, <else> and <for>, not <" + tag + ">");
          continue;
        }
        TemplateNode node = Node(c, /*inline_content=*/true);
        out.push_back(std::move(node));
      }
    }
    return out;
  }

  bool ok() const { return ok_; }

 private:
  const SourceText* source_;
  const char* buffer_;
  Diagnostics* diagnostics_;
  bool ok_ = true;
};

}  // namespace

bool LoadTemplate(const std::string& path, std::string_view text, Template* out,
                  Diagnostics* diagnostics) {
  SourceText source(path, text);
  std::unique_ptr<char[]> buffer(new char[text.size() + 1]);
  std::copy(text.begin(), text.end(), buffer.get());
  buffer[text.size()] = '\0';
  pugi::xml_document document;
  auto result = document.load_buffer_inplace(buffer.get(), text.size(), pugi::parse_default,
                                             pugi::encoding_utf8);
  Loader loader(&source, buffer.get(), diagnostics);
  if (!result) {
    loader.Error(result.offset, std::string("malformed template XML: ") + result.description());
    return false;
  }
  pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "document") {
    loader.Error(root.offset_debug(), "a template's root element must be <document>");
    return false;
  }
  out->path = path;
  static const std::set<std::string> kRootAttributes = {
      "id", "variant", "title", "regulation", "source", "pack", "one-per", "when", "priority",
      "signature-fields", "pdf-title", "subject", "footer", "header", "keywords"};
  for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
    std::string name = a.name();
    if (!kRootAttributes.count(name))
      loader.Error(loader.Offset(a, root), "<document> has no attribute '" + name + "'");
  }
  out->id = root.attribute("id").value();
  out->variant = root.attribute("variant").value();
  out->title = NormalizeNfc(root.attribute("title").value());
  out->regulation = root.attribute("regulation").value();
  out->source = NormalizeNfc(root.attribute("source").value());
  out->pack = root.attribute("pack").as_string("contracts");
  out->priority = root.attribute("priority").as_int(0);
  out->signature_fields = root.attribute("signature-fields").as_bool(out->pack == "contracts");
  std::string one_per = root.attribute("one-per").as_string("trainee");
  if (one_per == "trainee") out->one_per = OnePer::kTrainee;
  else if (one_per == "side-placement") out->one_per = OnePer::kSidePlacement;
  else if (one_per == "action-plan") out->one_per = OnePer::kActionPlan;
  else if (one_per == "director-contract") out->one_per = OnePer::kDirectorContract;
  else loader.Error(loader.Offset(root.attribute("one-per"), root), "unknown one-per '" + one_per + "'");
  if (out->id.empty()) loader.Error(root.offset_debug(), "<document> needs an id");
  if (out->pack != "contracts" && out->pack != "certificates")
    loader.Error(loader.Offset(root.attribute("pack"), root), "pack must be contracts or certificates");
  if (auto a = root.attribute("when")) loader.ParseExpressionInto(a, root, &out->when);
  auto text_attr = [&](const char* name, TemplateText* target) {
    if (auto a = root.attribute(name)) loader.ParseTextInto(a.value(), loader.Offset(a, root), target);
  };
  text_attr("pdf-title", &out->pdf_title);
  text_attr("subject", &out->subject);
  text_attr("footer", &out->footer);
  text_attr("header", &out->header);
  text_attr("keywords", &out->keywords);
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) out->body.push_back(loader.Node(c));
  return loader.ok();
}

}  // namespace stdok
