// Delmål codes of both regulations, from reference/delmal.xml: the code sets, their titles where the
// målbeskrivning has them, and the number of c delmål for the specialties where it is known.
// Sources: Socialstyrelsen, målbeskrivningar 2021 (HSLF-FS 2021:8) and 2015 (SOSFS 2015:8), as
// collected in docs/rules.md. c delmål have no titles.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stdok {

enum class DelmalSet {
  kBt,   // BT1–BT18 (2021, bastjänstgöring)
  kSta,  // STa1–STa7 (2021)
  kStb,  // STb1–STb4 (2021)
  kStc,  // STc1–STcN (2021, per specialty)
  kA,    // a1–a6 (2015)
  kB,    // b1–b5 (2015)
  kC,    // c1–cN (2015, per specialty)
};

struct DelmalCode {
  DelmalSet set = DelmalSet::kBt;
  int number = 0;
  std::string canonical;  // "BT3", "STa1", "STc12", "a1", "c4"
};

// Parses a code in any letter case ("sta1" -> STa1). nullopt when it is no delmål code at all,
// or a number outside the set's range (BT19, STa8, a7; c/STc need 1..99).
std::optional<DelmalCode> ParseDelmal(std::string_view code);

// Whether a set belongs to the regulation ("HSLF-FS 2021:8" or "SOSFS 2015:8").
bool SetBelongsTo(DelmalSet set, const std::string& regulation);
inline bool IsBtSet(DelmalSet set) { return set == DelmalSet::kBt; }

// The title in the målbeskrivning ("BT9" -> "Bemötande"); "" for c delmål and unknown codes.
std::string DelmalTitle(std::string_view code);

// How many c (2015) or STc (2021) delmål a specialty has, where known. *certain tells whether
// the count comes from Socialstyrelsen's own målbeskrivning (else a secondary source).
std::optional<int> CDelmalCount(const std::string& regulation, const std::string& specialty,
                                bool* certain);

// The delmål a programme must cover, in målbeskrivning order. with_bt: BT1–BT18 first (2021).
// with_st: the a/b (STa/STb) sets and, when the specialty's count is known, c1–cN (STc1–STcN).
std::vector<std::string> RequiredDelmal(const std::string& regulation, const std::string& specialty,
                                        bool with_bt, bool with_st);

// Sorts codes in målbeskrivning order and joins consecutive runs: "BT1–BT3, BT7, STa1–STa7".
std::string CompressDelmal(std::vector<std::string> codes);

}  // namespace stdok
