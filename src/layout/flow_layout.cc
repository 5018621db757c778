#include "layout/flow_layout.h"

#include <algorithm>
#include <set>

#include "layout/line_breaker.h"

namespace stdok {
namespace {

constexpr double kMm = kPointsPerMm;

class FlowLayout {
 public:
  FlowLayout(const TextMeasurer& m, const FlowStyle& s) : m_(m), s_(s) {
    content_width_ = kPageWidth - s_.margin_left - s_.margin_right;
    NewPage();
  }

  LaidOutDocument Run(const Document& doc) {
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      const Block& b = doc.blocks[i];
      if (b.keep_with_next && i + 1 < doc.blocks.size()) {
        double needed = EstimateHeight(b) + std::min(EstimateHeight(doc.blocks[i + 1]), 60.0);
        if (y_ - needed < s_.margin_bottom && !PageIsEmpty()) NewPage();
      }
      Place(b);
    }
    LaidOutDocument out;
    out.info = doc.info;
    out.pages = std::move(pages_);
    AddFooters(&out);
    return out;
  }

 private:
  Page& page() { return pages_.back(); }
  double top() const { return kPageHeight - s_.margin_top; }
  bool PageIsEmpty() const { return y_ >= top() - 0.01; }
  void NewPage() {
    pages_.emplace_back();
    y_ = top();
  }
  // Makes room for `height` points, starting a new page if it does not fit.
  void Need(double height) {
    if (y_ - height < s_.margin_bottom && !PageIsEmpty()) NewPage();
  }
  double LineHeight(double size) const { return size * s_.leading; }

  void Text(double x, double baseline, FontFace face, double size, std::string text) {
    if (text.empty()) return;
    page().texts.push_back({x, baseline, face, size, std::move(text)});
  }
  void Line(double x1, double y1, double x2, double y2, double width = 0.5) {
    page().lines.push_back({x1, y1, x2, y2, width});
  }

  // Lines of text at x within width; splits across pages line by line.
  void FlowLines(const std::vector<std::string>& lines, double x, FontFace face, double size) {
    double lh = LineHeight(size);
    for (const std::string& line : lines) {
      Need(lh);
      y_ -= lh;
      Text(x, y_ + lh * 0.25, face, size, line);
    }
  }

  double EstimateHeight(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kHeading: return HeadingSize(b.heading.level) * 2.2;
      case Block::Kind::kParagraph: return LineHeight(s_.body_size) * 2;
      case Block::Kind::kField:
      case Block::Kind::kFieldRow: return FieldRowHeight(b.fields);
      case Block::Kind::kTable: return LineHeight(s_.body_size) * 3;
      default: return LineHeight(s_.body_size) * 2;
    }
  }

  static double HeadingSize(int level) {
    switch (level) {
      case 0: return 16;
      case 1: return 12;
      case 3: return 11;
      default: return 10.5;
    }
  }

