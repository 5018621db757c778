// Drawing primitives shared by the form pages and their continuation pages.
#pragma once

#include <string>
#include <vector>

#include "forms/form.h"
#include "layout/page.h"
#include "layout/text_measurer.h"

namespace stdok {

struct StyledRun {
  std::string text;
  bool bold = false;
};

// Sets the runs one after another on a baseline; `x` is the left edge, centre or right edge
// as `align` says. Returns the right edge of the last run.
double DrawRuns(Page* page, const std::vector<StyledRun>& runs, double x, double baseline,
                double size, FormAlign align, const TextMeasurer& measurer);

// A 0.5 pt black border.
void DrawRect(Page* page, const FormRect& rect, double line_width = 0.5);

// Text in a table cell, centred vertically with 2 pt padding: at `size`, else smaller (down to
// 6 pt) and on up to as many lines as fit; cut with "…" as a last resort (returns false).
bool DrawCellText(Page* page, const FormRect& cell, const std::string& text, double size,
                  FormAlign align, const TextMeasurer& measurer);

}  // namespace stdok
