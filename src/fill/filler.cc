#include "fill/filler.h"

#include <charconv>
#include <functional>

namespace stdok {
namespace {

class Filler {
 public:
  Filler(const Template& tmpl, Diagnostics* diagnostics) : tmpl_(tmpl), diagnostics_(diagnostics) {}

  void Report(const TemplateNode& node, const std::string& error) {
    Diagnostic d;
    d.location = node.where;
    d.rule = "template.fill";
    d.message = error;
    diagnostics_->push_back(std::move(d));
  }

  std::string Attr(const TemplateNode& node, std::string_view name, const Scope& scope) {
    auto it = node.attributes.find(name);
    if (it == node.attributes.end()) return "";
    std::string error;
    std::string text = it->second.Render(scope, &error);
    if (!error.empty()) Report(node, error);
    return text;
  }

  MarkupReport Reporter() {
    return [this](const TemplateNode& node, const std::string& error) { Report(node, error); };
  }

  // A leaf element's inline content, tidied, with bold marks.
  std::string MarkedContent(const TemplateNode& node, const Scope& scope) {
    return RenderMarked(node.children, scope, Reporter());
  }

  // Plain inline content (bold marks dropped): trimmed, spaces tidied around breaks.
  std::string Content(const TemplateNode& node, const Scope& scope) {
    return RenderPlain(node.children, scope, Reporter());
  }

  // Marked text -> its plain text and, when any of it is bold, its spans.
  static void SplitSpans(const std::string& marked, std::string* text, std::vector<Span>* spans) {
    int depth = 0, italic_depth = 0;
    Span current;
    bool any_bold = false;
    auto flush = [&] {
      if (!current.text.empty()) spans->push_back(current);
      current.text.clear();
    };
    for (char c : marked) {
      if (IsStyleMark(c)) {
        flush();
        if (c == kBoldOn || c == kBoldOff) depth += c == kBoldOn ? 1 : -1;
        else italic_depth += c == kItalicOn ? 1 : -1;
        current.bold = depth > 0;
        current.italic = italic_depth > 0;
        continue;
      }
      current.text += c;
      *text += c;
      any_bold = any_bold || current.bold || current.italic;
    }
    flush();
    if (!any_bold) spans->clear();
  }

  bool Test(const TemplateNode& node, const Scope& scope) {
    std::string error;
    bool result = node.condition.Evaluate(scope, &error).Truthy();
    if (!error.empty()) Report(node, error);
    return result;
  }

  double Number(const TemplateNode& node, std::string_view name, const Scope& scope, double fallback) {
    std::string text = Attr(node, name, scope);
    if (text.empty()) return fallback;
    size_t unit = text.find_first_not_of("0123456789.");
    std::string digits = text.substr(0, unit);
    double value = fallback;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc()) {
      Report(node, "'" + text + "' is not a number");
      return fallback;
    }
    return value;
  }

  // Walks children, expanding <if>/<else>/<for>; calls visit for every other element.
  void Walk(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupVisit& visit) {
    WalkMarkup(nodes, scope, Reporter(), visit);
  }

  Block MakeBlock(Block::Kind kind) {
    Block b;
    b.kind = kind;
    return b;
  }

  Field MakeField(const TemplateNode& node, const Scope& scope) {
    Field f;
    f.label = Attr(node, "label", scope);
    f.value = Content(node, scope);
    f.width = Number(node, "width", scope, 1);
    f.blank_height = Number(node, "blank", scope, 7);
    f.boxed = Attr(node, "box", scope) == "yes";
    return f;
  }

  void Body(const std::vector<TemplateNode>& nodes, const Scope& scope, Document* doc) {
    Walk(nodes, scope, [&](const TemplateNode& node, const Scope& s) { Element(node, s, doc); });
  }

