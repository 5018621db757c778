// Reads an Office Open XML workbook (.xlsx) into a Workbook: the sheets in workbook order,
// shared and inline strings, numbers, booleans, formulas' cached values (never evaluated),
// number formats that show dates or percentages, merged ranges (the top-left value fills the
// range). Bounded: a package or sheet over the limits is refused, not read in part.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "workbook/workbook.h"

namespace stdok {

struct WorkbookLimits {
  std::uint64_t max_uncompressed_bytes = 256ull << 20;  // all parts read, together
  std::uint64_t max_ratio = 200;       // uncompressed / compressed size of one part over 1 MiB
  std::size_t max_rows = 250000;       // per sheet (the highest row number used)
  std::size_t max_columns = 200;       // per sheet
  std::size_t max_cells = 10000000;    // all sheets
};

// Reads `bytes` (the whole file). False with a one-line *error (no path in it) when the file
// is not a workbook (not a zip, no workbook part, malformed XML) or exceeds `limits`; *out is
// then unspecified. Never throws.
bool ReadXlsx(std::string_view bytes, const WorkbookLimits& limits, Workbook* out, std::string* error);

}  // namespace stdok
