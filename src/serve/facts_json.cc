#include "serve/facts_json.h"

#include <cmath>

#include "rules/delmal_codes.h"

namespace stdok {

namespace {

using Json = nlohmann::ordered_json;

Json DateJson(const std::optional<Date>& date) { return date ? Json(FormatIso(*date)) : Json(nullptr); }
double Months(double value) { return std::round(value * 100) / 100; }

Json Where(const SourceLocation& where, const GeneratedXml& xml) {
  return where.line > 0 ? Json(xml.PointerAt(where.line, where.column)) : Json(nullptr);
}

std::string UnitName(const RecordsFile& file, const std::string& id, const std::string& free_text) {
  auto it = file.units.find(id);
  if (it != file.units.end() && !it->second.name.empty()) return it->second.name;
  return !free_text.empty() ? free_text : id;
}

Json Span(const char* kind, const std::string& label, const DateRange& period, Progress progress,
          std::optional<double> rate, const SourceLocation& where, const GeneratedXml& xml) {
  return {{"kind", kind},
          {"label", label},
          {"start", DateJson(period.start)},
          {"end", DateJson(period.end)},
          {"state", ProgressName(progress)},
          {"rate", rate ? Json(*rate) : Json(nullptr)},
          {"path", Where(where, xml)}};
}

template <class Facts>
Progress ProgressAt(const std::vector<Facts>& facts, size_t i) {
  return i < facts.size() ? facts[i].progress : Progress::kPlanned;
}

Json Timeline(const RecordsFile& file, const Trainee& t, const TraineeFacts& f, const GeneratedXml& xml) {
  Json out = Json::array();
  for (size_t i = 0; i < t.placements.size(); ++i) {
    const Placement& p = t.placements[i];
    out.push_back(Span("placement", UnitName(file, p.unit_id, p.unit_name), p.period, ProgressAt(f.placements, i), p.rate,
                       p.where, xml));
  }
  for (size_t i = 0; i < t.side_placements.size(); ++i) {
    const SidePlacement& p = t.side_placements[i];
    out.push_back(Span("side-placement", UnitName(file, p.unit_id, p.unit_name), p.period,
                       ProgressAt(f.side_placements, i), p.rate, p.where, xml));
  }
  for (const Absence& a : t.absences)
    out.push_back(Span("leave", a.kind, a.period, ProgressOf(a.period, f.as_of), a.rate, a.where, xml));
  for (size_t i = 0; i < t.courses.size(); ++i) {
    const Course& c = t.courses[i];
    out.push_back(Span("course", c.subject, c.period, ProgressAt(f.courses, i), std::nullopt, c.where, xml));
  }
  for (size_t i = 0; i < t.auskultationer.size(); ++i) {
    const Auskultation& a = t.auskultationer[i];
    out.push_back(Span("auskultation", UnitName(file, a.unit_id, a.unit_name), a.period,
                       ProgressAt(f.auskultationer, i), std::nullopt, a.where, xml));
  }
  for (size_t i = 0; i < t.development_work.size(); ++i) {
    const DevelopmentWork& w = t.development_work[i];
    out.push_back(Span("development", w.subject, w.period, ProgressAt(f.development_work, i), std::nullopt, w.where, xml));
  }
  for (size_t i = 0; i < t.scientific_work.size(); ++i) {
    const ScientificWork& w = t.scientific_work[i];
    out.push_back(Span("scientific", w.subject, w.period, ProgressAt(f.scientific_work, i), std::nullopt, w.where, xml));
  }
  return out;
}

Json Readinesses(const TraineeFacts& f) {
  struct Item {
    const char* what;
    const char* label;
    const Readiness* readiness;
  };
  const Item items[] = {
      {"bt_service", "Intyg om fullgjord bastjänstgöring", &f.bt_service},
      {"bt_competence", "Intyg om uppnådd baskompetens", &f.bt_competence},
      {"bt_application", "Ansökan om intyg om godkänd bastjänstgöring", &f.bt_application},
      {"st_service", "Intyg om fullgjord specialiseringstjänstgöring", &f.st_service},
      {"st_competence", "Intyg om uppnådd specialistkompetens", &f.st_competence},
      {"st_application", "Ansökan om bevis om specialistkompetens", &f.st_application},
  };
  Json out = Json::array();
  for (const Item& item : items) {
    if (!item.readiness->applies) continue;
    out.push_back({{"what", item.what},
                   {"label", item.label},
                   {"ready", item.readiness->ready},
                   {"reasons", item.readiness->reasons}});
  }
  return out;
}

// "ok", "warning" (findings or gaps to act on), "error" (errors stop documents), "late" (the
// time is not met after the planned end, or a deadline has passed): from the status risk parts.
const char* RiskName(const TraineeStatus& s) {
  if (s.risk_parts.time > 0 || s.risk_parts.overdue > 0) return "late";
  if (s.errors > 0) return "error";
  if (s.risk > 0) return "warning";
  return "ok";
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

Json TraineeFactsJson(const RecordsFile& file, const Trainee& t, const TraineeFacts& f, const TraineeStatus& s,
                      const GeneratedXml& xml) {
  Json delmal = Json::array();
  for (const DelmalFact& d : f.delmal)
    delmal.push_back({{"code", d.code}, {"title", DelmalTitle(d.code)}, {"state", DelmalStateName(d.state)}});
  return {{"id", t.id},
          {"name", t.FullName()},
          {"path", Where(t.where, xml)},
          {"regulation", f.regulation},
          {"kind", t.programme.kind},
          {"specialty", t.programme.specialty},
          {"as_of", FormatIso(f.as_of)},
          {"programme_start", DateJson(s.start)},
          {"planned_end", DateJson(s.planned_end)},
          {"earliest_completion", DateJson(f.completion.earliest_completion)},
          {"months_done", Months(f.time.served_months)},
          {"months_credited", Months(f.time.credited_months)},
          {"months_required", Months(f.time.required_months)},
          {"time_met", f.time.met},
          {"risk", RiskName(s)},
          {"risk_score", s.risk},
          {"errors", s.errors},
          {"warnings", s.warnings},
          {"timeline", Timeline(file, t, f, xml)},
          {"delmal", std::move(delmal)},
          {"readiness", Readinesses(f)}};
}

std::string FindingPointer(const Diagnostic& d, const GeneratedXml& xml) {
  if (d.location.line <= 0) return "";
  std::string pointer = xml.PointerAt(d.location.line, d.location.column);
  // Only an element's pointer (".../tag/N" or the root) is narrowed by the field.
  const size_t slash = pointer.rfind('/');
  const std::string last = slash == std::string::npos ? "" : pointer.substr(slash + 1);
  const bool element = pointer.empty() || (!last.empty() && std::isdigit(static_cast<unsigned char>(last[0])));
  if (!element || d.field.empty()) return pointer;
  std::string tag = "stdok-records";
  if (!pointer.empty() && slash > 0) {
    const size_t before = pointer.rfind('/', slash - 1);
    tag = pointer.substr(before + 1, slash - before - 1);
  }
  std::vector<std::string> segments = Split(d.field, '/');
  if (!segments.empty() && segments.front() == tag) segments.erase(segments.begin());
  for (const std::string& segment : segments) {
    if (segment.empty()) break;
    if (segment[0] == '@') return JsonPointerAppend(pointer, segment);
    pointer = JsonPointerAppend(pointer, segment) + "/0";
  }
  return pointer;
}

Json FindingJson(const Diagnostic& d, const GeneratedXml& xml) {
  const std::string pointer = FindingPointer(d, xml);
  return {{"rule", d.rule},
          {"severity", d.severity == Severity::kError     ? "error"
                       : d.severity == Severity::kWarning ? "warning"
                                                          : "note"},
          {"message", d.message},
          {"trainee", d.trainee_id.empty() ? Json(nullptr) : Json(d.trainee_id)},
          {"field", d.field},
          {"where", d.location.line > 0 ? Json(std::to_string(d.location.line) + ":" + std::to_string(d.location.column))
                                        : Json(nullptr)},
          {"path", d.location.line > 0 ? Json(pointer) : Json(nullptr)},
          {"source", d.source}};
}

}  // namespace stdok
