#include "forms/form_draw.h"

#include <algorithm>
#include <cmath>

#include "forms/text_fit.h"
#include "layout/line_breaker.h"

namespace stdok {

double DrawRuns(Page* page, const std::vector<StyledRun>& runs, double x, double baseline,
                double size, FormAlign align, const TextMeasurer& measurer) {
  double total = 0;
  for (const StyledRun& run : runs)
    total += measurer.Width(run.text, run.bold ? FontFace::kBold : FontFace::kRegular, size);
  if (align == FormAlign::kCenter) x -= total / 2;
  if (align == FormAlign::kRight) x -= total;
  for (const StyledRun& run : runs) {
    if (run.text.empty()) continue;
    FontFace face = run.bold ? FontFace::kBold : FontFace::kRegular;
    page->texts.push_back({x, baseline, face, size, run.text});
    x += measurer.Width(run.text, face, size);
  }
  return x;
}

FormRect ValueArea(const FormRect& box, double label_bottom) {
  double top = std::min(label_bottom - kValueBelowLabel, box.y1 - kValueBottom);
  return {box.x0 + kValueInset, box.y0 + kValueBottom, box.x1 - kValueInset, top};
}

void DrawRect(Page* page, const FormRect& rect, double line_width) {
  page->rectangles.push_back({rect.x0, rect.y0, rect.width(), rect.height(), line_width});
}

bool DrawCellText(Page* page, const FormRect& cell, const std::string& text, double size,
                  FormAlign align, const TextMeasurer& measurer) {
  if (text.empty()) return true;
  const double pad = 2;
  const double width = cell.width() - 2 * pad;
  const double height = cell.height() - 2;
  double x = align == FormAlign::kLeft ? cell.x0 + pad
             : align == FormAlign::kRight ? cell.x1 - pad
                                          : (cell.x0 + cell.x1) / 2;
  std::vector<std::string> lines;
  double s = size;
  bool fits = false;
  for (; s >= 6 - 1e-9; s -= 0.5) {
    lines = BreakLines(text, width, FontFace::kRegular, s, measurer);
    int capacity = static_cast<int>(std::floor((height - s) / (1.1 * s))) + 1;
    if (static_cast<int>(lines.size()) <= std::max(capacity, 1)) {
      fits = true;
      break;
    }
  }
  if (!fits) {
    s = 6;
    lines = {Ellipsize(text, width, FontFace::kRegular, s, measurer)};
  }
  const double pitch = 1.1 * s;
  const double block = kFontCapHeight * s + pitch * (lines.size() - 1);
  double baseline = (cell.y0 + cell.y1) / 2 + block / 2 - kFontCapHeight * s;
  for (const std::string& line : lines) {
    DrawRuns(page, {{line, false}}, x, baseline, s, align, measurer);
    baseline -= pitch;
  }
  return fits;
}

}  // namespace stdok
