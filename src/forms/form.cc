#include "forms/form.h"

#include <charconv>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include "layout/page.h"
#include "text/unicode.h"
#include "xml/document.h"

namespace stdok {
namespace {

constexpr double kAscent = 0.905, kDescent = 0.212;  // Liberation Sans, per em

const std::map<std::string, std::set<std::string>, std::less<>>& KnownElements() {
  static const std::map<std::string, std::set<std::string>, std::less<>> kElements = {
      {"page", {}},
      {"text", {"at", "size", "bold", "align"}},
      {"box", {"id", "continues", "rect", "label", "hint", "label-size", "value", "show",
               "multiline", "size", "align", "border"}},
      {"label", {}},
      {"value", {}},
      {"check", {"rect", "checked"}},
      {"table", {"id", "title", "each", "as", "top", "rows", "row-height", "size"}},
      {"cell", {"x", "title", "align"}},
      {"rows", {"table", "top", "rows"}},
      {"official", {}},
      {"line", {"page"}},
  };
  return kElements;
}

const std::set<std::string, std::less<>> kRootAttributes = {
    "id", "title", "regulation", "annex", "source", "one-per", "group", "attachment-box",
    "when", "attests", "applicant", "footer", "footer-size", "page-number-size"};

bool IsBlank(const char* text) {
  for (const char* p = text; *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) return false;
  return true;
}

class FormLoader {
 public:
  FormLoader(const xml::Document* document, Diagnostics* diagnostics)
      : document_(document),
        diagnostics_(diagnostics),
        markup_(document, [this](std::ptrdiff_t offset, const std::string& message) { Error(offset, message); }) {}

  bool ok() const { return ok_; }

  void Error(std::ptrdiff_t offset, const std::string& message) {
    Diagnostic d;
    d.location = document_->LocateOffset(offset);
    d.rule = "form.invalid";
    d.message = message;
    diagnostics_->push_back(std::move(d));
    ok_ = false;
  }
  void Error(pugi::xml_node n, const std::string& message) { Error(n.offset_debug(), message); }
  void Error(pugi::xml_attribute a, pugi::xml_node n, const std::string& message) {
    Error(a ? document_->OffsetOf(a.value()) : n.offset_debug(), message);
  }
  SourceLocation Where(pugi::xml_node n) const { return document_->LocateOffset(n.offset_debug()); }

  // Reports attributes the element does not take and unknown elements.
  bool CheckElement(pugi::xml_node n) {
    auto it = KnownElements().find(n.name());
    if (it == KnownElements().end()) {
      Error(n, std::string("unknown form element <") + n.name() + ">");
      return false;
    }
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
      if (!it->second.count(a.name()))
        Error(a, n, std::string("<") + n.name() + "> has no attribute '" + a.name() + "'");
    return true;
  }

  std::string Text(pugi::xml_node n, const char* name, bool required = false) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a && required) Error(n, std::string("<") + n.name() + "> needs " + name);
    return CollapseWhitespace(NormalizeNfc(a.value()));
  }

