// Fill: template + context value -> document tree.
#pragma once

#include "core/status.h"
#include "doc/document.h"
#include "fill/template.h"
#include "fill/value.h"

namespace stdok {

// Runs `tmpl` against `scope`. Template mistakes found while filling (unknown filter, a filter
// on the wrong kind of value) become errors located at the template element; the document
// is still complete so that all mistakes are reported at once, but callers must not write it
// when an error was added.
Document FillTemplate(const Template& tmpl, const Scope& scope, Diagnostics* diagnostics);

// Evaluates the template's `when` condition (true when it has none).
bool TemplateApplies(const Template& tmpl, const Scope& scope, Diagnostics* diagnostics);

}  // namespace stdok
