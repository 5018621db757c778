// Diagnostics: errors and warnings as values, each pointing at its source.
#pragma once

#include <string>
#include <vector>

namespace stdok {

enum class Severity { kError, kWarning, kInfo };

// A place in an input file. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", or as much of it as is known.
  std::string ToString() const;
};

// One finding about the input, a template or the output.
// REQUIRES: message never contains a full personnummer (use MaskPersonnummer).
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string trainee_id;  // empty when not about one trainee
  std::string field;       // the element/attribute path, e.g. "placement/@start"
  std::string rule;        // stable id, e.g. "records.date-invalid"
  std::string message;
  std::string source;      // the regulation or guideline the rule comes from, if any

  // "file:line:col: error: [trainee T-1, field] message (rule; source)".
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool HasErrors(const Diagnostics& diagnostics);
bool HasErrorsFor(const Diagnostics& diagnostics, const std::string& trainee_id);
const char* SeverityName(Severity severity);

}  // namespace stdok
