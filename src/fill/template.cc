#include "fill/template.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "text/hyphenation.h"
#include "text/unicode.h"
#include "xml/document.h"

namespace stdok {

namespace {

// Element name -> attributes it takes. Attributes holding a bare expression are listed in
// kExpressionAttributes; all others are interpolated text.
const std::map<std::string, std::set<std::string>>& KnownElements() {
  static const std::map<std::string, std::set<std::string>> kElements = {
      {"title", {}}, {"subtitle", {}}, {"heading", {"level"}},
      {"p", {"style", "align", "hyphenate"}},
      {"field", {"label", "width", "blank", "box"}},
      {"row", {}},
      {"checkboxes", {"label"}}, {"box", {"checked"}},
      {"list", {}}, {"item", {}},
      {"table", {"empty", "header"}}, {"column", {"title", "width", "align"}},
      {"tr", {"style", "shade"}}, {"td", {"style", "shade"}}, {"total", {}},
      {"signatures", {"place", "date", "place-and-date", "place-line", "per-row"}},
      {"signer", {"role", "name", "field"}},
      {"space", {"height"}}, {"page-break", {}},
      {"include", {"src"}},
      {"image", {"src", "width", "align"}},
      // Inline markup, inside text.
      {"b", {}}, {"i", {}}, {"run-in", {}}, {"br", {}}, {"nbsp", {}}, {"a", {"href"}},
  };
  return kElements;
}

// What a leaf element's text may hold besides text and <if>/<else>/<for>.
const InlineSyntax& TemplateInline() {
  static const InlineSyntax kSyntax = [] {
    InlineSyntax syntax;
    syntax.elements = {{"b", {}}, {"i", {}}, {"run-in", {}}, {"br", {}}, {"nbsp", {}}, {"a", {"href"}}};
    syntax.empty = {"br", "nbsp"};
    syntax.hints = {{"em", "write <i> for italic"}};
    syntax.described = "text, <b>, <i>, <run-in>, <br/>, <nbsp/>, <a>, <if>, <else> and <for>";
    return syntax;
  }();
  return kSyntax;
}

const std::set<std::string> kLeafElements = {"title", "subtitle", "heading", "p", "field",
                                             "box", "item", "td", "column", "signer",
                                             "space", "page-break", "image"};

// The files being loaded, outermost first, with where each includes the next.
struct IncludeChain {
  std::string folder;  // the template's folder: <include src> is relative to it
  std::vector<std::string> paths;
  std::vector<SourceLocation> includes;  // includes[i]: where paths[i] includes paths[i + 1]
  std::map<std::string, std::shared_ptr<const RasterImage>, std::less<>> images;  // by src
  bool hyphenation_checked = false;  // whether the patterns were looked for
  NameSet names;  // of the template's text and every fragment's
};

// A cell's shade: percent of black, 0–50 (text stays readable).
bool ValidShade(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value >= 0 && value <= 50;
}

class Loader {
 public:
  Loader(const xml::Document* document, Diagnostics* diagnostics, IncludeChain* chain)
      : document_(document),
        diagnostics_(diagnostics),
        chain_(chain),
        markup_(document, [this](std::ptrdiff_t offset, const std::string& message) { Error(offset, message); }) {}

  void Error(std::ptrdiff_t offset, const std::string& message) {
    Diagnostic d;
    d.location = document_->LocateOffset(offset);
    d.rule = "template.invalid";
    d.message = message + IncludedFrom();
    diagnostics_->push_back(std::move(d));
    ok_ = false;
  }

  void Warning(std::ptrdiff_t offset, const std::string& rule, const std::string& message) {
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.location = document_->LocateOffset(offset);
    d.rule = rule;
    d.message = message + IncludedFrom();
    diagnostics_->push_back(std::move(d));
  }

  // hyphenate="true" (on <p> or the root): the Swedish patterns must be there; when they are
  // not, one warning per template says so and the text is justified without hyphens.
  void CheckHyphenation(pugi::xml_attribute a, pugi::xml_node n) {
    if (std::string_view(a.value()) != "true" || chain_->hyphenation_checked) return;
    chain_->hyphenation_checked = true;
    const Hyphenator& hyphenator = Hyphenator::Swedish();
    if (!hyphenator.ok())
      Warning(Offset(a, n), "template.hyphenation-unavailable",
              "hyphenation asked for, but the Swedish hyphenation patterns cannot be read (" +
                  hyphenator.path() + "; Debian package hyphen-sv): justified text is printed without hyphens");
  }