  void Place(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kHeading: PlaceHeading(b.heading); break;
      case Block::Kind::kParagraph: PlaceParagraph(b.paragraph); break;
      case Block::Kind::kField:
      case Block::Kind::kFieldRow: PlaceFieldRow(b.fields); break;
      case Block::Kind::kCheckboxes: PlaceCheckboxes(b.checkboxes); break;
      case Block::Kind::kList: PlaceList(b.list); break;
      case Block::Kind::kTable: PlaceTable(b.table); break;
      case Block::Kind::kSignatures: PlaceSignatures(b.signatures); break;
      case Block::Kind::kSpacer: y_ -= b.spacer.height_mm * kMm; break;
      case Block::Kind::kPageBreak: if (!PageIsEmpty()) NewPage(); break;
    }
  }

  void PlaceHeading(const Heading& h) {
    double size = HeadingSize(h.level);
    FontFace face = h.level == 3 ? FontFace::kRegular : FontFace::kBold;
    if (!PageIsEmpty()) y_ -= h.level == 0 ? 0 : size * 0.8;
    auto lines = BreakLines(h.text, content_width_, face, size, m_);
    FlowLines(lines, s_.margin_left, face, size);
    y_ -= h.level == 0 ? size * 0.3 : size * 0.25;
  }

  static FontFace FaceOf(TextStyle style) {
    return style == TextStyle::kBold || style == TextStyle::kSmallBold ? FontFace::kBold
                                                                       : FontFace::kRegular;
  }

  void PlaceParagraph(const Paragraph& p) {
    double size = p.style == TextStyle::kSmall || p.style == TextStyle::kSmallBold ? 8.5 : s_.body_size;
    FontFace face = FaceOf(p.style);
    // "\n\n" separates paragraphs: keep a half line between them.
    size_t start = 0;
    while (start <= p.text.size()) {
      size_t end = p.text.find("\n\n", start);
      if (end == std::string::npos) end = p.text.size();
      auto lines = BreakLines(std::string_view(p.text).substr(start, end - start), content_width_, face, size, m_);
      FlowLines(lines, s_.margin_left, face, size);
      y_ -= size * 0.5;
      start = end + 2;
    }
  }

  struct FieldGeometry {
    std::vector<std::string> label_lines;
    std::vector<std::string> value_lines;
    double x = 0, width = 0, height = 0;
  };

  std::vector<FieldGeometry> MeasureRow(const FieldRow& row) {
    const double gap = 5 * kMm;
    double total_weight = 0;
    for (const Field& f : row.fields) total_weight += f.width > 0 ? f.width : 1;
    double available = content_width_ - gap * (row.fields.size() - 1);
    std::vector<FieldGeometry> out;
    double x = s_.margin_left;
    for (const Field& f : row.fields) {
      FieldGeometry g;
      g.x = x;
      g.width = available * (f.width > 0 ? f.width : 1) / total_weight;
      double inset = f.boxed ? 1.5 * kMm : 0;
      g.label_lines = BreakLines(f.label, g.width, FontFace::kRegular, s_.label_size, m_);
      g.value_lines = BreakLines(f.value, g.width - 2 * inset, FontFace::kRegular, s_.body_size, m_);
      double value_height = g.value_lines.empty()
                                ? f.blank_height * kMm
                                : g.value_lines.size() * LineHeight(s_.body_size) + 2 * inset + 2;
      g.height = g.label_lines.size() * LineHeight(s_.label_size) + value_height;
      out.push_back(std::move(g));
      x += g.width + gap;
    }
    return out;
  }

  double FieldRowHeight(const FieldRow& row) {
    double h = 0;
    for (const auto& g : MeasureRow(row)) h = std::max(h, g.height);
    return h + 2 * kMm;
  }

  void PlaceFieldRow(const FieldRow& row) {
    auto geometry = MeasureRow(row);
    double height = 0;
    for (const auto& g : geometry) height = std::max(height, g.height);
    // A field taller than a page (a very long free text) flows instead of being kept whole.
    bool flows = height > top() - s_.margin_bottom - 20;
    if (!flows) Need(height + 2 * kMm);
    y_ -= 1 * kMm;
    double row_top = y_;
    double lowest = y_;
    for (size_t i = 0; i < geometry.size(); ++i) {
      const Field& f = row.fields[i];
      const FieldGeometry& g = geometry[i];
      double lh_label = LineHeight(s_.label_size);
      double y = row_top;
      if (flows) y_ = row_top;
      for (const auto& line : g.label_lines) {
        y -= lh_label;
        Text(g.x, y + lh_label * 0.25, FontFace::kRegular, s_.label_size, line);
      }
      double inset = f.boxed ? 1.5 * kMm : 0;
      double value_top = y;
      if (flows) {
        y_ = y - inset;
        FlowLines(g.value_lines, g.x + inset, FontFace::kRegular, s_.body_size);
        lowest = y_;
        continue;
      }
      double lh = LineHeight(s_.body_size);
      if (g.value_lines.empty()) {
        y -= f.blank_height * kMm;
      } else {
        y -= inset + 1;
        for (const auto& line : g.value_lines) {
          y -= lh;
          Text(g.x + inset, y + lh * 0.25, FontFace::kRegular, s_.body_size, line);
        }
        y -= inset + 1;
      }
      if (f.boxed)
        page().rectangles.push_back({g.x, y, g.width, value_top - y, 0.6});
      else
        Line(g.x, y, g.x + g.width, y, 0.4);
      lowest = std::min(lowest, y);
    }
    y_ = lowest - 2 * kMm;
  }

  void PlaceCheckboxes(const Checkboxes& c) {
    const double box = 3.2 * kMm;
    double lh = LineHeight(s_.body_size);
    Need(lh * 2);
    double x = s_.margin_left;
    y_ -= lh;
    if (!c.label.empty()) {
      Text(x, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, c.label);
      x += m_.Width(c.label, FontFace::kRegular, s_.body_size) + 3 * kMm;
    }
    for (const CheckOption& o : c.options) {
      double w = box + 1.5 * kMm + m_.Width(o.text, FontFace::kRegular, s_.body_size) + 6 * kMm;
      if (x + w > s_.margin_left + content_width_ && x > s_.margin_left) {
        x = s_.margin_left;
        Need(lh);
        y_ -= lh;
      }
      double by = y_ + lh * 0.25 - 0.5;
      page().rectangles.push_back({x, by, box, box, 0.7});
      if (o.checked) {
        Line(x + 0.6, by + 0.6, x + box - 0.6, by + box - 0.6, 0.9);
        Line(x + 0.6, by + box - 0.6, x + box - 0.6, by + 0.6, 0.9);
      }
      Text(x + box + 1.5 * kMm, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, o.text);
      x += w;
    }
    y_ -= 2 * kMm;
  }

  void PlaceList(const BulletList& list) {
    const double indent = 5 * kMm;
    double lh = LineHeight(s_.body_size);
    for (const std::string& item : list.items) {
      auto lines = BreakLines(item, content_width_ - indent, FontFace::kRegular, s_.body_size, m_);
      for (size_t i = 0; i < lines.size(); ++i) {
        Need(lh);
        y_ -= lh;
        if (i == 0) Text(s_.margin_left + 1.5 * kMm, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, "•");
        Text(s_.margin_left + indent, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, lines[i]);
      }
      y_ -= 1;
    }
    y_ -= 2 * kMm;
  }

  std::vector<double> ColumnWidths(const Table& t) {
    double total = 0;
    for (const auto& c : t.columns) total += c.width > 0 ? c.width : 1;
    std::vector<double> widths;
    for (const auto& c : t.columns) widths.push_back(content_width_ * (c.width > 0 ? c.width : 1) / total);
    return widths;
  }

  // Draws one table row; returns false without drawing if it does not fit on this page.
  bool TableRow(const Table& t, const std::vector<double>& widths, const std::vector<std::string>& cells,
                FontFace face, double size, bool must_place) {
    const double pad = 1.2 * kMm;
    double lh = LineHeight(size);
    std::vector<std::vector<std::string>> wrapped;
    size_t max_lines = 1;
    for (size_t c = 0; c < widths.size(); ++c) {
      wrapped.push_back(BreakLines(c < cells.size() ? cells[c] : "", widths[c] - 2 * pad, face, size, m_));
      max_lines = std::max(max_lines, wrapped.back().size());
    }
    double height = max_lines * lh + 2 * pad;
    if (y_ - height < s_.margin_bottom && !must_place) return false;
    double x = s_.margin_left;
    double row_top = y_;
    for (size_t c = 0; c < widths.size(); ++c) {
      double y = row_top - pad;
      for (const auto& line : wrapped[c]) {
        y -= lh;
        double tx = x + pad;
        Align align = t.columns[c].align;
        if (align != Align::kLeft) {
          double w = m_.Width(line, face, size);
          tx = align == Align::kRight ? x + widths[c] - pad - w : x + (widths[c] - w) / 2;
        }
        Text(tx, y + lh * 0.25, face, size, line);
      }
      x += widths[c];
    }
    y_ = row_top - height;
    Line(s_.margin_left, y_, s_.margin_left + content_width_, y_, face == FontFace::kBold ? 0.8 : 0.3);
    return true;
  }

  void TableHeader(const Table& t, const std::vector<double>& widths) {
    std::vector<std::string> titles;
    for (const auto& c : t.columns) titles.push_back(c.title);
    Line(s_.margin_left, y_, s_.margin_left + content_width_, y_, 0.8);
    TableRow(t, widths, titles, FontFace::kBold, 8.5, true);
  }

  void PlaceTable(const Table& t) {
    if (t.columns.empty()) return;
    auto widths = ColumnWidths(t);
    double lh = LineHeight(s_.body_size);
    Need(lh * 4);
    y_ -= 1 * kMm;
    TableHeader(t, widths);
    if (t.rows.empty() && !t.empty_text.empty()) {
      Need(lh);
      y_ -= lh;
      Text(s_.margin_left + 1.2 * kMm, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, t.empty_text);
      y_ -= 1 * kMm;
    }
    for (const auto& row : t.rows) {
      if (!TableRow(t, widths, row, FontFace::kRegular, 9, false)) {
        NewPage();
        TableHeader(t, widths);
        TableRow(t, widths, row, FontFace::kRegular, 9, true);
      }
    }
    if (!t.footer.empty()) {
      if (!TableRow(t, widths, t.footer, FontFace::kBold, 9, false)) {
        NewPage();
        TableHeader(t, widths);
        TableRow(t, widths, t.footer, FontFace::kBold, 9, true);
      }
    }
    y_ -= 3 * kMm;
  }

  void PlaceSignatures(const SignatureBlock& block) {
    const double column_gap = 12 * kMm;
    double column_width = (content_width_ - column_gap) / 2;
    double line_length = std::min(std::max(s_.signature_line_length, 60 * kMm), column_width);
    const double sign_room = 14 * kMm;
    double lh = LineHeight(s_.body_size);
    double place_height = block.with_place_and_date ? lh + 8 * kMm : 0;
    size_t rows = (block.signers.size() + 1) / 2;
    double row_height = sign_room + lh + LineHeight(s_.label_size) + 4 * kMm;
    double total = place_height + rows * row_height + 4 * kMm;
    Need(total);  // the whole block on one page
    y_ -= 4 * kMm;
    if (block.with_place_and_date) {
      FieldRow row;
      row.fields.push_back({"Ort", block.place, 1, 7, false});
      row.fields.push_back({"Datum", block.date, 1, 7, false});
      PlaceFieldRow(row);
    }
    for (size_t i = 0; i < block.signers.size(); ++i) {
      const Signer& signer = block.signers[i];
      size_t column = i % 2;
      if (column == 0 && i > 0) y_ -= row_height;
      double x = s_.margin_left + column * (column_width + column_gap);
      double line_y = y_ - sign_room;
      Line(x, line_y, x + line_length, line_y, 0.6);
      Text(x, line_y - lh + lh * 0.25 + 1, FontFace::kRegular, s_.body_size,
           signer.name.empty() ? std::string("Namnförtydligande: ") : signer.name);
      Text(x, line_y - lh - LineHeight(s_.label_size) + 1, FontFace::kRegular, s_.label_size, signer.role);
      page().widgets.push_back({UniqueFieldName(signer), x, line_y, line_length, sign_room - 2 * kMm});
    }
    if (!block.signers.empty()) y_ -= row_height;
  }

  std::string UniqueFieldName(const Signer& signer) {
    std::string base = "Signatur_";
    for (unsigned char c : signer.field_name) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
        base += static_cast<char>(c);
      else if (c == ' ' || c == '-')
        base += '_';
      // other bytes (dots, non-ASCII) are dropped: field names must be plain
    }
    std::string name = base;
    for (int n = 2; used_names_.count(name); ++n) name = base + "_" + std::to_string(n);
    used_names_.insert(name);
    return name;
  }

  void AddFooters(LaidOutDocument* doc) {
    size_t total = doc->pages.size();
    for (size_t i = 0; i < total; ++i) {
      Page& p = doc->pages[i];
      double size = 8;
      std::string number = "Sid " + std::to_string(i + 1) + " (" + std::to_string(total) + ")";
      double w = m_.Width(number, FontFace::kRegular, size);
      double right = kPageWidth - s_.margin_right;
      p.texts.push_back({right - w, s_.footer_baseline, FontFace::kRegular, size, number});
      if (!doc->info.footer.empty()) {
        auto lines = BreakLines(doc->info.footer, right - w - 10 * kMm - s_.margin_left, FontFace::kRegular, size, m_);
        if (!lines.empty())
          p.texts.push_back({s_.margin_left, s_.footer_baseline, FontFace::kRegular, size, lines[0]});
      }
      if (!doc->info.header.empty()) {
        auto lines = BreakLines(doc->info.header, content_width_, FontFace::kRegular, size, m_);
        if (!lines.empty())
          p.texts.push_back({s_.margin_left, kPageHeight - 11 * kMm - size, FontFace::kRegular, size, lines[0]});
      }
      p.lines.push_back({s_.margin_left, s_.footer_baseline + 10, right, s_.footer_baseline + 10, 0.3});
    }
  }

  const TextMeasurer& m_;
  const FlowStyle& s_;
  double content_width_ = 0;
  double y_ = 0;
  std::vector<Page> pages_;
  std::set<std::string> used_names_;
};

}  // namespace

LaidOutDocument LayOutDocument(const Document& document, const TextMeasurer& measurer,
                               const FlowStyle& style) {
  FlowLayout layout(measurer, style);
  return layout.Run(document);
}

}  // namespace stdok
