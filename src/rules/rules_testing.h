// Test helpers for the rules (used by *_test.cc only): records built inline in C++.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "records/profile.h"
#include "records/model.h"
#include "rules/checks.h"
#include "rules/rule_context.h"

namespace stdok::rules_testing {

inline Date D(const char* iso) { return ParseIsoDate(iso).value(); }

inline DateRange Range(const char* start, const char* end) {
  DateRange r;
  if (start && *start) r.start = D(start);
  if (end && *end) r.end = D(end);
  return r;
}

inline Placement MakePlacement(const std::string& unit, const char* start, const char* end,
                               double rate = 100, const std::string& kind = "", bool bt = false,
                               const std::string& supervisor = "") {
  Placement p;
  p.unit_id = unit;
  p.period = Range(start, end);
  p.rate = rate;
  p.kind = kind;
  p.is_bt = bt;
  p.supervisor = supervisor;
  p.where = {"test.xml", 100, 5};
  return p;
}

inline Absence MakeAbsence(const std::string& kind, const char* start, const char* end, double rate = 100) {
  Absence a;
  a.kind = kind;
  a.period = Range(start, end);
  a.rate = rate;
  a.where = {"test.xml", 200, 5};
  return a;
}

inline Person MakePerson(const std::string& id, const std::string& given, const std::string& family,
                         const std::string& specialty = "", const std::string& title = "",
                         std::optional<int> training_year = std::nullopt, const std::string& unit = "") {
  Person p;
  p.id = id;
  p.given_name = given;
  p.family_name = family;
  p.specialty = specialty;
  p.title = title;
  p.supervisor_training_year = training_year;
  p.unit_id = unit;
  p.where = {"test.xml", 3, 3};
  return p;
}

inline Trainee MakeTrainee(const std::string& id, const std::string& kind, const std::string& specialty,
                           const char* start, const std::string& regulation = "") {
  Trainee t;
  t.id = id;
  t.given_name = "Test";
  t.family_name = id;
  t.programme.kind = kind;
  t.programme.specialty = specialty;
  if (start) t.programme.start = D(start);
  t.programme.regulation = regulation;
  t.programme.where = {"test.xml", 11, 5};
  t.roles.where = {"test.xml", 12, 5};
  t.contract.where = {"test.xml", 13, 5};
  t.where = {"test.xml", 10, 3};
  return t;
}

// A records file with a few units and people, and one trainee to check.
struct Fixture {
  RecordsFile file;
  Profile profile;

  Fixture() {
    file.path = "test.xml";
    file.region = {"test", "Region Test", "", {}};
    AddUnit("med", "Medicinkliniken", "sluten vård");
    AddUnit("vc", "Vårdcentralen Norr", "primärvård");
    AddUnit("akm", "Akutmottagningen", "akut sjukvård");
    AddUnit("psy", "Psykiatriska kliniken", "psykiatri");
    AddUnit("kir", "Kirurgkliniken", "sluten vård");
    profile.id = "test";
    profile.name = "Region Test";
    profile.values["guideline"] = "Riktlinjer, Region Test";
    // Every regional rule applies unless a test says otherwise.
    std::string all;
    for (const std::string& id : regional_rules::All()) all += (all.empty() ? "" : ", ") + id;
    profile.values[profile_keys::kRegionalRules] = all;
  }

  void AddUnit(const std::string& id, const std::string& name, const std::string& kind) {
    Unit u;
    u.id = id;
    u.name = name;
    u.kind = kind;
    file.units[id] = u;
  }
  void AddPerson(const Person& p) { file.people[p.id] = p; }
  Trainee& Add(const Trainee& t) {
    file.trainees.push_back(t);
    return file.trainees.back();
  }

  Diagnostics Check(const Date& today, size_t index = 0) const {
    Diagnostics d;
    CheckTrainee(file, file.trainees.at(index), profile, today, &d);
    return d;
  }
};

inline std::vector<const Diagnostic*> WithRule(const Diagnostics& d, const std::string& rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& x : d)
    if (x.rule == rule) out.push_back(&x);
  return out;
}

inline bool Has(const Diagnostics& d, const std::string& rule) { return !WithRule(d, rule).empty(); }

inline std::string Dump(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d) out += x.ToString() + "\n";
  return out;
}

}  // namespace stdok::rules_testing
