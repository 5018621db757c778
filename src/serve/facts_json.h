// The per-trainee FACTS of POST /api/check (docs/web-api.md): what ComputeTraineeFacts and the
// status summary say, as JSON, with JSON pointers into the records the browser sent. Nothing is
// computed here; this only formats.
#pragma once

#include <nlohmann/json.hpp>

#include "app/status_job.h"
#include "core/status.h"
#include "records/model.h"
#include "rules/trainee_facts.h"
#include "serve/records_json.h"

namespace stdok {

// One trainee: id, name, regulation, specialty, as_of, earliest_completion, months, risk,
// timeline, delmal, readiness.
nlohmann::ordered_json TraineeFactsJson(const RecordsFile& file, const Trainee& trainee, const TraineeFacts& facts,
                                        const TraineeStatus& status, const GeneratedXml& xml);

// One finding: rule, severity, message, trainee, where (line:col in the XML written from the
// JSON), path (the JSON pointer of what it is about, or null).
nlohmann::ordered_json FindingJson(const Diagnostic& diagnostic, const GeneratedXml& xml);

// The pointer of a finding: the item at its location, narrowed by its field ("placement/@start"
// at a <placement> → ".../placement/2/@start"); "" when it has no location.
std::string FindingPointer(const Diagnostic& diagnostic, const GeneratedXml& xml);

}  // namespace stdok
