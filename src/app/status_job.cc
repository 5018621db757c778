#include "app/status_job.h"

#include "app/records_input.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "app/catalog.h"
#include "output/json.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "rules/delmal_codes.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "rules/service_time.h"
#include "text/collation.h"
#include "text/swedish_format.h"
#include "text/unicode.h"

namespace stdok {
namespace {

constexpr int kErrorWeight = 10;
constexpr int kOverdueWeight = 5;
constexpr int kWarningWeight = 3;
constexpr int kCertificateWeight = 2;
constexpr int kDelmalCap = 20;
constexpr int kDelmalWindowMonths = 12;
constexpr int kTimeWeight = 10;

std::string UnitName(const RecordsFile& file, const std::string& id, const std::string& name) {
  if (!id.empty()) {
    auto it = file.units.find(id);
    return it == file.units.end() ? id : it->second.name;
  }
  return name;
}

std::string Period(const DateRange& r) { return FormatPeriodText(r); }

std::vector<std::string> MissingCertificates(const RecordsFile& file, const Trainee& t,
                                             const BtSummary& bt) {
  std::vector<std::string> out;
  for (const Placement& p : t.placements)
    if (p.certificate && p.supervisor.empty())
      out.push_back("Klinisk tjänstgöring " + UnitName(file, p.unit_id, p.unit_name) + " " +
                    Period(p.period) + ": handledare saknas");
  for (const SidePlacement& s : t.side_placements)
    if (s.supervisor.empty())
      out.push_back("Sidotjänstgöring " + UnitName(file, s.unit_id, s.unit_name) + " " +
                    Period(s.period) + ": handledare saknas");
  for (const Auskultation& a : t.auskultationer)
    if (a.supervisor.empty())
      out.push_back("Auskultation " + UnitName(file, a.unit_id, a.unit_name) + " " + Period(a.period) +
                    ": handledare saknas");
  for (const Course& c : t.courses)
    if (c.leader.empty() && c.leader_name.empty())
      out.push_back("Kurs " + c.subject + ": " + (c.signer_role == "handledare" ? "handledare" : "kursledare") +
                    " saknas");
  for (const DevelopmentWork& w : t.development_work)
    if (w.supervisor.empty()) out.push_back("Utvecklingsarbete " + w.subject + ": handledare saknas");
  for (const ScientificWork& w : t.scientific_work)
    if (w.supervisor.empty()) out.push_back("Vetenskapligt arbete " + w.subject + ": handledare saknas");
  for (const DelmalGroup& g : t.delmal_groups)
    if (g.signer.empty()) out.push_back("Intyg om delmål " + CompressDelmal(g.codes) + ": intygsgivare saknas");
  if (bt.state == BtState::kServed) out.push_back("Intyg om godkänd bastjänstgöring saknas");
  return out;
}

// Delmål the programme must cover that nothing in the record names (facts: missing); BT delmål,
// certified per delmål (HSLF-FS 2021:8 bilaga 2), count as covered only by a done activity or
// a delmål certificate, not by a planned one.
std::vector<std::string> UncoveredDelmal(const TraineeFacts& facts) {
  std::vector<std::string> out;
  for (const DelmalFact& d : facts.delmal) {
    auto parsed = ParseDelmal(d.code);
    const bool bt = parsed && IsBtSet(parsed->set);
    if (d.state == DelmalState::kMissing || (bt && d.state == DelmalState::kPlanned)) out.push_back(d.code);
  }
  return out;
}

}  // namespace

TraineeStatus SummarizeTrainee(const RecordsFile& file, const Trainee& t, const Profile& profile,
                               const TraineeFacts& facts, const Diagnostics& diagnostics) {
  const Date& as_of = facts.as_of;
  TraineeStatus s;
  s.id = t.id;
  s.name = t.FullName();
  s.sort_name = t.family_name + " " + t.given_name;
  s.regulation = facts.regulation;
  s.kind = t.programme.kind;
  s.specialty = t.programme.specialty;
  s.start = ProgrammeFirstDay(t.programme);
  s.planned_end = t.programme.planned_end;

  const ServiceTime& time = facts.time;
  s.served_months = time.served_months;
  s.credited_months = time.credited_months;
  s.required_months = time.required_months;
  s.time_met = time.met;
  s.earliest_completion = facts.completion.earliest_completion;
  s.bt = facts.bt;
  s.missing_certificates = MissingCertificates(file, t, s.bt);
  s.uncovered_delmal = UncoveredDelmal(facts);
  for (const Readiness* r : {&facts.bt_application, &facts.st_application})
    if (r->applies && !r->ready) s.not_ready.insert(s.not_ready.end(), r->reasons.begin(), r->reasons.end());

  int overdue = 0;
  for (const Deadline& d : TraineeDeadlines(file, t, profile, as_of)) {
    if (d.state != DeadlineState::kOpen && d.state != DeadlineState::kOverdue) continue;
    overdue += d.state == DeadlineState::kOverdue;
    s.open_deadlines.push_back(d);
  }
  std::stable_sort(s.open_deadlines.begin(), s.open_deadlines.end(),
                   [](const Deadline& a, const Deadline& b) { return a.due < b.due; });

  int counted_warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.trainee_id != t.id) continue;
    if (d.severity == Severity::kError) ++s.errors;
    if (d.severity != Severity::kWarning) continue;
    ++s.warnings;
    const bool overdue_deadline = d.rule.rfind("deadline.", 0) == 0 &&
                                  d.rule.size() > 8 && d.rule.substr(d.rule.size() - 8) == "-overdue";
    if (!overdue_deadline) ++counted_warnings;
  }

  RiskParts& r = s.risk_parts;
  r.errors = kErrorWeight * s.errors;
  r.overdue = kOverdueWeight * overdue;
  r.warnings = kWarningWeight * counted_warnings;
  r.certificates = kCertificateWeight * static_cast<int>(s.missing_certificates.size());
  if (s.earliest_completion && !(as_of < AddMonths(*s.earliest_completion, -kDelmalWindowMonths)))
    r.delmal = std::min(kDelmalCap, static_cast<int>(s.uncovered_delmal.size()));
  const std::optional<Date> end = s.planned_end ? s.planned_end : s.earliest_completion;
  if (end && *end < as_of && !s.time_met) r.time = kTimeWeight;
  s.risk = r.Total();
  return s;
}