  void Element(const TemplateNode& node, const Scope& scope, Document* doc) {
    const std::string& tag = node.tag;
    if (tag == "title" || tag == "subtitle" || tag == "heading") {
      Block b = MakeBlock(Block::Kind::kHeading);
      b.heading.level = tag == "title" ? 0 : tag == "subtitle" ? 4 : static_cast<int>(Number(node, "level", scope, 1));
      b.heading.text = Content(node, scope);
      b.keep_with_next = true;
      doc->blocks.push_back(std::move(b));
    } else if (tag == "p") {
      Block b = MakeBlock(Block::Kind::kParagraph);
      SplitSpans(MarkedContent(node, scope), &b.paragraph.text, &b.paragraph.spans);
      std::string style = Attr(node, "style", scope);
      b.paragraph.style = style == "bold" ? TextStyle::kBold
                          : style == "small" ? TextStyle::kSmall
                                             : TextStyle::kNormal;
      std::string align = Attr(node, "align", scope);
      if (align.empty() || align == "left") b.paragraph.align = Align::kLeft;
      else if (align == "justify") b.paragraph.align = Align::kJustify;
      else if (align == "center") b.paragraph.align = Align::kCenter;
      else if (align == "right") b.paragraph.align = Align::kRight;
      else Report(node, "align must be left, justify, center or right, not '" + align + "'");
      std::string hyphenate = Attr(node, "hyphenate", scope);
      b.paragraph.hyphenate = hyphenate.empty() ? tmpl_.hyphenate : hyphenate == "true";
      if (!b.paragraph.text.empty()) doc->blocks.push_back(std::move(b));
    } else if (tag == "field") {
      Block b = MakeBlock(Block::Kind::kField);
      b.fields.fields.push_back(MakeField(node, scope));
      doc->blocks.push_back(std::move(b));
    } else if (tag == "row") {
      Block b = MakeBlock(Block::Kind::kFieldRow);
      Walk(node.children, scope, [&](const TemplateNode& child, const Scope& s) {
        if (child.tag == "field") b.fields.fields.push_back(MakeField(child, s));
        else Report(child, "<row> holds only <field>");
      });
      doc->blocks.push_back(std::move(b));
    } else if (tag == "checkboxes") {
      Block b = MakeBlock(Block::Kind::kCheckboxes);
      b.checkboxes.label = Attr(node, "label", scope);
      Walk(node.children, scope, [&](const TemplateNode& child, const Scope& s) {
        if (child.tag == "box") b.checkboxes.options.push_back({Content(child, s), Test(child, s)});
        else Report(child, "<checkboxes> holds only <box>");
      });
      doc->blocks.push_back(std::move(b));
    } else if (tag == "list") {
      Block b = MakeBlock(Block::Kind::kList);
      Walk(node.children, scope, [&](const TemplateNode& child, const Scope& s) {
        if (child.tag == "item") {
          std::string text = Content(child, s);
          if (!text.empty()) b.list.items.push_back(std::move(text));
        } else {
          Report(child, "<list> holds only <item>");
        }
      });
      if (!b.list.items.empty()) doc->blocks.push_back(std::move(b));
    } else if (tag == "table") {
      doc->blocks.push_back(TableBlock(node, scope));
    } else if (tag == "signatures") {
      Block b = MakeBlock(Block::Kind::kSignatures);
      b.signatures.place = Attr(node, "place", scope);
      b.signatures.date = Attr(node, "date", scope);
      b.signatures.with_place_and_date = Attr(node, "place-and-date", scope) != "no";
      b.signatures.place_line = Attr(node, "place-line", scope);
      std::string per_row = Attr(node, "per-row", scope);
      if (!per_row.empty()) {
        if (per_row.size() == 1 && per_row[0] >= '1' && per_row[0] <= '4') b.signatures.per_row = per_row[0] - '0';
        else Report(node, "per-row must be 1, 2, 3 or 4, not '" + per_row + "'");
      }
      Walk(node.children, scope, [&](const TemplateNode& child, const Scope& s) {
        if (child.tag != "signer") {
          Report(child, "<signatures> holds only <signer>");
          return;
        }
        Signer signer{Attr(child, "role", s), Attr(child, "name", s), Attr(child, "field", s)};
        if (signer.field_name.empty()) signer.field_name = signer.role;
        b.signatures.signers.push_back(std::move(signer));
      });
      doc->blocks.push_back(std::move(b));
    } else if (tag == "space") {
      Block b = MakeBlock(Block::Kind::kSpacer);
      b.spacer.height_mm = Number(node, "height", scope, 4);
      doc->blocks.push_back(std::move(b));
    } else if (tag == "image") {
      Block b = MakeBlock(Block::Kind::kPicture);
      if (auto it = tmpl_.images.find(Attr(node, "src", scope)); it != tmpl_.images.end()) b.picture.image = it->second;
      b.picture.width_mm = Number(node, "width", scope, 0);
      std::string align = Attr(node, "align", scope);
      if (align.empty() || align == "left") b.picture.align = Align::kLeft;
      else if (align == "center") b.picture.align = Align::kCenter;
      else if (align == "right") b.picture.align = Align::kRight;
      else Report(node, "align of an image must be left, center or right, not '" + align + "'");
      if (b.picture.image) doc->blocks.push_back(std::move(b));
    } else if (tag == "page-break") {
      doc->blocks.push_back(MakeBlock(Block::Kind::kPageBreak));
    } else {
      Report(node, "<" + tag + "> is not allowed here");
    }
  }

