// libFuzzer target: the records reader, and the rules on whatever it reads, must never crash
// (nor trip AddressSanitizer or UndefinedBehaviorSanitizer), whatever the bytes.
// Seeds: tests/fuzz/corpus/records_reader/ and tests/data/hostile/; dictionary:
// tests/fuzz/records_reader.dict (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fill/context.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "rules/rule_context.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A profile that enables every regional rule, so that they are fuzzed too.
  static const stdok::Profile profile = [] {
    stdok::Profile p;
    for (const std::string& id : stdok::regional_rules::All())
      p.values[stdok::profile_keys::kRegionalRules] += id + ",";
    return p;
  }();
  const stdok::Date today{2026, 11, 22};
  stdok::Diagnostics diagnostics;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stdok::RecordsFile file = stdok::ReadRecords("fuzz.xml", text, today, &diagnostics);
  for (const stdok::Trainee& trainee : file.trainees)
    stdok::CheckTrainee(file, trainee, profile, today, &diagnostics);
  for (const stdok::DirectorContract& contract : file.director_contracts)
    stdok::CheckDirectorContract(file, contract, today, &diagnostics);
  for (const auto& d : diagnostics) (void)d.ToString();
  // A render's way: the trainees' identities first, each record read whole when it is planned.
  stdok::Diagnostics later;
  const stdok::RecordsSource source("fuzz.xml", std::string(text), today, &later, nullptr, 1,
                                    stdok::TraineeReading::kIdentity);
  for (std::size_t i = 0; i < source.size(); ++i) (void)source.Read(i, &later);
  return 0;
}
