#include "forms/form_filler.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "forms/continuation_pages.h"
#include "forms/form_draw.h"
#include "forms/text_fit.h"

namespace stdok {
namespace {

constexpr double kPad = 2;             // inside a box's border
constexpr double kLabelPitch = 1.45;   // label line spacing, times the label size
constexpr double kValuePitch = 1.2;    // value line spacing, times the value size
constexpr double kMinValueSize = 6.5;  // single-line boxes shrink no further
constexpr double kFooterX = 70.9;

std::string Marker(int page) { return "(forts. på sidan " + std::to_string(page) + ")"; }

// Where text goes that did not fit on the form's own pages.
struct Overflow {
  std::string heading;
  std::string text;                    // a box's rest
  const FormTable* table = nullptr;    // or a table's rows
  std::vector<std::vector<std::string>> rows;
  double size = 10;
  int from_page = 0;                   // 1-based
  int marker_page = -1;                // 0-based page holding "(forts. på sidan X)"
  size_t marker_run = 0;
};

struct Chained {  // the rest of a box, waiting for the box that continues it
  std::string heading;
  std::string text;
  double size = 10;
};

struct TableRows {
  std::vector<std::vector<std::string>> rows;
  size_t capacity = 0;
  size_t next = 0;
};

class Filler {
 public:
  Filler(const FormDefinition& form, const Scope& scope, const TextMeasurer& measurer,
         Diagnostics* diagnostics)
      : form_(form), scope_(scope), measurer_(measurer), diagnostics_(diagnostics) {}

  LaidOutDocument Run() {
    LaidOutDocument doc;
    std::string error;
    std::string applicant = form_.applicant.Render(scope_, &error);
    Report(SourceLocation{form_.path, 0, 0}, error);
    doc.info.doc_id = form_.id;
    doc.info.title = form_.title + (applicant.empty() ? "" : " – " + applicant);
    doc.info.subject = form_.regulation + ", bilaga " + form_.annex;
    doc.info.signature_fields = false;

    for (const FormPage& page : form_.pages)
      for (const FormBox& box : page.boxes)
        if (!box.continues.empty()) continued_ids_.insert(box.continues);
    PrepareTables();
    for (size_t i = 0; i < form_.pages.size(); ++i) {
      doc.pages.emplace_back();
      FillPage(static_cast<int>(i), &doc.pages.back());
    }

    ContinuationIdentity identity{applicant,
                                  scope_.Lookup("trainee").Get("personnummer").ToText(),
                                  scope_.Lookup("attachment").ToText(),
                                  form_.regulation + ", bilaga " + form_.annex};
    ContinuationPages extra("Fortsättning – " + form_.title +
                                (applicant.empty() ? "" : " – " + applicant),
                            std::move(identity), static_cast<int>(doc.pages.size()) + 1, measurer_);
    for (const Overflow& o : overflow_) {
      std::string heading = o.heading + " (forts. från sidan " + std::to_string(o.from_page) + ")";
      int start = o.table ? extra.AddTable(heading, *o.table, o.rows)
                          : extra.AddText(heading, o.text, o.size);
      if (o.marker_page >= 0) doc.pages[o.marker_page].texts[o.marker_run].text = Marker(start);
    }
    if (extra.cut_cells() > 0) CutWarning();
    for (Page& p : extra.pages()) doc.pages.push_back(std::move(p));

    Footers(&doc.pages);
    CheckMargins(doc.pages);
    return doc;
  }

 private:
  void Report(const SourceLocation& where, const std::string& message,
              Severity severity = Severity::kError, const char* rule = "form.fill") {
    if (message.empty()) return;
    Diagnostic d;
    d.severity = severity;
    d.location = where;
    d.rule = rule;
    d.message = message;
    diagnostics_->push_back(std::move(d));
  }

  void CutWarning() {
    Report(SourceLocation{form_.path, 0, 0}, "a table cell's text was cut to fit",
           Severity::kWarning, "form.cell-cut");
  }

  std::vector<StyledRun> Runs(const RichLine& line, const Scope& scope,
                              const SourceLocation& where) {
    std::vector<StyledRun> runs;
    std::string error;
    for (const RichSpan& span : line.spans) runs.push_back({span.text.Render(scope, &error), span.bold});
    Report(where, error);
    return runs;
  }

  std::string LabelText(const FormBox& box) {
    std::string out;
    for (const RichLine& line : box.label) {
      if (!out.empty()) out += ' ';
      for (const StyledRun& run : Runs(line, scope_, box.where)) out += run.text;
    }
    return out.empty() ? "Fortsättning" : out;
  }