  // <image src> and the root's logo: the file relative to the template folder, read and
  // checked once per template (PNG or JPEG; transparency flattened onto white, with a warning).
  void LoadImage(pugi::xml_attribute a, pugi::xml_node n);

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
        if (std::string_view(c.name()) == "else") markup_.CheckElse(c, *out);
        out->push_back(Node(c));
      } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        bool blank = true;
        for (const char* p = c.value(); *p; ++p)
          if (!std::isspace(static_cast<unsigned char>(*p))) blank = false;
        if (!blank)
          Error(document_->OffsetOf(c.value()), "text is not allowed directly in <" + std::string(parent.name()) + ">");
      }
    }
  }

  void Include(pugi::xml_node n, std::vector<TemplateNode>* out);

  std::ptrdiff_t Offset(pugi::xml_attribute a, pugi::xml_node n) { return markup_.Offset(a, n); }

  void ParseTextInto(const char* text, std::ptrdiff_t offset, TemplateText* out) { markup_.Text(text, offset, out); }

  void ParseExpressionInto(pugi::xml_attribute a, pugi::xml_node n, Expression* out) {
    std::string error;
    if (!Expression::Parse(a.value(), out, &error)) Error(Offset(a, n), error);
  }

  TemplateNode Node(pugi::xml_node n) {
    TemplateNode node;
    node.tag = n.name();
    node.where = document_->Locate(n);
    if (node.tag == "if" || node.tag == "else" || node.tag == "for") {
      // Block-level control; inline ones are the markup parser's.
      markup_.Control(n, &node);
      BlockChildren(n, &node.children);
      return node;
    }
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
      } else if (name == "checked") {
        ParseExpressionInto(a, n, &node.condition);
      } else if ((node.tag == "td" || node.tag == "tr") && name == "style" && std::string_view(a.value()) != "bold" &&
                 std::string_view(a.value()) != "normal") {
        Error(Offset(a, n), "style of a table cell must be bold or normal, not '" + std::string(a.value()) + "'");
      } else if ((node.tag == "td" || node.tag == "tr") && name == "shade" && !ValidShade(a.value())) {
        Error(Offset(a, n), "shade (percent grey) must be a number from 0–50, not '" + std::string(a.value()) + "'");
      } else if (name == "hyphenate") {
        CheckHyphenation(a, n);
        if (std::string_view v = a.value(); v != "true" && v != "false")
          Error(Offset(a, n), "hyphenate must be true or false, not '" + std::string(v) + "'");
        ParseTextInto(a.value(), Offset(a, n), &node.attributes[name]);
      } else {
        ParseTextInto(a.value(), Offset(a, n), &node.attributes[name]);
      }
    }
    if (pugi::xml_attribute level = n.attribute("level"); node.tag == "heading" && level) {
      std::string_view v = level.value();
      if (v != "1" && v != "2" && v != "3")
        Error(Offset(level, n), "a heading's level must be 1, 2 or 3, not '" + std::string(v) + "'");
    }
    if (node.tag == "image") {
      if (pugi::xml_attribute src = n.attribute("src"))
        LoadImage(src, n);
      else
        Error(n.offset_debug(), "<image> needs src");
    }
    if (TemplateInline().empty.count(node.tag) && n.first_child())
      Error(n.offset_debug(), "<" + node.tag + "/> is empty");
    if (kLeafElements.count(node.tag)) {
      node.children = markup_.Inline(n, TemplateInline());
    } else {
      BlockChildren(n, &node.children);
    }
    return node;
  }

  bool ok() const { return ok_; }

 private:
  const xml::Document* document_;
  Diagnostics* diagnostics_;
  IncludeChain* chain_;
  MarkupParser markup_;
  bool ok_ = true;
};

// Loads `text` (the file at chain->paths.back()) through the XML layer; a refusal is reported
// with the include chain that led to the file.
bool LoadXml(std::string_view text, const char* root, xml::Document* document, Diagnostics* diagnostics,
             const Loader& loader, const IncludeChain& chain) {
  if (document->Load(chain.paths.back(), text, {.kind = "template", .root = root}, diagnostics)) return true;
  diagnostics->back().message += loader.IncludedFrom();
  return false;
}

