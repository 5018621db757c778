#include "rules/checks.h"

#include "rules/regulation.h"

namespace stdok {
namespace {

class TraineeChecker {
 public:
  TraineeChecker(const RecordsFile& file, const Trainee& t, Diagnostics* out)
      : file_(file), t_(t), out_(out) {}

  void Add(Severity severity, const SourceLocation& where, const std::string& field,
           const std::string& rule, const std::string& message, const std::string& source = "") {
    out_->push_back({severity, where, t_.id, field, rule, message, source});
  }

  void Person(const std::string& id, const SourceLocation& where, const std::string& field) {
    if (id.empty() || file_.people.count(id)) return;
    Add(Severity::kError, where, field, "records.undefined-person",
        "'" + id + "' is not a defined <person>");
  }

  void UnitRef(const std::string& id, const SourceLocation& where, const std::string& field) {
    if (id.empty() || file_.units.count(id)) return;
    Add(Severity::kError, where, field, "records.undefined-unit", "'" + id + "' is not a defined <unit>");
  }

  void References() {
    const Roles& r = t_.roles;
    Person(r.main_supervisor, r.where, "roles/@huvudhandledare");
    Person(r.head_of_unit, r.where, "roles/@verksamhetschef");
    Person(r.director_of_studies, r.where, "roles/@studierektor");
    Person(r.bt_manager, r.where, "roles/@bt-chef");
    Person(r.external_assessor, r.where, "roles/@extern-bedomare");
    Person(r.second_specialist, r.where, "roles/@specialist");
    UnitRef(t_.programme.home_unit_id, t_.programme.where, "programme/@home-unit");
    for (const auto& p : t_.placements) {
      UnitRef(p.unit_id, p.where, "placement/@unit");
      Person(p.supervisor, p.where, "placement/@supervisor");
    }
    for (const auto& s : t_.side_placements) {
      UnitRef(s.unit_id, s.where, "side-placement/@unit");
      Person(s.contact, s.where, "side-placement/@contact");
      Person(s.supervisor, s.where, "side-placement/@supervisor");
    }
    for (const auto& a : t_.auskultationer) {
      UnitRef(a.unit_id, a.where, "auskultation/@unit");
      Person(a.supervisor, a.where, "auskultation/@supervisor");
    }
    for (const auto& c : t_.courses) Person(c.leader, c.where, "course/@leader");
    for (const auto& w : t_.development_work) Person(w.supervisor, w.where, "development-work/@supervisor");
    for (const auto& w : t_.scientific_work) Person(w.supervisor, w.where, "scientific-work/@supervisor");
    for (const auto& g : t_.delmal_groups) Person(g.signer, g.where, "delmal-certificate/@signer");
    for (const auto& a : t_.assessments) Person(a.assessor, a.where, "assessment/@assessor");
    for (const auto& p : t_.action_plans) {
      Person(p.chef, p.where, "action-plan/@chef");
      Person(p.overall_director, p.where, "action-plan/@overall-director");
    }
  }

  void Regulation() {
    const std::string& stated = t_.programme.regulation;
    if (stated == kSosfs2015 && !MayFollowSosfs2015(t_))
      Add(Severity::kError, t_.programme.where, "programme/@regulation", "rules.regulation-not-allowed",
          "SOSFS 2015:8 applies only to a trainee with Swedish AT or who began ST before 2021-07-01",
          "SFS 2020:1098, övergångsbestämmelser");
  }

 private:
  const RecordsFile& file_;
  const Trainee& t_;
  Diagnostics* out_;
};

}  // namespace

void CheckTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                  const Date& today, Diagnostics* diagnostics) {
  TraineeChecker checker(file, trainee, diagnostics);
  checker.References();
  checker.Regulation();
}

void CheckDirectorContract(const RecordsFile& file, const DirectorContract& contract,
                           const Date& today, Diagnostics* diagnostics) {
  auto person = [&](const std::string& id, const char* field) {
    if (id.empty() || file.people.count(id)) return;
    diagnostics->push_back({Severity::kError, contract.where, contract.person, field,
                            "records.undefined-person", "'" + id + "' is not a defined <person>", ""});
  };
  person(contract.person, "director-contract/@person");
  person(contract.head_of_unit, "director-contract/@head-of-unit");
}

}  // namespace stdok