  void PrepareTables() {
    for (const FormTable& table : form_.tables) {
      TableRows& rows = tables_[&table];
      for (const FormRowArea& area : table.areas) rows.capacity += area.rows;
      std::string error;
      Value list = table.each.Evaluate(scope_, &error);
      Report(table.where, error);
      if (!list.IsList()) continue;
      int index = 0;
      for (const Value& element : list.AsList()) {
        Scope item(&scope_, table.as, element);
        Scope counted(&item, table.as + "_index", Value(++index));
        std::vector<std::string> cells;
        for (const FormCell& cell : table.cells) {
          cells.push_back(cell.value.Render(counted, &error));
          for (char& c : cells.back())
            if (c == '\n') c = ' ';
        }
        Report(table.where, error);
        rows.rows.push_back(std::move(cells));
      }
    }
  }

  void FillPage(int index, Page* page) {
    const FormPage& def = form_.pages[index];
    for (const FormTextLine& text : def.texts)
      DrawRuns(page, Runs(text.line, scope_, text.where), text.x, text.baseline, text.size,
               text.align, measurer_);
    for (const FormBox& box : def.boxes) FillBox(index, page, box);
    for (const FormCheck& check : def.checks) {
      DrawRect(page, check.rect);
      std::string error;
      bool checked = check.checked.Evaluate(scope_, &error).Truthy();
      Report(check.where, error);
      if (!checked) continue;
      const FormRect& r = check.rect;
      double inset = std::min(r.width(), r.height()) * 0.2;
      page->lines.push_back({r.x0 + inset, r.y0 + inset, r.x1 - inset, r.y1 - inset, 1.0});
      page->lines.push_back({r.x0 + inset, r.y1 - inset, r.x1 - inset, r.y0 + inset, 1.0});
    }
    for (const FormTable& table : form_.tables)
      for (const FormRowArea& area : table.areas)
        if (area.page == index) FillRows(index, page, table, area);
  }

  void FillBox(int index, Page* page, const FormBox& box) {
    const FormRect& r = box.rect;
    if (box.border) DrawRect(page, r);
    double label_bottom = r.y1 + kValueBelowLabel;  // no label: ValueArea keeps the top border
    double baseline = r.y1 - 1.3 * box.label_size;
    for (const RichLine& line : box.label) {
      DrawRuns(page, Runs(line, scope_, box.where), r.x0 + kPad, baseline, box.label_size,
               FormAlign::kLeft, measurer_);
      label_bottom = baseline - kFontDescent * box.label_size;
      baseline -= kLabelPitch * box.label_size;
    }
    const FormRect area = ValueArea(r, label_bottom);

    std::string heading, text;
    double size = box.size;
    if (!box.continues.empty()) {
      auto it = chained_.find(box.continues);
      if (it == chained_.end()) return;
      heading = it->second.heading;
      text = it->second.text;
      size = it->second.size;
      chained_.erase(it);
    } else {
      std::string error;
      bool show = box.show.Empty() || box.show.Evaluate(scope_, &error).Truthy();
      if (show) text = box.value.Render(scope_, &error);
      Report(box.where, error);
      if (text.empty()) return;
      heading = LabelText(box);
    }
    if (text.empty()) return;

    const double left = area.x0, right = area.x1, bottom = area.y0, top = area.y1;
    const double x = box.align == FormAlign::kLeft ? left
                     : box.align == FormAlign::kRight ? right
                                                      : (left + right) / 2;
    auto capacity = [&](double s) {
      double first = top - kFontAscent * s;
      if (first - kFontDescent * s < bottom) return 0;
      return 1 + static_cast<int>(std::floor((first - kFontDescent * s - bottom) / (kValuePitch * s)));
    };
    auto draw = [&](const std::vector<BrokenLine>& lines, size_t count, double s, bool centre) {
      double b = top - kFontAscent * s;
      if (centre)  // capitals centred, accents and descenders still inside the area
        b = std::clamp((top + bottom) / 2 - kFontCapHeight * s / 2, bottom + kFontDescent * s, b);
      for (size_t i = 0; i < count; ++i) {
        DrawRuns(page, {{lines[i].text, false}}, x, b, s, box.align, measurer_);
        b -= kValuePitch * s;
      }
      return b;
    };

    double smallest = box.multiline ? size : std::max(kMinValueSize, size - 3);
    for (double s = size; s >= smallest - 1e-9; s -= 0.5) {
      std::vector<BrokenLine> lines =
          BreakWithOffsets(text, right - left, FontFace::kRegular, s, measurer_);
      if (static_cast<int>(lines.size()) <= capacity(s)) {
        draw(lines, lines.size(), s, !box.multiline && lines.size() == 1);
        return;
      }
    }

    // Does not fit: what fits here, the rest in the continuing box or on an extra page.
    std::vector<BrokenLine> lines =
        BreakWithOffsets(text, right - left, FontFace::kRegular, size, measurer_);
    int fit = capacity(size);
    if (continued_ids_.count(box.id)) {
      draw(lines, fit, size, false);
      chained_[box.id] = {heading, RestAfter(text, fit > 0 ? lines[fit - 1].end : 0), size};
      return;
    }
    int shown = std::max(fit - 1, 0);
    double marker_baseline = draw(lines, shown, size, false);
    Overflow o;
    o.heading = heading;
    o.text = RestAfter(text, shown > 0 ? lines[shown - 1].end : 0);
    o.size = size;
    o.from_page = index + 1;
    if (fit > 0) {
      o.marker_page = index;
      o.marker_run = page->texts.size();
      DrawRuns(page, {{Marker(0), false}}, left, marker_baseline, size, FormAlign::kLeft,
               measurer_);
    }
    overflow_.push_back(std::move(o));
  }

