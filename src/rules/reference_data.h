// Reference data as shipped in reference/*.xml (compiled in at build time, see CMakeLists.txt):
// the delmål sets, titles and per-specialty counts, and the list of specialties.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stdok {

// The files' text, exactly as in reference/.
std::string_view DelmalReferenceXml();
std::string_view SpecialtiesReferenceXml();

struct DelmalSetData {
  std::string prefix;      // canonical spelling: "BT", "STa", "c"
  int count = 0;           // 0: numbered per specialty
  std::string regulation;  // "HSLF-FS 2021:8" or "SOSFS 2015:8"
  bool bt = false;         // part of BT
};

struct CCountData {
  std::string specialty;
  std::string regulation;
  int count = 0;
  bool certain = false;
};

struct DelmalReference {
  std::vector<DelmalSetData> sets;  // in målbeskrivning order
  std::vector<std::pair<std::string, std::string>> titles;  // code, title
  std::vector<CCountData> c_counts;
};

struct SpecialtyData {
  std::string name;
  std::string kind;   // "bas", "gren" or "tillägg"
  std::string group;  // specialitetsgrupp
};

// Parsed once, on first use (thread-safe). The shipped files are checked by tests; a broken
// file aborts with a message naming it, since nothing can be checked without it.
const DelmalReference& Delmal();
const std::vector<SpecialtyData>& Specialties();

// The specialty with this name (case-insensitive), or null.
const SpecialtyData* FindSpecialty(std::string_view name);

}  // namespace stdok
