#include "fill/template.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

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
      {"p", {"style", "align"}},
      {"field", {"label", "width", "blank", "box"}},
      {"row", {}},
      {"checkboxes", {"label"}}, {"box", {"checked"}},
      {"list", {}}, {"item", {}},
      {"table", {"empty", "header"}}, {"column", {"title", "width", "align"}}, {"tr", {}},
      {"td", {}}, {"total", {}},
      {"signatures", {"place", "date", "place-and-date", "place-line", "per-row"}},
      {"signer", {"role", "name", "field"}},
      {"space", {"height"}}, {"page-break", {}},
      {"if", {"test"}}, {"else", {}}, {"for", {"each", "as"}},
      {"include", {"src"}},
      // Inline markup, inside text.
      {"b", {}}, {"i", {}}, {"run-in", {}}, {"br", {}}, {"nbsp", {}}, {"a", {"href"}},
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

const std::set<std::string> kInlineMarkup = {"b", "i", "run-in", "br", "nbsp", "a"};
const std::set<std::string> kEmptyInline = {"br", "nbsp"};

// XML 1.0 forbids "--" inside a comment (and a comment ending in "-"); pugixml accepts both.
// Returns the offset of the first such "--", or npos. CDATA sections are skipped.
size_t DoubleHyphenInComment(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t comment = text.find("<!--", i);
    size_t cdata = text.find("<![CDATA[", i);
    if (comment == std::string_view::npos) return std::string_view::npos;
    if (cdata < comment) {
      size_t end = text.find("]]>", cdata);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    size_t body = comment + 4;
    size_t end = text.find("-->", body);
    if (end == std::string_view::npos) return std::string_view::npos;  // pugixml reports it
    size_t hyphens = text.substr(body, end - body + 1).find("--");
    if (hyphens != std::string_view::npos) return body + hyphens;
    i = end + 3;
  }
  return std::string_view::npos;
}

const std::set<std::string> kLeafElements = {"title", "subtitle", "heading", "p", "field",
                                             "box", "item", "td", "column", "signer",
                                             "space", "page-break"};

// The files being loaded, outermost first, with where each includes the next.
struct IncludeChain {
  std::string folder;  // the template's folder: <include src> is relative to it
  std::vector<std::string> paths;
  std::vector<SourceLocation> includes;  // includes[i]: where paths[i] includes paths[i + 1]
};

class Loader {
 public:
  Loader(const SourceText* source, const char* buffer, Diagnostics* diagnostics,
         IncludeChain* chain)
      : source_(source), buffer_(buffer), diagnostics_(diagnostics), chain_(chain) {}

  void Error(std::ptrdiff_t offset, const std::string& message) {
    Diagnostic d;
    d.location = source_->Locate(offset);
    d.rule = "template.invalid";
    d.message = message + IncludedFrom();
    diagnostics_->push_back(std::move(d));
    ok_ = false;
  }

  // " (included from a.xml:3:5, included from …)" for a fragment; "" for the template.
  std::string IncludedFrom() const {
    std::string out;
    for (auto it = chain_->includes.rbegin(); it != chain_->includes.rend(); ++it)
      out += (out.empty() ? " (included from " : ", from ") + it->ToString();
    return out.empty() ? out : out + ")";
  }

  // Block content of `parent` into `out`; <include src> puts the fragment's elements in place.
  void BlockChildren(pugi::xml_node parent, std::vector<TemplateNode>* out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && std::string_view(c.name()) == "include") {
        Include(c, out);
      } else if (c.type() == pugi::node_element) {
        out->push_back(Node(c));
      } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        bool blank = true;
        for (const char* p = c.value(); *p; ++p)
          if (!std::isspace(static_cast<unsigned char>(*p))) blank = false;
        if (!blank)
          Error(c.value() - buffer_, "text is not allowed directly in <" + std::string(parent.name()) + ">");
      }
    }
  }

  void Include(pugi::xml_node n, std::vector<TemplateNode>* out);

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
    if (kEmptyInline.count(node.tag) && n.first_child())
      Error(n.offset_debug(), "<" + node.tag + "/> is empty");
    if (kLeafElements.count(node.tag) || inline_content) {
      node.children = Inline(n);
    } else {
      BlockChildren(n, &node.children);
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
        if (tag == "em") {
          Error(c.offset_debug(), "<em>: write <i> for italic");
          continue;
        }
        if (tag != "if" && tag != "else" && tag != "for" && !kInlineMarkup.count(tag)) {
          Error(c.offset_debug(), "<" + std::string(n.name()) +
                                      "> may hold text, <b>, <i>, <run-in>, <br/>, <nbsp/>, <a>, <if>, "
                                      "<else> and <for>, not <" + tag + ">");
          continue;
        }
        TemplateNode node = Node(c, /*inline_content=*/true);
        out.push_back(std::move(node));
      }
    }
    return out;
  }

  bool ok() const { return ok_; }
  void set_buffer(const char* buffer) { buffer_ = buffer; }

 private:
  const SourceText* source_;
  const char* buffer_;
  Diagnostics* diagnostics_;
  IncludeChain* chain_;
  bool ok_ = true;
};

// Parses `text` (the file at chain->paths.back()) into a pugixml document, reporting strict
// XML errors; returns the buffer the document lives in, or null.
std::unique_ptr<char[]> ParseXml(std::string_view text, pugi::xml_document* document,
                                 Loader* loader) {
  std::unique_ptr<char[]> buffer(new char[text.size() + 1]);
  std::copy(text.begin(), text.end(), buffer.get());
  buffer[text.size()] = '\0';
  auto result = document->load_buffer_inplace(buffer.get(), text.size(), pugi::parse_default,
                                              pugi::encoding_utf8);
  if (!result) {
    loader->Error(result.offset, std::string("malformed template XML: ") + result.description());
    return nullptr;
  }
  if (size_t at = DoubleHyphenInComment(text); at != std::string_view::npos) {
    loader->Error(static_cast<std::ptrdiff_t>(at), "malformed template XML: '--' inside a comment");
    return nullptr;
  }
  return buffer;
}