namespace {

std::string Decimal(double value) { return FormatDecimal(value, 1); }

// Months to two decimals, as a JSON number.
double JsonNumber(double value) { return std::round(value * 100) / 100; }

nlohmann::ordered_json JsonDate(const std::optional<Date>& date) {
  return date ? nlohmann::ordered_json(FormatIso(*date)) : nlohmann::ordered_json(nullptr);
}

const char* BtStateName(BtState state) {
  switch (state) {
    case BtState::kNotApplicable: return "not-applicable";
    case BtState::kCertified: return "certified";
    case BtState::kNotPlanned: return "not-planned";
    case BtState::kPlanned: return "planned";
    case BtState::kServed: return "served";
  }
  return "not-applicable";
}

std::string BtColumn(const TraineeStatus& s) {
  switch (s.bt.state) {
    case BtState::kNotApplicable: return "–";
    case BtState::kCertified: return s.bt.certificate_date ? "intyg " + FormatIso(*s.bt.certificate_date) : "intyg";
    case BtState::kNotPlanned: return "saknas";
    case BtState::kPlanned: return "pågår " + Decimal(s.bt.months) + " mån";
    case BtState::kServed: return "klar " + Decimal(s.bt.months) + " mån";
  }
  return "";
}

size_t Width(const std::string& text) { return ToCodepoints(text).size(); }

std::string Pad(const std::string& text, size_t width, bool right) {
  const size_t w = Width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

std::string RiskExplanation(const RiskParts& r) {
  std::string out;
  auto part = [&](int value, const char* label) {
    if (value) out += (out.empty() ? "" : ", ") + std::string(label) + " " + std::to_string(value);
  };
  part(r.errors, "fel");
  part(r.overdue, "passerade tidsgränser");
  part(r.warnings, "varningar");
  part(r.certificates, "saknade intyg");
  part(r.delmal, "delmål utan intyg");
  part(r.time, "tidskrav ej uppfyllt");
  return out.empty() ? "0" : out;
}

}  // namespace

std::vector<TraineeStatus> ComputeStatus(const RecordsFile& file, const Profile& profile,
                                         const Date& as_of, const Diagnostics& diagnostics) {
  std::vector<TraineeStatus> out;
  for (const Trainee& t : file.trainees)
    out.push_back(SummarizeTrainee(file, t, profile, ComputeTraineeFacts(file, t, profile, as_of), diagnostics));
  SortByRisk(&out);
  return out;
}

void SortByRisk(std::vector<TraineeStatus>* statuses) {
  std::vector<TraineeStatus>& out = *statuses;
  std::stable_sort(out.begin(), out.end(), [](const TraineeStatus& a, const TraineeStatus& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    if (int c = SwedishCompare(a.sort_name, b.sort_name); c != 0) return c < 0;
    return a.id < b.id;
  });
}

std::string FormatStatusText(const std::vector<TraineeStatus>& trainees, const Date& as_of,
                             const std::string& region_name) {
  std::string out = "Status per " + FormatIso(as_of);
  if (!region_name.empty()) out += " · " + region_name;
  out += " · " + std::to_string(trainees.size()) + " läkare" + "\n\n";
  if (trainees.empty()) return out;

  const std::vector<std::string> header = {"Risk", "Namn", "Id", "Regelverk", "Tjänstgjort",
                                            "Tidskrav", "Tidigast klar", "BT", "Fel", "Varn"};
  const std::vector<bool> right = {true, false, false, false, true, false, false, false, true, true};
  std::vector<std::vector<std::string>> rows;
  for (const TraineeStatus& s : trainees) {
    rows.push_back({std::to_string(s.risk), s.sort_name, s.id, s.regulation,
                    Decimal(s.served_months) + " av " + Decimal(s.required_months) + " mån",
                    s.time_met ? "uppfyllt" : "ej uppfyllt",
                    s.earliest_completion ? FormatIso(*s.earliest_completion) : "–", BtColumn(s),
                    std::to_string(s.errors), std::to_string(s.warnings)});
  }
  std::vector<size_t> widths(header.size());
  for (size_t i = 0; i < header.size(); ++i) widths[i] = Width(header[i]);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) text += (i ? "  " : "") + Pad(cells[i], widths[i], right[i]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
  };
  out += line(header);
  for (const auto& row : rows) out += line(row);

