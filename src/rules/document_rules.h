// Findings about what the documents can truthfully say as of the date (TraineeFacts): an
// attested description that would be empty, a course certificate signed by an organisation,
// an ST-kontrakt older than side placements agreed after it, BT delmål without certificates,
// and applications held back with their reasons.
#pragma once

#include "rules/trainee_facts.h"

namespace stdok {

class RuleContext;
// certificate.description-missing, certificate.signer-not-person (an error that stops only that
// certificate), contract.revise, bt.delmal-uncertified, documents.not-ready.
void CheckDocuments(const RuleContext& context, const TraineeFacts& facts);

}  // namespace stdok
