// Fills a form with one trainee's (and item's) values: positioned pages ready for the PDF
// writer. Boxes keep the official form's places; what does not fit goes to continuation pages
// after the form's own, announced in the box with "(forts. på sidan X)".
#pragma once

#include "core/status.h"
#include "fill/expression.h"
#include "forms/form.h"
#include "layout/page.h"
#include "layout/text_measurer.h"

namespace stdok {

// `scope` holds `trainee` and, as the planner provides them, `item` (the placement, course, …
// the form is for), `attachment` (this form's number among the application's attachments)
// and `attachments` (a map from group to the numbers, e.g. "3, 4, 5").
// Expression mistakes are errors located at the form element; the pages are complete anyway.
// Every page ends with the form's footer and "n (m)" counting all pages; nothing is printed
// closer than 10 mm to the page edge.
LaidOutDocument FillForm(const FormDefinition& form, const Scope& scope,
                         const TextMeasurer& measurer, Diagnostics* diagnostics);

// Evaluates the form's `when` (true when it has none).
bool FormApplies(const FormDefinition& form, const Scope& scope, Diagnostics* diagnostics);

}  // namespace stdok
