// The facts about one trainee as of a date: computed once (ComputeTraineeFacts), then read by
// `check`, `status`, every template and every form. Nothing a document states about service
// time, progress, delmål or readiness is computed anywhere else (docs/design.md, "Facts").
//
// Progress of a dated item as of the date:
//   done     — it ended on or before the date (a course also needs done="yes" in the record);
//   ongoing  — it has started but not ended;
//   planned  — it has not started (or has no dates yet).
// Only done items may be attested by a certificate; applications and the certificates that
// attest completion are made only when the matching Readiness says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "records/model.h"
#include "records/profile.h"
#include "rules/bt_rules.h"
#include "rules/service_time.h"

namespace stdok {

enum class Progress { kDone, kOngoing, kPlanned };
const char* ProgressName(Progress progress);  // "done", "ongoing", "planned"
// Progress of a period as of a date: done when it has an end on or before as_of.
Progress ProgressOf(const DateRange& period, const Date& as_of);

// One stretch of clinical service at one rate: a placement or side placement split where
// absences that extend the training begin or end, and at the as-of date. Parts at a net rate
// of 0 % (fully on leave) are left out.
struct ServicePart {
  Date first;
  Date last;
  double rate = 100;      // agreed rate, at most the programme's employment rate
  double net_rate = 100;  // rate minus extending absences on those days
  double months = 0;      // full-time months at net_rate
  Progress progress = Progress::kPlanned;  // done, ongoing (cut at the as-of date), planned
};

// A placement or side placement (clinical service under supervision).
struct ServiceFacts {
  Progress progress = Progress::kPlanned;
  std::vector<ServicePart> parts;  // in date order
  double months = 0;               // sum of parts
  double served_months = 0;        // sum of the parts up to the as-of date
  // The description an attesting certificate prints: the placement's own description, or a
  // side placement's plans from the receiving unit; never the trainee's expectations.
  std::string attested_description;
};

// Auskultation, course, development work, scientific work.
struct ActivityFacts {
  Progress progress = Progress::kPlanned;
  // Why the certificate for it cannot be issued even when done (e.g. the signer is an
  // organisation); empty when nothing stands in the way. Such a certificate fails.
  std::string signer_problem;
};

enum class DelmalState { kCertified, kDone, kPlanned, kMissing };
const char* DelmalStateName(DelmalState state);  // "certified", "done", "planned", "missing"

struct DelmalFact {
  std::string code;  // canonical, in målbeskrivning order
  DelmalState state = DelmalState::kMissing;
  std::optional<Date> certified_on;  // the delmål certificate's date, or the BT certificate's
};

// Whether a document that attests completion (or an application) can be issued now.
struct Readiness {
  bool applies = false;              // the trainee's programme has such a document at all
  bool ready = false;
  std::vector<std::string> reasons;  // Swedish, why not ready ("48,2 av 66 månader fullgjorda")
};

struct TraineeFacts {
  Date as_of;
  std::string regulation;
  ServiceTime time;                // served as of the date, required, met
  CompletionEstimate completion;   // earliest completion (never before the time is met)
  BtSummary bt;
  std::vector<ServiceFacts> placements;      // parallel to Trainee::placements
  std::vector<ServiceFacts> side_placements; // parallel to Trainee::side_placements
  std::vector<ActivityFacts> auskultationer, courses, development_work, scientific_work;
  std::vector<Progress> delmal_groups;       // a delmål certificate dated after as_of is planned
  std::vector<DelmalFact> delmal;            // every delmål of the regulation and specialty
  Readiness bt_service;       // HSLF-FS 2021:8 bilaga 3 (fullgjord BT)
  Readiness bt_competence;    // bilaga 4 (uppnådd baskompetens)
  Readiness bt_application;   // bilaga 1
  Readiness st_service;       // 2021 bilaga 6 (fullgjord ST); 2015: part of bilaga 2. For a
                              // specialist from a third country: all recorded service done
  Readiness st_competence;    // 2021 bilaga 7; 2015 bilaga 2 / 8 b
  Readiness st_application;   // 2021 bilaga 5; 2015 bilaga 1
  // Attachments the trainee supplies (copies, other certificates) that the record knows of,
  // as the applications' groups: "tjanstgoring-fore-legitimation", "utlandsk-tjanstgoring",
  // "svensk-doktorsexamen", "utlandsk-doktorsexamen". Numbered after stdok's certificates.
  std::vector<std::string> bt_enclosures, st_enclosures;

  // The readiness a form's `attests` names ("bt-service", …, "st-application"); null for an
  // unknown name.
  const Readiness* Find(const std::string& name) const;
};

// Computes every fact of `trainee` as of `as_of`.
TraineeFacts ComputeTraineeFacts(const RecordsFile& file, const Trainee& trainee,
                                 const Profile& profile, const Date& as_of);

// Whether a free-text signer reads as a person's name ("Karin Holm", "Jan de Wit") rather than
// an organisation ("SKR webbutbildning", "Qulturum"): at least two words, each starting with a
// capital followed by small letters (particles like "de", "van", "af" allowed), no digits, no
// all-capital words.
bool LooksLikePersonName(const std::string& text);

}  // namespace stdok
