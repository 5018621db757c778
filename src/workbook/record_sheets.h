// The workbook form of a records file: which sheet holds which element, and which column which
// attribute or text. One table drives import, export and docs/workbook.md, so the two
// directions cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace stdok {

enum class ColumnType {
  kText,          // one line of text
  kLongText,      // paragraphs (a blank line starts a new one)
  kDate,          // ÅÅÅÅ-MM-DD, a date cell, or an Excel serial day number
  kPercent,       // 0–100; 0.8 or "80 %" read as 80
  kNumber,        // decimal point or comma
  kYear,          // a whole year
  kFlag,          // ja/nej (yes/no, true/false, 1/0, x)
  kPersonnummer,  // restored from a number (dash, leading zeros)
  kChoice,        // one of `choices`
  kPresence,      // ja: the element (the path) is there, even without attributes
};

struct ColumnSpec {
  std::string header;  // Swedish, as on the sheet's first row
  // Where the value goes, relative to the row's element: "@attr", "." (the element's own
  // text), "child" (a child element's text), "child/@attr", "child/child" or, for kPresence,
  // "child". Children named in a path are made once and shared by the row's columns.
  std::string path;
  ColumnType type = ColumnType::kText;
  // kChoice: "shown=value" pairs separated by '|' ("genomförd=done|planerad=planned"), or
  // plain values ("BT|ST|BT+ST"). Imported either way, exported as shown.
  std::string choices;
  std::string note;  // one line for the Instruktioner sheet and docs/workbook.md
};

struct SheetSpec {
  std::string name;     // the sheet's name
  std::string element;  // the row's element below its parent ("placement", "education/licence")
  int parent = -1;      // index of the parent sheet in RecordSheets(); -1: below <stdok-records>
  std::string key;      // header of the column that names the parent row ("ST-läkare", "Person")
  bool numbered = false;  // has an "Nr" column that child sheets refer to (with the trainee id)
  std::vector<ColumnSpec> columns;  // not counting the key and Nr columns
  std::string about;    // one line for the Instruktioner sheet
};

// Every sheet, parents before children. The ST-läkare sheet is kTraineeSheet.
const std::vector<SheetSpec>& RecordSheets();
inline constexpr int kTraineeSheet = 4;

// The headers of `sheet`'s first row, in order: key columns first (trainee id, parent's Nr),
// then Nr when numbered, then the columns.
std::vector<std::string> SheetHeaders(int sheet);

// Every sheet and column as Markdown tables (docs/workbook.md holds this text; a test keeps
// the two equal).
std::string SheetsReference();

// The steps of an element or column path ("contract/teaching" -> contract, teaching).
std::vector<std::string> SplitPath(const std::string& path);

// The choice's shown text for a stored value, or the value itself when it has no shown text.
std::string ShownChoice(const ColumnSpec& column, const std::string& value);
// The stored value of a choice typed as its shown text or value (case-insensitive); empty
// when it is neither.
std::string ChoiceValue(const ColumnSpec& column, const std::string& typed);
// The choices' shown texts, for a validation list.
std::vector<std::string> ShownChoices(const ColumnSpec& column);

}  // namespace stdok