void Loader::LoadImage(pugi::xml_attribute a, pugi::xml_node n) {
  namespace fs = std::filesystem;
  const std::string src = a.value();
  if (chain_->images.count(src)) return;
  if (src.empty() || fs::path(src).is_absolute()) {
    Error(Offset(a, n), "the image '" + src + "' must be a path relative to the template folder");
    return;
  }
  const std::string path = (fs::path(chain_->folder) / src).lexically_normal().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error(Offset(a, n), "cannot read the image " + path);
    return;
  }
  std::stringstream content;
  content << in.rdbuf();
  auto image = std::make_shared<RasterImage>();
  std::string error;
  if (!ReadRasterImage(content.str(), image.get(), &error)) {
    Error(Offset(a, n), "the image " + path + ": " + error);
    return;
  }
  if (image->flattened)
    Warning(Offset(a, n), "template.image-transparency",
            "the image " + path + " has transparency, which PDF/A-1 does not allow: it is printed on white; "
            "save it without transparency to keep it exactly as drawn");
  chain_->images.emplace(src, std::move(image));
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
  AddNameWords(text, &chain_->names);
  chain_->includes.push_back(document_->LocateOffset(n.offset_debug()));
  chain_->paths.push_back(path);
  xml::Document document;
  Loader inner(&document, diagnostics_, chain_);
  if (LoadXml(text, "fragment", &document, diagnostics_, inner, *chain_)) {
    pugi::xml_node root = document.root();
    if (root.first_attribute())
      inner.Error(root.offset_debug(), "an included file's root element must be <fragment> (no attributes)");
    else
      inner.BlockChildren(root, out);
  } else {
    ok_ = false;
  }
  if (!inner.ok()) ok_ = false;
  chain_->paths.pop_back();
  chain_->includes.pop_back();
}

// A number in [low, high] from attribute `a`, or an error naming the range.
bool ReadNumber(pugi::xml_attribute a, pugi::xml_node n, std::string_view text, double low, double high,
                const std::string& what, Loader* loader, double* out, std::ptrdiff_t at = 0) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    std::ostringstream range;
    range << low << "–" << high;
    loader->Error(loader->Offset(a, n) + at, what + " must be a number from " + range.str() + ", not '" +
                                            std::string(text) + "'");
    return false;
  }
  *out = value;
  return true;
}

std::string Mm(double mm) {
  std::ostringstream out;
  out << mm << " mm";
  return out.str();
}