  std::vector<double> Numbers(pugi::xml_node n, const char* name, size_t count, bool required) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      if (required) Error(n, std::string("<") + n.name() + "> needs " + name);
      return {};
    }
    std::vector<double> values;
    std::istringstream in{std::string(a.value())};
    std::string word;
    bool good = true;
    while (in >> word) {
      double v = 0;
      auto [ptr, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
      if (ec != std::errc() || ptr != word.data() + word.size()) good = false;
      values.push_back(v);
    }
    if (!good || values.size() != count) {
      Error(a, n, std::string(name) + " must be " + std::to_string(count) + " number" +
                      (count > 1 ? "s separated by spaces" : ""));
      return {};
    }
    return values;
  }

  double Number(pugi::xml_node n, const char* name, double fallback, double min, double max,
                bool required = false) {
    std::vector<double> v = Numbers(n, name, 1, required);
    if (v.empty()) return fallback;
    if (v[0] < min || v[0] > max) {
      Error(n.attribute(name), n, std::string(name) + " must be between " +
                                      FormatNumber(min) + " and " + FormatNumber(max));
      return fallback;
    }
    return v[0];
  }

  static std::string FormatNumber(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }

  bool Flag(pugi::xml_node n, const char* name, bool fallback) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) return fallback;
    std::string v = a.value();
    if (v == "yes" || v == "true") return true;
    if (v == "no" || v == "false") return false;
    Error(a, n, std::string(name) + " must be yes or no");
    return fallback;
  }

  FormAlign Align(pugi::xml_node n) {
    pugi::xml_attribute a = n.attribute("align");
    std::string v = a.value();
    if (!a || v == "left") return FormAlign::kLeft;
    if (v == "center") return FormAlign::kCenter;
    if (v == "right") return FormAlign::kRight;
    Error(a, n, "align must be left, center or right");
    return FormAlign::kLeft;
  }

  bool Rect(pugi::xml_node n, const char* name, FormRect* out) {
    std::vector<double> v = Numbers(n, name, 4, true);
    if (v.empty()) return false;
    *out = {v[0], v[1], v[2], v[3]};
    if (out->x1 <= out->x0 || out->y1 <= out->y0) {
      Error(n.attribute(name), n, "a rect is 'x0 y0 x1 y1' with x0 < x1 and y0 < y1");
      return false;
    }
    if (out->x0 < kFormMargin - 1e-6 || out->y0 < kFormMargin - 1e-6 ||
        out->x1 > kPageWidth - kFormMargin + 1e-6 || out->y1 > kPageHeight - kFormMargin + 1e-6)
      Error(n.attribute(name), n, "the rect reaches into the 10 mm page margin");
    return true;
  }

  void ParseText(const std::string& text, std::ptrdiff_t offset, TemplateText* out) {
    std::string error;
    if (!TemplateText::Parse(text, out, &error)) Error(offset, error);
  }

  void ParseExpression(pugi::xml_node n, const char* name, Expression* out, bool required) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      if (required) Error(n, std::string("<") + n.name() + "> needs " + name);
      return;
    }
    std::string error;
    if (!Expression::Parse(a.value(), out, &error)) Error(a, n, error);
  }

  // Content of <text>, <label> or <official>'s lines: text with <b> and <r> runs.
  RichLine Line(pugi::xml_node n, bool bold) {
    RichLine line;
    std::vector<std::pair<std::string, bool>> raw;
    std::vector<std::ptrdiff_t> offsets;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        raw.push_back({c.value(), bold});
        offsets.push_back(document_->OffsetOf(c.value()));
      } else if (c.type() == pugi::node_element) {
        std::string tag = c.name();
        if ((tag != "b" && tag != "r") || c.first_attribute()) {
          Error(c, "<" + std::string(n.name()) + "> may hold text, <b> and <r>");
          continue;
        }
        for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
          if (t.type() == pugi::node_element) Error(t, "<" + tag + "> holds only text");
          if (t.type() != pugi::node_pcdata && t.type() != pugi::node_cdata) continue;
          raw.push_back({t.value(), tag == "b"});
          offsets.push_back(document_->OffsetOf(t.value()));
        }
      }
    }
    std::vector<std::string> texts;
    for (auto& [text, style] : raw) {
      std::string t = CollapseInlineSpace(text);
      for (char& ch : t)
        if (ch == '\n') ch = ' ';
      texts.push_back(t);
    }
    // Trim the line's ends, whichever runs they fall in.
    for (size_t i = 0; i < texts.size(); ++i) {
      size_t start = texts[i].find_first_not_of(' ');
      texts[i].erase(0, start == std::string::npos ? texts[i].size() : start);
      if (!texts[i].empty()) break;
    }
    for (size_t i = texts.size(); i-- > 0;) {
      while (!texts[i].empty() && texts[i].back() == ' ') texts[i].pop_back();
      if (!texts[i].empty()) break;
    }
    for (size_t i = 0; i < texts.size(); ++i) {
      if (texts[i].empty()) continue;
      RichSpan span;
      span.bold = raw[i].second;
      ParseText(texts[i], offsets[i], &span.text);
      line.spans.push_back(std::move(span));
    }
    return line;
  }

  RichLine LineFromAttributes(pugi::xml_node n) {
    RichLine line;
    auto add = [&](const char* name, bool bold) {
      pugi::xml_attribute a = n.attribute(name);
      std::string text = CollapseWhitespace(NormalizeNfc(a.value()));
      if (text.empty()) return;
      if (!line.spans.empty()) text = " " + text;
      RichSpan span;
      span.bold = bold;
      ParseText(text, document_->OffsetOf(a.value()), &span.text);
      line.spans.push_back(std::move(span));
    };
    add("label", true);
    add("hint", false);
    return line;
  }

  // Value content: text with {expressions}, <br/>, <if test>, <else>, <for each as>; the
  // markup is the templates' (fill/markup.h). `source` gets the value as written.
  std::vector<TemplateNode> ValueNodes(pugi::xml_node n, std::string* source) {
    static const InlineSyntax kValue = [] {
      InlineSyntax syntax;
      syntax.elements = {{"br", {}}};
      syntax.empty = {"br"};
      syntax.described = "text, <br/>, <if>, <else> and <for>";
      return syntax;
    }();
    AppendSource(n, source);
    return markup_.Inline(n, kValue);
  }

  static void AppendSource(pugi::xml_node n, std::string* source) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        *source += CollapseInlineSpace(c.value());
      } else if (c.type() == pugi::node_element) {
        *source += "<" + std::string(c.name()) + ">";
        AppendSource(c, source);
      }
    }
  }

  void ValueFromAttribute(pugi::xml_node n, FormValue* out) {
    pugi::xml_attribute a = n.attribute("value");
    if (!a) return;
    TemplateNode node;
    node.tag = "#text";
    node.where = document_->Locate(a);
    out->source = NormalizeNfc(a.value());
    ParseText(out->source, document_->OffsetOf(a.value()), &node.content);
    out->nodes.push_back(std::move(node));
  }

  void CheckTextPlace(pugi::xml_node n, double x, double baseline, double size) {
    if (x < kFormMargin - 1e-6 || baseline - kDescent * size < kFormMargin - 1e-6 ||
        baseline + kAscent * size > kPageHeight - kFormMargin + 1e-6)
      Error(n.attribute("at"), n, "the text reaches into the 10 mm page margin");
  }

  FormTextLine TextLine(pugi::xml_node n) {
    FormTextLine t;
    t.where = Where(n);
    std::vector<double> at = Numbers(n, "at", 2, true);
    t.size = Number(n, "size", 10, 3, 40);
    t.align = Align(n);
    if (at.size() == 2) {
      t.x = at[0];
      t.baseline = at[1];
      CheckTextPlace(n, t.align == FormAlign::kLeft ? t.x : kFormMargin, t.baseline, t.size);
    }
    t.line = Line(n, Flag(n, "bold", false));
    if (t.line.spans.empty()) Error(n, "<text> is empty");
    return t;
  }

  FormBox Box(pugi::xml_node n) {
    FormBox b;
    b.where = Where(n);
    b.id = Text(n, "id");
    b.continues = Text(n, "continues");
    Rect(n, "rect", &b.rect);
    b.label_size = Number(n, "label-size", 7, 3, 20);
    b.size = Number(n, "size", 10, 3, 30);
    b.multiline = Flag(n, "multiline", false);
    b.border = Flag(n, "border", true);
    b.align = Align(n);
    ParseExpression(n, "show", &b.show, false);
    if (n.attribute("label") || n.attribute("hint")) b.label.push_back(LineFromAttributes(n));
    ValueFromAttribute(n, &b.value);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata && !IsBlank(c.value()))
        Error(document_->OffsetOf(c.value()), "write a box's value as value=\"…\" or in <value>");
      if (c.type() != pugi::node_element) continue;
      if (!CheckElement(c)) continue;
      std::string tag = c.name();
      if (tag == "label") {
        if (n.attribute("label")) Error(c, "a box has either label=\"…\" or <label> lines");
        b.label.push_back(Line(c, true));
      } else if (tag == "value") {
        if (!b.value.Empty()) Error(c, "the box already has a value");
        b.value.nodes = ValueNodes(c, &b.value.source);
      } else {
        Error(c, "<box> may hold <label> and <value>, not <" + tag + ">");
      }
    }
    if (!b.continues.empty() && !b.value.Empty())
      Error(n, "a box that continues another has no value of its own");
    return b;
  }

  FormCheck Check(pugi::xml_node n) {
    FormCheck c;
    c.where = Where(n);
    Rect(n, "rect", &c.rect);
    ParseExpression(n, "checked", &c.checked, true);
    return c;
  }

  void Area(pugi::xml_node n, int page, FormTable* table) {
    FormRowArea area;
    area.page = page;
    area.top = Number(n, "top", 0, 0, kPageHeight, true);
    area.rows = static_cast<int>(Number(n, "rows", 0, 0, 200, true));
    if (area.top > kPageHeight - kFormMargin + 1e-6 ||
        area.top - area.rows * table->row_height < kFormMargin - 1e-6)
      Error(n, "the rows reach into the 10 mm page margin");
    table->areas.push_back(area);
  }

  FormTable Table(pugi::xml_node n, int page) {
    FormTable t;
    t.where = Where(n);
    t.id = Text(n, "id", true);
    t.title = Text(n, "title");
    ParseExpression(n, "each", &t.each, true);
    t.as = Text(n, "as", true);
    t.row_height = Number(n, "row-height", 20, 5, 100, true);
    t.size = Number(n, "size", 9, 3, 20);
    Area(n, page, &t);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata && !IsBlank(c.value()))
        Error(document_->OffsetOf(c.value()), "text is not allowed directly in <table>");
      if (c.type() != pugi::node_element || !CheckElement(c)) continue;
      if (std::string_view(c.name()) != "cell") {
        Error(c, std::string("<table> holds <cell> elements, not <") + c.name() + ">");
        continue;
      }
      FormCell cell;
      std::vector<double> x = Numbers(c, "x", 2, true);
      if (x.size() == 2) {
        cell.x0 = x[0];
        cell.x1 = x[1];
        if (cell.x1 <= cell.x0 || cell.x0 < kFormMargin || cell.x1 > kPageWidth - kFormMargin)
          Error(c.attribute("x"), c, "a cell's x is 'x0 x1' inside the page margins");
      }
      cell.title = Text(c, "title");
      cell.align = Align(c);
      cell.value.nodes = ValueNodes(c, &cell.value.source);
      t.cells.push_back(std::move(cell));
    }
    if (t.cells.empty()) Error(n, "a <table> needs at least one <cell>");
    return t;
  }

  void Page(pugi::xml_node n, int index, FormDefinition* form) {
    FormPage page;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata && !IsBlank(c.value()))
        Error(document_->OffsetOf(c.value()), "text is not allowed directly in <page>");
      if (c.type() != pugi::node_element || !CheckElement(c)) continue;
      std::string tag = c.name();
      if (tag == "text") {
        page.texts.push_back(TextLine(c));
      } else if (tag == "box") {
        page.boxes.push_back(Box(c));
      } else if (tag == "check") {
        page.checks.push_back(Check(c));
      } else if (tag == "table") {
        FormTable table = Table(c, index);
        for (const FormTable& other : form->tables)
          if (other.id == table.id) Error(c, "a table with id '" + table.id + "' comes earlier");
        form->tables.push_back(std::move(table));
      } else if (tag == "rows") {
        std::string id = Text(c, "table", true);
        FormTable* table = nullptr;
        for (FormTable& t : form->tables)
          if (t.id == id) table = &t;
        if (!table) Error(c.attribute("table"), c, "no earlier <table id=\"" + id + "\">");
        else Area(c, index, table);
      } else {
        Error(c, "<page> may hold <text>, <box>, <check>, <table> and <rows>, not <" + tag + ">");
      }
    }
    form->pages.push_back(std::move(page));
  }

  void Official(pugi::xml_node n, FormDefinition* form) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (std::string_view(c.name()) != "line") {
        Error(c, "<official> holds <line page=\"n\"> elements");
        continue;
      }
      CheckElement(c);
      OfficialLine line;
      line.page = static_cast<int>(Number(c, "page", 1, 1, 99, true)) - 1;
      line.text = CollapseWhitespace(NormalizeNfc(c.child_value()));
      if (line.text.empty()) Error(c, "an official line is empty");
      form->official.push_back(std::move(line));
    }
  }

  // Checks across elements once everything is read.
  void CheckReferences(pugi::xml_node root, FormDefinition* form) {
    std::set<std::string> ids;
    for (const FormPage& page : form->pages)
      for (const FormBox& box : page.boxes) {
        if (!box.continues.empty() && !ids.count(box.continues))
          Error(root, box.where.ToString() + ": no earlier box with id '" + box.continues + "'");
        if (!box.id.empty() && !ids.insert(box.id).second)
          Error(root, box.where.ToString() + ": box id '" + box.id + "' is used twice");
      }
    for (const OfficialLine& line : form->official)
      if (line.page >= static_cast<int>(form->pages.size()))
        Error(root, "an official line names page " + std::to_string(line.page + 1) +
                        " but the form has " + std::to_string(form->pages.size()));
    if (form->attachment_box) {
      bool found = false;
      for (const FormPage& page : form->pages)
        for (const FormBox& box : page.boxes)
          if (box.value.source.find("attachment") != std::string::npos) found = true;
      if (!found)
        Error(root.attribute("attachment-box"), root,
              "attachment-box=\"yes\" but no box shows {attachment}");
    }
  }

 private:
  const xml::Document* document_;
  Diagnostics* diagnostics_;
  MarkupParser markup_;
  bool ok_ = true;
};