  for (const TraineeStatus& s : trainees) {
    out += "\n" + s.sort_name + " (" + s.id + ") – risk " + std::to_string(s.risk) + ": " +
           RiskExplanation(s.risk_parts) + "\n";
    std::string programme = s.kind + (s.specialty.empty() ? "" : " " + s.specialty);
    if (s.start) programme += ", start " + FormatIso(*s.start);
    if (s.planned_end) programme += ", planerat slut " + FormatIso(*s.planned_end);
    out += "  Program: " + programme + "\n";
    std::string time = Decimal(s.served_months) + " mån tjänstgjort";
    if (s.credited_months > 0) time += ", " + Decimal(s.credited_months) + " mån tillgodoräknat";
    time += "; krav " + Decimal(s.required_months) + " mån efter tillgodoräknande";
    out += "  Tid: " + time + "\n";
    if (s.bt.state == BtState::kPlanned || s.bt.state == BtState::kServed) {
      std::string bt = Decimal(s.bt.months) + " mån, primärvård " + Decimal(s.bt.primarvard_months) +
                       ", akut sjukvård " + Decimal(s.bt.akut_months);
      for (const auto& [kind, months] : s.bt.extra_months) bt += ", " + kind + " " + Decimal(months);
      bt += "; " + std::to_string(s.bt.places) + " tjänstgöringsställen";
      out += "  BT: " + bt + "\n";
    }
    if (!s.missing_certificates.empty()) {
      out += "  Saknade intyg:\n";
      for (const std::string& m : s.missing_certificates) out += "    " + m + "\n";
    }
    if (!s.uncovered_delmal.empty())
      out += "  Delmål utan intyg eller aktivitet: " + CompressDelmal(s.uncovered_delmal) + "\n";
    if (!s.not_ready.empty()) {
      out += "  Ansökan hålls inne:";
      for (size_t i = 0; i < s.not_ready.size(); ++i) out += (i ? "; " : " ") + s.not_ready[i];
      out += "\n";
    }
    if (!s.open_deadlines.empty()) {
      out += "  Öppna tidsgränser:\n";
      for (const Deadline& d : s.open_deadlines)
        out += "    " + FormatIso(d.due) + "  " + d.what +
               (d.state == DeadlineState::kOverdue ? " (passerad)" : "") + "\n";
    }
  }
  return out;
}

