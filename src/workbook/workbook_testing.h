// Test helper: an .xlsx package built from its XML parts with libzip, so that tests state
// exactly what Excel (or a hostile file) would store.
#pragma once

#include <map>
#include <string>

namespace stdok::testing {

// The bytes of a zip holding `parts` (name -> content), each deflated unless `store`.
std::string ZipBytes(const std::map<std::string, std::string>& parts, bool store = false);

// A one-sheet workbook: `sheet_data` is the inside of <sheetData>, `extra` goes after it
// (e.g. <mergeCells>); shared strings and number formats as given.
std::string MiniXlsx(const std::string& sheet_name, const std::string& sheet_data,
                     const std::string& shared_strings = "", const std::string& extra = "",
                     const std::string& workbook_pr = "");

}  // namespace stdok::testing