// sizes="title 18, heading1 13, table 9": points per role, each checked against its range.
void ReadSizes(pugi::xml_attribute a, pugi::xml_node root, Loader* loader, PageSetup* page) {
  struct Role {
    const char* name;
    double* size;
    double low, high;
  };
  const Role roles[] = {
      {"body", &page->body_size, 7, 14},         {"title", &page->title_size, 10, 28},
      {"subtitle", &page->subtitle_size, 7, 20}, {"heading1", &page->heading_size[0], 7, 20},
      {"heading2", &page->heading_size[1], 7, 20}, {"heading3", &page->heading_size[2], 7, 20},
      {"table", &page->table_size, 6, 14},       {"small", &page->small_size, 6, 12},
      {"label", &page->label_size, 6, 12},       {"header-footer", &page->running_size, 6, 12}};
  std::string_view text = a.value();
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::istringstream item{std::string(text.substr(start, comma - start))};
    std::string name, size, extra;
    item >> name >> size >> extra;
    // Where the role and its size stand in the attribute, for the messages.
    const std::ptrdiff_t name_at = std::min(text.find_first_not_of(' ', start), comma);
    const std::ptrdiff_t size_at = std::min(text.find(size, name_at + name.size()), comma);
    start = comma + 1;
    if (name.empty() && comma == text.size()) break;
    if (name.empty() || size.empty() || !extra.empty()) {
      loader->Error(loader->Offset(a, root), "sizes is a list of 'role points' separated by commas "
                                                 "(sizes=\"title 18, heading1 13\"), not '" + std::string(text) + "'");
      return;
    }
    const Role* role = nullptr;
    for (const Role& r : roles)
      if (name == r.name) role = &r;
    if (!role) {
      loader->Error(loader->Offset(a, root) + name_at, "sizes: unknown role '" + name + "'; the roles are body, title, subtitle, "
                                                 "heading1, heading2, heading3, table, small, label and header-footer");
      continue;
    }
    ReadNumber(a, root, size, role->low, role->high, "the size of " + name + " (points)", loader, role->size, size_at);
  }
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
  // "Sid X (Y)" stands at the bottom right unless the footer's centre or right has text of its own.
  if (root.attribute("footer-right") || root.attribute("footer-center")) *page_number = PageNumber::kNone;
  if (auto a = root.attribute("page-number")) {
    std::string_view v = a.value();
    if (v == "right") *page_number = PageNumber::kRight;
    else if (v == "center") *page_number = PageNumber::kCenter;
    else if (v == "none") *page_number = PageNumber::kNone;
    else loader->Error(loader->Offset(a, root), "page-number must be right, center or none, not '" + std::string(v) + "'");
    const char* taken = v == "right" ? "footer-right" : v == "center" ? "footer-center" : nullptr;
    if (taken && root.attribute(taken))
      loader->Error(loader->Offset(a, root), "page-number=\"" + std::string(v) + "\" and " + taken +
                                                 " both fill one place; write \"Sid {page} ({pages})\" in " + taken +
                                                 " and leave page-number out");
  }
  if (auto a = root.attribute("sizes")) ReadSizes(a, root, loader, page);
  // The header's top and the footer's baseline, in mm from the page's edge: clear of the body.
  double top = page->margin_top_mm > 0 ? page->margin_top_mm : 18;
  double bottom = page->margin_bottom_mm > 0 ? page->margin_bottom_mm : 22;
  if (auto a = root.attribute("header-offset"))
    ReadNumber(a, root, a.value(), 5, top - 6,
               "header-offset (mm from the top edge, the top margin being " + Mm(top) + ")", loader,
               &page->header_offset_mm);
  if (auto a = root.attribute("footer-offset"))
    ReadNumber(a, root, a.value(), 8, bottom - 5,
               "footer-offset (mm from the bottom edge, the bottom margin being " + Mm(bottom) + ")", loader,
               &page->footer_offset_mm);
  if (auto a = root.attribute("body-size"))
    ReadNumber(a, root, a.value(), 7, 14, "body-size (points)", loader, &page->body_size);
  if (auto a = root.attribute("leading"))
    ReadNumber(a, root, a.value(), 1, 2, "leading (line height per font size)", loader, &page->leading);
}

}  // namespace

bool LoadTemplate(const std::string& path, std::string_view text, Template* out,
                  Diagnostics* diagnostics) {
  IncludeChain chain;
  chain.folder = std::filesystem::path(path).parent_path().string();
  chain.paths.push_back(path);
  AddNameWords(text, &chain.names);
  xml::Document document;
  Loader loader(&document, diagnostics, &chain);
  if (!LoadXml(text, "document", &document, diagnostics, loader, chain)) return false;
  pugi::xml_node root = document.root();
  out->path = path;
  static const std::set<std::string> kRootAttributes = {
      "id", "variant", "title", "regulation", "source", "pack", "one-per", "when", "priority",
      "signature-fields", "pdf-title", "subject", "footer", "header", "keywords", "margins",
      "body-size", "leading", "page-number", "logo", "logo-width", "hyphenate", "sizes",
      "header-center", "header-right", "footer-center", "footer-right", "header-offset", "footer-offset"};
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
  text_attr("header-center", &out->header_center);
  text_attr("header-right", &out->header_right);
  text_attr("footer-center", &out->footer_center);
  text_attr("footer-right", &out->footer_right);
  ReadPageSetup(root, &loader, &out->page, &out->page_number);
  if (pugi::xml_attribute a = root.attribute("hyphenate")) {
    loader.CheckHyphenation(a, root);
    std::string_view v = a.value();
    if (v != "true" && v != "false")
      loader.Error(loader.Offset(a, root), "hyphenate must be true or false, not '" + std::string(v) + "'");
    out->hyphenate = v == "true";
  }
  if (pugi::xml_attribute logo = root.attribute("logo")) {
    loader.LoadImage(logo, root);
    out->logo = logo.value();
  }
  if (pugi::xml_attribute a = root.attribute("logo-width"))
    ReadNumber(a, root, a.value(), 5, 100, "logo-width (mm)", &loader, &out->logo_width_mm);
  loader.BlockChildren(root, &out->body);
  out->images = std::move(chain.images);
  out->names = std::move(chain.names);
  return loader.ok();
}

}  // namespace stdok