std::string FormatStatusJson(const std::vector<TraineeStatus>& trainees, const Date& as_of) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const TraineeStatus& s : trainees) {
    const RiskParts& r = s.risk_parts;
    nlohmann::ordered_json deadlines = nlohmann::ordered_json::array();
    for (const Deadline& d : s.open_deadlines)
      deadlines.push_back({{"rule", d.rule}, {"what", d.what}, {"due", FormatIso(d.due)},
                           {"overdue", d.state == DeadlineState::kOverdue}});
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"risk", s.risk},
                    {"risk_parts", {{"errors", r.errors}, {"overdue", r.overdue}, {"warnings", r.warnings},
                                    {"certificates", r.certificates}, {"delmal", r.delmal}, {"time", r.time}}},
                    {"regulation", s.regulation},
                    {"kind", s.kind},
                    {"specialty", s.specialty},
                    {"start", JsonDate(s.start)},
                    {"served_months", JsonNumber(s.served_months)},
                    {"credited_months", JsonNumber(s.credited_months)},
                    {"required_months", JsonNumber(s.required_months)},
                    {"time_met", s.time_met},
                    {"earliest_completion", JsonDate(s.earliest_completion)},
                    {"planned_end", JsonDate(s.planned_end)},
                    {"bt", {{"state", BtStateName(s.bt.state)},
                            {"months", JsonNumber(s.bt.months)},
                            {"primarvard_months", JsonNumber(s.bt.primarvard_months)},
                            {"akut_months", JsonNumber(s.bt.akut_months)},
                            {"places", s.bt.places},
                            {"certificate_date", JsonDate(s.bt.certificate_date)}}},
                    {"missing_certificates", s.missing_certificates},
                    {"uncovered_delmal", s.uncovered_delmal},
                    {"deadlines", std::move(deadlines)},
                    {"errors", s.errors},
                    {"warnings", s.warnings}});
  }
  return DumpJson({{"as_of", FormatIso(as_of)}, {"trainees", std::move(list)}});
}

StatusReport RunStatus(const StatusOptions& options, FileSystem* fs) {
  StatusReport report;
  report.as_of = options.as_of;
  Diagnostics all;
  RecordsInput input;
  if (!ReadRecordsInput(options.input, options.templates_dir, options.as_of, fs, &input, &all)) {
    report.diagnostics = std::move(all);
    report.io_error = true;
    return report;
  }
  RecordsFile& file = input.file;
  const Profile& profile = input.profile;
  report.region_name = !file.region.name.empty() ? file.region.name : profile.name;
  auto listed = [&](const std::string& id) {
    return options.trainee_ids.empty() ||
           std::find(options.trainee_ids.begin(), options.trainee_ids.end(), id) != options.trainee_ids.end();
  };
  std::vector<std::pair<const Trainee*, TraineeFacts>> kept;
  for (const Trainee& t : file.trainees) {
    if (!listed(t.id)) continue;
    kept.emplace_back(&t, ComputeTraineeFacts(file, t, profile, options.as_of));
    CheckTrainee(file, t, profile, kept.back().second, &all);
  }
  for (const auto& [trainee, facts] : kept) report.trainees.push_back(SummarizeTrainee(file, *trainee, profile, facts, all));
  SortByRisk(&report.trainees);
  LocateInWorkbook(input.workbook, options.input, &all);  // a workbook's findings name its cells
  for (const Diagnostic& d : all)
    if (d.trainee_id.empty()) report.diagnostics.push_back(d);
  return report;
}

int StatusExitCode(const StatusReport& report) {
  if (report.io_error) return 2;
  return HasErrors(report.diagnostics) ? 1 : 0;
}

}  // namespace stdok