struct OnePerName {
  FormOnePer value;
  const char* name;
  const char* list;
};
constexpr OnePerName kOnePerNames[] = {
    {FormOnePer::kTrainee, "trainee", ""},
    {FormOnePer::kPlacement, "placement", "trainee.clinical_service"},
    {FormOnePer::kAuskultation, "auskultation", "trainee.auskultationer"},
    {FormOnePer::kCourse, "course", "trainee.courses"},
    {FormOnePer::kDevelopmentWork, "development-work", "trainee.development_work"},
    {FormOnePer::kScientificWork, "scientific-work", "trainee.scientific_work"},
    {FormOnePer::kDelmalGroup, "delmal-group", "trainee.delmal_groups"},
};

}  // namespace

bool IsReadinessName(std::string_view name) {
  for (const char* known : {"bt-service", "bt-competence", "bt-application", "st-service",
                            "st-competence", "st-application"})
    if (name == known) return true;
  return false;
}

namespace {
std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}
}  // namespace

bool ParseFormOnePer(std::string_view name, FormOnePer* out) {
  for (const OnePerName& n : kOnePerNames)
    if (name == n.name) {
      *out = n.value;
      return true;
    }
  return false;
}

const char* FormOnePerName(FormOnePer one_per) {
  for (const OnePerName& n : kOnePerNames)
    if (n.value == one_per) return n.name;
  return "trainee";
}