  Block TableBlock(const TemplateNode& node, const Scope& scope) {
    Block b = MakeBlock(Block::Kind::kTable);
    b.table.empty_text = Attr(node, "empty", scope);
    std::string header = Attr(node, "header", scope);
    if (header == "no") b.table.header = false;
    else if (!header.empty() && header != "yes") Report(node, "header must be yes or no, not '" + header + "'");
    // A cell's style: its own style and shade, else its row's.
    auto style = [&](const TemplateNode& row, const TemplateNode& cell, const Scope& rs, const Scope& cs) {
      CellStyle out;
      std::string bold = Attr(cell, "style", cs);
      out.bold = (bold.empty() ? Attr(row, "style", rs) : bold) == "bold";
      out.shade = Number(cell, "shade", cs, Number(row, "shade", rs, 0));
      return out;
    };
    std::vector<std::vector<CellStyle>> styles;
    auto cells = [&](const TemplateNode& row, const Scope& s) {
      std::vector<std::string> out;
      styles.emplace_back();
      Walk(row.children, s, [&](const TemplateNode& cell, const Scope& cs) {
        if (cell.tag != "td") {
          Report(cell, "<" + row.tag + "> holds only <td>");
          return;
        }
        out.push_back(Content(cell, cs));
        styles.back().push_back(style(row, cell, s, cs));
      });
      return out;
    };
    Walk(node.children, scope, [&](const TemplateNode& child, const Scope& s) {
      if (child.tag == "column") {
        TableColumn column;
        column.title = Attr(child, "title", s);
        column.width = Number(child, "width", s, 1);
        std::string align = Attr(child, "align", s);
        column.align = align == "right" ? Align::kRight : align == "center" ? Align::kCenter : Align::kLeft;
        b.table.columns.push_back(std::move(column));
      } else if (child.tag == "tr") {
        b.table.rows.push_back(cells(child, s));
        b.table.styles.push_back(std::move(styles.back()));
      } else if (child.tag == "total") {
        b.table.footer = cells(child, s);
      } else {
        Report(child, "<table> holds <column>, <tr> and <total>");
      }
    });
    for (auto& row : b.table.rows) row.resize(b.table.columns.size());
    if (!b.table.footer.empty()) b.table.footer.resize(b.table.columns.size());
    return b;
  }

 private:
  const Template& tmpl_;
  Diagnostics* diagnostics_;
};

std::string RenderRootText(const Template& tmpl, const TemplateText& text, const Scope& scope,
                           Diagnostics* diagnostics) {
  std::string error;
  std::string out = text.Render(scope, &error);
  if (!error.empty()) {
    Diagnostic d;
    d.location.file = tmpl.path;
    d.rule = "template.fill";
    d.message = error;
    diagnostics->push_back(std::move(d));
  }
  return out;
}

}  // namespace

bool TemplateApplies(const Template& tmpl, const Scope& scope, Diagnostics* diagnostics) {
  if (tmpl.when.Empty()) return true;
  std::string error;
  bool applies = tmpl.when.Evaluate(scope, &error).Truthy();
  if (!error.empty()) {
    Diagnostic d;
    d.location.file = tmpl.path;
    d.rule = "template.fill";
    d.message = "in when: " + error;
    diagnostics->push_back(std::move(d));
  }
  return applies;
}

Document FillTemplate(const Template& tmpl, const Scope& scope, Diagnostics* diagnostics) {
  Document doc;
  doc.info.doc_id = tmpl.id;
  doc.info.title = tmpl.pdf_title.Empty() ? tmpl.title : RenderRootText(tmpl, tmpl.pdf_title, scope, diagnostics);
  doc.info.subject = RenderRootText(tmpl, tmpl.subject, scope, diagnostics);
  // Header and footer texts may name the page's number and the page count.
  const Scope with_page(&scope, "page", Value(kPageMark));
  const Scope running(&with_page, "pages", Value(kPagesMark));
  doc.info.footer = RenderRootText(tmpl, tmpl.footer, running, diagnostics);
  doc.info.footer_center = RenderRootText(tmpl, tmpl.footer_center, running, diagnostics);
  doc.info.footer_right = RenderRootText(tmpl, tmpl.footer_right, running, diagnostics);
  doc.info.header = RenderRootText(tmpl, tmpl.header, running, diagnostics);
  doc.info.header_center = RenderRootText(tmpl, tmpl.header_center, running, diagnostics);
  doc.info.header_right = RenderRootText(tmpl, tmpl.header_right, running, diagnostics);
  doc.info.keywords = RenderRootText(tmpl, tmpl.keywords, scope, diagnostics);
  doc.info.signature_fields = tmpl.signature_fields;
  doc.info.page = tmpl.page;
  doc.info.page_number = tmpl.page_number;
  if (auto it = tmpl.images.find(tmpl.logo); !tmpl.logo.empty() && it != tmpl.images.end()) {
    doc.info.logo.image = it->second;
    doc.info.logo.width_mm = tmpl.logo_width_mm;
  }
  Filler filler(tmpl, diagnostics);
  filler.Body(tmpl.body, scope, &doc);
  return doc;
}

}  // namespace stdok