  void FillRows(int index, Page* page, const FormTable& table, const FormRowArea& area) {
    TableRows& rows = tables_[&table];
    const bool overflows = rows.rows.size() > rows.capacity;
    for (int i = 0; i < area.rows; ++i) {
      double top = area.top - i * table.row_height;
      size_t item = rows.next++;
      for (size_t c = 0; c < table.cells.size(); ++c) {
        const FormCell& cell = table.cells[c];
        FormRect rect{cell.x0, top - table.row_height, cell.x1, top};
        DrawRect(page, rect);
        if (overflows && item + 1 == rows.capacity) {
          if (c == 0) {
            Overflow o;
            o.heading = table.title.empty() ? "Tabell" : table.title;
            o.table = &table;
            o.rows.assign(rows.rows.begin() + item, rows.rows.end());
            o.from_page = index + 1;
            o.marker_page = index;
            o.marker_run = page->texts.size();
            overflow_.push_back(std::move(o));
            DrawRuns(page, {{Marker(0), false}}, rect.x0 + kPad,
                     (rect.y0 + rect.y1) / 2 - kFontCapHeight * table.size / 2, table.size,
                     FormAlign::kLeft, measurer_);
          }
          continue;
        }
        if (item < rows.rows.size() && c < rows.rows[item].size() &&
            !DrawCellText(page, rect, rows.rows[item][c], table.size, cell.align, measurer_))
          CutWarning();
      }
    }
  }

  void Footers(std::vector<Page>* pages) {
    const double baseline =
        kFormMargin + kFontDescent * std::max(form_.footer_size, form_.page_number_size) + 0.5;
    const std::string total = std::to_string(pages->size());
    for (size_t i = 0; i < pages->size(); ++i) {
      Page* page = &(*pages)[i];
      DrawRuns(page, {{form_.footer, true}}, kFooterX, baseline, form_.footer_size,
               FormAlign::kLeft, measurer_);
      DrawRuns(page, {{std::to_string(i + 1) + " (" + total + ")", true}}, kPageWidth / 2,
               baseline, form_.page_number_size, FormAlign::kCenter, measurer_);
    }
  }

  void CheckMargins(const std::vector<Page>& pages) {
    const double eps = 0.01;
    for (size_t i = 0; i < pages.size(); ++i)
      for (const TextRun& run : pages[i].texts) {
        double width = measurer_.Width(run.text, run.face, run.size);
        if (run.x < kFormMargin - eps || run.x + width > kPageWidth - kFormMargin + eps ||
            run.baseline - kFontDescent * run.size < kFormMargin - eps ||
            run.baseline + kFontAscent * run.size > kPageHeight - kFormMargin + eps) {
          Report(SourceLocation{form_.path, 0, 0},
                 "page " + std::to_string(i + 1) + ": '" + run.text +
                     "' reaches into the 10 mm page margin",
                 Severity::kError, "form.margin");
          return;
        }
      }
  }

  const FormDefinition& form_;
  const Scope& scope_;
  const TextMeasurer& measurer_;
  Diagnostics* diagnostics_;
  std::set<std::string> continued_ids_;
  std::map<std::string, Chained> chained_;
  std::map<const FormTable*, TableRows> tables_;
  std::vector<Overflow> overflow_;
};

}  // namespace

LaidOutDocument FillForm(const FormDefinition& form, const Scope& scope,
                         const TextMeasurer& measurer, Diagnostics* diagnostics) {
  return Filler(form, scope, measurer, diagnostics).Run();
}

bool FormApplies(const FormDefinition& form, const Scope& scope, Diagnostics* diagnostics) {
  if (form.when.Empty()) return true;
  std::string error;
  bool applies = form.when.Evaluate(scope, &error).Truthy();
  if (!error.empty()) {
    Diagnostic d;
    d.location = SourceLocation{form.path, 0, 0};
    d.rule = "form.fill";
    d.message = "when: " + error;
    diagnostics->push_back(std::move(d));
  }
  return applies;
}

}  // namespace stdok