void Loader::Include(pugi::xml_node n, std::vector<TemplateNode>* out) {
  std::string src = n.attribute("src").value();
  if (src.empty()) {
    Error(n.offset_debug(), "<include> needs src");
    return;
  }
  namespace fs = std::filesystem;
  if (fs::path(src).is_absolute()) {
    Error(n.offset_debug(), "<include src=\"" + src + "\">: the path must be relative to the template folder");
    return;
  }
  std::string path = (fs::path(chain_->folder) / src).lexically_normal().string();
  for (const std::string& open : chain_->paths) {
    if (fs::path(open).lexically_normal() == fs::path(path)) {
      Error(n.offset_debug(), "<include src=\"" + src + "\"> includes itself (a cycle through " + path + ")");
      return;
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error(n.offset_debug(), "cannot read the included file " + path);
    return;
  }
  std::stringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  chain_->includes.push_back(source_->Locate(n.offset_debug()));
  chain_->paths.push_back(path);
  SourceText source(path, text);
  pugi::xml_document document;
  Loader inner(&source, nullptr, diagnostics_, chain_);
  std::unique_ptr<char[]> buffer = ParseXml(text, &document, &inner);
  if (buffer) {
    inner.set_buffer(buffer.get());
    pugi::xml_node root = document.document_element();
    if (std::string_view(root.name()) != "fragment" || root.first_attribute())
      inner.Error(root.offset_debug(), "an included file's root element must be <fragment> (no attributes)");
    else
      inner.BlockChildren(root, out);
  }
  if (!inner.ok()) ok_ = false;
  chain_->paths.pop_back();
  chain_->includes.pop_back();
}

// A number in [low, high] from attribute `a`, or an error naming the range.
bool ReadNumber(pugi::xml_attribute a, pugi::xml_node n, std::string_view text, double low, double high,
                const std::string& what, Loader* loader, double* out) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    std::ostringstream range;
    range << low << "–" << high;
    loader->Error(loader->Offset(a, n), what + " must be a number from " + range.str() + ", not '" +
                                            std::string(text) + "'");
    return false;
  }
  *out = value;
  return true;
}

// margins="25" (every side) or "top right bottom left" in mm; body-size in points; leading.
void ReadPageSetup(pugi::xml_node root, Loader* loader, PageSetup* page, PageNumber* page_number) {
  if (auto a = root.attribute("margins")) {
    std::istringstream in(a.value());
    std::vector<std::string> parts;
    for (std::string part; in >> part;) parts.push_back(part);
    if (parts.size() != 1 && parts.size() != 4) {
      loader->Error(loader->Offset(a, root), "margins is one length in mm, or four: top right bottom left");
    } else {
      if (parts.size() == 1) parts.assign(4, parts[0]);
      // The header sits 11 mm from the top and the footer about 9 mm under the body.
      ReadNumber(a, root, parts[0], 15, 60, "the top margin (mm)", loader, &page->margin_top_mm);
      ReadNumber(a, root, parts[1], 10, 60, "the right margin (mm)", loader, &page->margin_right_mm);
      ReadNumber(a, root, parts[2], 20, 60, "the bottom margin (mm)", loader, &page->margin_bottom_mm);
      ReadNumber(a, root, parts[3], 10, 60, "the left margin (mm)", loader, &page->margin_left_mm);
    }
  }
  if (auto a = root.attribute("page-number")) {
    std::string_view v = a.value();
    if (v == "right") *page_number = PageNumber::kRight;
    else if (v == "center") *page_number = PageNumber::kCenter;
    else if (v == "none") *page_number = PageNumber::kNone;
    else loader->Error(loader->Offset(a, root), "page-number must be right, center or none, not '" + std::string(v) + "'");
  }
  if (auto a = root.attribute("body-size"))
    ReadNumber(a, root, a.value(), 7, 14, "body-size (points)", loader, &page->body_size);
  if (auto a = root.attribute("leading"))
    ReadNumber(a, root, a.value(), 1, 2, "leading (line height per font size)", loader, &page->leading);
}

}  // namespace

bool LoadTemplate(const std::string& path, std::string_view text, Template* out,
                  Diagnostics* diagnostics) {
  SourceText source(path, text);
  IncludeChain chain;
  chain.folder = std::filesystem::path(path).parent_path().string();
  chain.paths.push_back(path);
  pugi::xml_document document;
  Loader loader(&source, nullptr, diagnostics, &chain);
  std::unique_ptr<char[]> buffer = ParseXml(text, &document, &loader);
  if (!buffer) return false;
  loader.set_buffer(buffer.get());
  pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "document") {
    loader.Error(root.offset_debug(), "a template's root element must be <document>");
    return false;
  }
  out->path = path;
  static const std::set<std::string> kRootAttributes = {
      "id", "variant", "title", "regulation", "source", "pack", "one-per", "when", "priority",
      "signature-fields", "pdf-title", "subject", "footer", "header", "keywords", "margins",
      "body-size", "leading", "page-number"};
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
  ReadPageSetup(root, &loader, &out->page, &out->page_number);
  loader.BlockChildren(root, &out->body);
  return loader.ok();
}

}  // namespace stdok
