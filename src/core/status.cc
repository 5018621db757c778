#include "core/status.h"

namespace stdok {

std::string SourceLocation::ToString() const {
  std::string out = file.empty() ? "<input>" : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out = location.ToString() + ": " + SeverityName(severity) + ": ";
  if (!trainee_id.empty() || !field.empty()) {
    out += "[";
    if (!trainee_id.empty()) out += "trainee " + trainee_id;
    if (!trainee_id.empty() && !field.empty()) out += ", ";
    out += field + "] ";
  }
  out += message;
  if (!rule.empty() || !source.empty()) {
    out += " (" + rule;
    if (!rule.empty() && !source.empty()) out += "; ";
    out += source + ")";
  }
  return out;
}

bool HasErrors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kError) return true;
  return false;
}

bool HasErrorsFor(const Diagnostics& diagnostics, const std::string& trainee_id) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kError && d.trainee_id == trainee_id) return true;
  return false;
}

}  // namespace stdok