const char* FormItemList(FormOnePer one_per) {
  for (const OnePerName& n : kOnePerNames)
    if (n.value == one_per) return n.list;
  return "";
}

bool LoadForm(const std::string& path, std::string_view text, FormDefinition* out,
              Diagnostics* diagnostics) {
  xml::Document document;
  if (!document.Load(path, text, {.kind = "form", .root = "form"}, diagnostics)) return false;
  FormLoader loader(&document, diagnostics);
  pugi::xml_node root = document.root();
  for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute())
    if (!kRootAttributes.count(a.name()))
      loader.Error(a, root, std::string("<form> has no attribute '") + a.name() + "'");
  *out = FormDefinition();
  out->path = path;
  AddNameWords(text, &out->names);
  out->id = loader.Text(root, "id", true);
  out->title = loader.Text(root, "title", true);
  out->regulation = loader.Text(root, "regulation", true);
  if (out->regulation != "HSLF-FS 2021:8" && out->regulation != "SOSFS 2015:8")
    loader.Error(root.attribute("regulation"), root,
                 "regulation must be 'HSLF-FS 2021:8' or 'SOSFS 2015:8'");
  out->annex = loader.Text(root, "annex", true);
  out->source = loader.Text(root, "source");
  std::string one_per = loader.Text(root, "one-per");
  if (!one_per.empty() && !ParseFormOnePer(one_per, &out->one_per))
    loader.Error(root.attribute("one-per"), root,
                 "one-per must be trainee, placement, auskultation, course, development-work, "
                 "scientific-work or delmal-group");
  out->group = loader.Text(root, "group");
  out->attachment_box = loader.Flag(root, "attachment-box", false);
  loader.ParseExpression(root, "when", &out->when, false);
  for (const std::string& name : SplitWords(loader.Text(root, "attests"))) {
    if (name != "item" && !IsReadinessName(name))
      loader.Error(root.attribute("attests"), root,
                   "attests takes 'item' or a readiness: bt-service, bt-competence, bt-application, "
                   "st-service, st-competence, st-application; not '" + name + "'");
    else if (name == "item" && out->one_per == FormOnePer::kTrainee)
      loader.Error(root.attribute("attests"), root, "attests=\"item\" needs a one-per other than trainee");
    else
      out->attests.push_back(name);
  }
  std::string applicant = root.attribute("applicant") ? root.attribute("applicant").value()
                                                      : "{trainee.name}";
  loader.ParseText(NormalizeNfc(applicant),
                   root.attribute("applicant") ? document.OffsetOf(root.attribute("applicant").value())
                                               : root.offset_debug(),
                   &out->applicant);
  out->footer = loader.Text(root, "footer", true);
  out->footer_size = loader.Number(root, "footer-size", 6, 3, 14);
  out->page_number_size = loader.Number(root, "page-number-size", 9, 3, 14);
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata && !IsBlank(c.value()))
      loader.Error(document.OffsetOf(c.value()), "text is not allowed directly in <form>");
    if (c.type() != pugi::node_element || !loader.CheckElement(c)) continue;
    std::string tag = c.name();
    if (tag == "page") loader.Page(c, static_cast<int>(out->pages.size()), out);
    else if (tag == "official") loader.Official(c, out);
    else loader.Error(c, "<form> holds <page> and <official>, not <" + tag + ">");
  }
  if (out->pages.empty()) loader.Error(root, "a form needs at least one <page>");
  loader.CheckReferences(root, out);
  return loader.ok();
}

}  // namespace stdok
