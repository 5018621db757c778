// libFuzzer target: the records reader must never crash, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "records/records_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  stdok::Diagnostics diagnostics;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stdok::ReadRecords("fuzz.xml", text, stdok::Date{2026, 11, 22}, &diagnostics);
  for (const auto& d : diagnostics) (void)d.ToString();
  return 0;
}
