#include "rules/document_rules.h"

#include "rules/delmal_codes.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "text/swedish_format.h"

namespace stdok {
namespace {

const char* CertificateForm(const std::string& regulation, const char* hslf, const char* sosfs) {
  return regulation == kHslf2021 ? hslf : sosfs;
}

void DescriptionMissing(const RuleContext& c, const SourceLocation& where, const std::string& what,
                        const std::string& form, const std::string& hint = "") {
  c.Add(Severity::kWarning, where, "description", "certificate.description-missing",
        what + " has ended but has no description of what was done: the box on " + form +
            " stays empty for the signer to fill in by hand" + hint,
        c.regulation());
}

void NotReady(const RuleContext& c, const Readiness& r, const std::string& what) {
  if (!r.applies || r.ready) return;
  std::string reasons;
  for (const std::string& reason : r.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
  c.Add(Severity::kInfo, c.trainee().programme.where, "programme", "documents.not-ready",
        what + " is held back as of " + FormatIso(c.today()) + ": " + reasons +
            " (render --drafts makes it as a draft)",
        c.regulation());
}

}  // namespace

void CheckDocuments(const RuleContext& c, const TraineeFacts& f) {
  const Trainee& t = c.trainee();
  const std::string& reg = f.regulation;
  const std::string placement_form = CertificateForm(reg, "HSLF-FS 2021:8 bilaga 9", "SOSFS 2015:8 bilaga 4");
  for (size_t i = 0; i < t.placements.size(); ++i)
    if (t.placements[i].certificate && f.placements[i].progress == Progress::kDone &&
        f.placements[i].attested_description.empty() && !(reg == kHslf2021 && t.placements[i].is_bt))
      DescriptionMissing(c, t.placements[i].where,
                         "the placement " + FormatPeriodText(t.placements[i].period), placement_form);
  for (size_t i = 0; i < t.side_placements.size(); ++i)
    if (f.side_placements[i].progress == Progress::kDone && f.side_placements[i].attested_description.empty())
      DescriptionMissing(c, t.side_placements[i].where,
                         "the side placement " + FormatPeriodText(t.side_placements[i].period),
                         placement_form,
                         " (a certificate attests the receiving unit's plans, <plan>, never the trainee's "
                         "expectations)");
  for (size_t i = 0; i < t.auskultationer.size(); ++i)
    if (f.auskultationer[i].progress == Progress::kDone && t.auskultationer[i].description.empty())
      DescriptionMissing(c, t.auskultationer[i].where,
                         "the auskultation " + FormatPeriodText(t.auskultationer[i].period),
                         CertificateForm(reg, "HSLF-FS 2021:8 bilaga 8", "SOSFS 2015:8 bilaga 3"));
  for (size_t i = 0; i < t.courses.size(); ++i) {
    if (f.courses[i].progress != Progress::kDone) continue;
    const std::string form = CertificateForm(reg, "HSLF-FS 2021:8 bilaga 10", "SOSFS 2015:8 bilaga 5");
    if (!f.courses[i].signer_problem.empty())
      c.Add(Severity::kError, t.courses[i].where, t.courses[i].leader.empty() ? "course/@leader-name" : "course/@leader",
            "certificate.signer-not-person",
            "course '" + t.courses[i].subject + "': " + f.courses[i].signer_problem + "; the certificate (" +
                form + ") is not made, the other documents are",
            form + " (kursledare eller handledare intygar)");
    if (t.courses[i].description.empty())
      DescriptionMissing(c, t.courses[i].where, "the course '" + t.courses[i].subject + "'", form);
  }
  for (size_t i = 0; i < t.development_work.size(); ++i)
    if (f.development_work[i].progress == Progress::kDone && t.development_work[i].description.empty())
      DescriptionMissing(c, t.development_work[i].where,
                         "the development work '" + t.development_work[i].subject + "'",
                         CertificateForm(reg, "HSLF-FS 2021:8 bilaga 11", "SOSFS 2015:8 bilaga 6"));

  // A contract shows what was agreed by its date; later agreements call for a revision.
  if (t.contract.date && ProgrammeHasSt(t.programme))
    for (const SidePlacement& s : t.side_placements)
      if (s.contract_date && *t.contract.date < *s.contract_date)
        c.Add(Severity::kWarning, s.where, "side-placement/@contract-date", "contract.revise",
              "the side placement " + FormatPeriodText(s.period) + " was agreed " + FormatIso(*s.contract_date) +
                  ", after the ST-kontrakt of " + FormatIso(*t.contract.date) +
                  ", which therefore does not list it: revise the ST-kontrakt",
              sources::kStContract);

  if (f.bt_service.applies && f.bt_service.ready && !f.bt_competence.ready)
    c.Add(Severity::kWarning, t.programme.where, "delmal-certificate", "bt.delmal-uncertified",
          "BT is served, but " + f.bt_competence.reasons.front() +
              ": the BT application lists one certificate (HSLF-FS 2021:8 bilaga 2) per delmål group",
          sources::kBtContent);
  NotReady(c, f.bt_application, "the BT application (HSLF-FS 2021:8 bilagor 1, 3 and 4)");
  NotReady(c, f.st_application,
           reg == kHslf2021 ? "the ST application (HSLF-FS 2021:8 bilagor 5, 6 and 7)"
                            : "the ST application (SOSFS 2015:8 bilagor 1 and 2)");
}

}  // namespace stdok
