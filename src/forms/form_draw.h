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

// Where a box's value may be printed: clear of the box's borders (kValueInset at the sides,
// kValueBottom under the descenders) and kValueBelowLabel under the lowest point of the label
// (`label_bottom`: the descenders of its last line; for a box without a label, the box's top
// minus kValueBottom). The area's y1 is the highest point a value's accents may reach.
inline constexpr double kValueInset = 3;
inline constexpr double kValueBottom = 2.5;
inline constexpr double kValueBelowLabel = 2.5;
FormRect ValueArea(const FormRect& box, double label_bottom);

// A 0.5 pt black border.
void DrawRect(Page* page, const FormRect& rect, double line_width = 0.5);

// Text in a table cell, centred vertically with 2 pt padding: at `size`, else smaller (down to
// 6 pt) and on up to as many lines as fit; cut with "…" as a last resort (returns false).
bool DrawCellText(Page* page, const FormRect& cell, const std::string& text, double size,
                  FormAlign align, const TextMeasurer& measurer);

}  // namespace stdok
