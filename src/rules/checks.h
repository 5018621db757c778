// Record checks: every rule a record must satisfy before its documents are made.
// Each finding names its rule id and source (regulation or regional guideline); docs/rules.md
// lists them. Severity: errors make a document wrong on its face (they stop the trainee's
// documents); warnings are requirements the studierektor must act on; infos are notes.
#pragma once

#include "core/date.h"
#include "core/status.h"
#include "records/profile.h"
#include "records/model.h"
#include "rules/trainee_facts.h"

namespace stdok {

// Checks one trainee; appends findings (errors stop that trainee's documents). `diagnostics`
// may already hold the reader's findings (they are not repeated).
void CheckTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                  const Date& today, Diagnostics* diagnostics);
// The same, reading the facts already computed for the trainee as of facts.as_of.
void CheckTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                  const TraineeFacts& facts, Diagnostics* diagnostics);

// Whether a finding stops all of its trainee's documents: errors do, except certificate.*
// errors, which stop only the certificate they are about.
bool StopsTraineeDocuments(const Diagnostic& diagnostic);

// Checks a studierektorskontrakt.
void CheckDirectorContract(const RecordsFile& file, const DirectorContract& contract,
                           const Date& today, Diagnostics* diagnostics);

}  // namespace stdok
