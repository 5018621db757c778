// GET /api/vocabulary: the lists the pages' pickers offer, from the reference data the rules
// use (reference/*.xml compiled in, rules/regulation.h) and the records reader's own lists.
#include "serve/api.h"
#include "serve/api_common.h"

#include "records/records_reader.h"
#include "rules/delmal_codes.h"
#include "rules/reference_data.h"
#include "rules/regulation.h"

namespace stdok {

namespace {

using Json = nlohmann::ordered_json;

Json Vocabulary() {
  Json specialties = Json::array(), specialty_details = Json::array();
  for (const SpecialtyData& s : Specialties()) {
    specialties.push_back(s.name);
    specialty_details.push_back({{"name", s.name}, {"kind", s.kind}, {"group", s.group}});
  }
  Json delmal = Json::object();
  for (const char* regulation : {kHslf2021, kSosfs2015}) {
    Json codes = Json::array();
    for (const auto& [code, title] : Delmal().titles) {
      const std::optional<DelmalCode> parsed = ParseDelmal(code);
      if (parsed && SetBelongsTo(parsed->set, regulation)) codes.push_back({{"code", code}, {"title", title}});
    }
    delmal[regulation] = std::move(codes);
  }
  // The kinds the BT rules and certificates recognise (docs/records.md); other text is allowed.
  const Json care_kinds = {"primärvård", "akut sjukvård", "psykiatri", "sluten vård", "öppen vård"};
  return {{"regulations", {kHslf2021, kSosfs2015}},
          {"programme_kinds", {"BT", "ST", "BT+ST"}},
          {"placement_kinds", care_kinds},
          {"unit_kinds", care_kinds},
          {"absence_kinds", AbsenceKinds()},
          {"specialties", std::move(specialties)},
          {"specialty_details", std::move(specialty_details)},
          {"delmal", std::move(delmal)}};
}

}  // namespace

void AddVocabularyApi(httplib::Server& server, const ServeContext& context) {
  server.Get("/api/vocabulary", [](const httplib::Request&, httplib::Response& res) {
    static const Json vocabulary = Vocabulary();  // reference data never changes while running
    SendJson(res, vocabulary);
  });
}

}  // namespace stdok
