// Socialstyrelsen's certificate and application forms as data (forms/*.xml, docs/forms.md):
// every printed line, box, check box and table row of the official form at its own place.
// Loaded and checked once, then filled per trainee (or per placement, course, …) by FillForm.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "fill/expression.h"
#include "forms/form_text.h"

namespace stdok {

// Nothing is printed closer to the page edge than this (10 mm), in points.
inline constexpr double kFormMargin = 28.35;

enum class FormOnePer {
  kTrainee, kPlacement, kAuskultation, kCourse, kDevelopmentWork, kScientificWork, kDelmalGroup
};
enum class FormAlign { kLeft, kCenter, kRight };

struct FormRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin bottom-left
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

// A printed line of the official form (heading, statement, label outside a box, …).
struct FormTextLine {
  double x = 0, baseline = 0;  // x is the left edge, centre or right edge as `align` says
  double size = 10;
  FormAlign align = FormAlign::kLeft;
  RichLine line;
  SourceLocation where;
};

// A box: border, label lines inside its top-left corner, the value below them.
struct FormBox {
  std::string id;         // for `continues`
  std::string continues;  // this box takes the rest of the box with this id (no own value)
  FormRect rect;
  std::vector<RichLine> label;  // one entry per printed label line
  double label_size = 7;
  FormValue value;
  Expression show;        // value printed only when true (empty: always)
  bool multiline = false; // wraps at `size` and continues on extra pages; else shrinks to fit
  double size = 10;
  FormAlign align = FormAlign::kLeft;
  bool border = true;
  SourceLocation where;
};

struct FormCheck {
  FormRect rect;
  Expression checked;
  SourceLocation where;
};

struct FormCell {
  double x0 = 0, x1 = 0;
  std::string title;  // column title on continuation pages
  FormValue value;
  FormAlign align = FormAlign::kLeft;
};

// Rows of a table on one page: the top edge of the first row and how many rows fit.
struct FormRowArea {
  int page = 0;  // 0-based index into FormDefinition::pages
  double top = 0;
  int rows = 0;
};

// Repeated rows over a list (tjänsteförteckning). Items fill the areas in order; the rest go
// to continuation pages.
struct FormTable {
  std::string id;
  std::string title;  // heading on continuation pages
  Expression each;
  std::string as;
  double row_height = 20;
  double size = 9;
  std::vector<FormCell> cells;
  std::vector<FormRowArea> areas;
  SourceLocation where;
};

struct FormPage {
  std::vector<FormTextLine> texts;
  std::vector<FormBox> boxes;
  std::vector<FormCheck> checks;
};

// A line of the official form as transcribed (<official>): FillForm must print each one.
struct OfficialLine {
  int page = 0;  // 0-based
  std::string text;
};

struct FormDefinition {
  std::string path;
  std::string id;          // "hslf-2021-bilaga-9"
  std::string title;       // "Intyg: klinisk tjänstgöring under handledning"
  std::string regulation;  // "HSLF-FS 2021:8" or "SOSFS 2015:8"
  std::string annex;       // "9", "8a"
  std::string source;      // the official form it reproduces
  FormOnePer one_per = FormOnePer::kTrainee;
  std::string group;       // attachment group in the application's list
  bool attachment_box = false;
  Expression when;         // evaluated with `item` bound; empty: always
  // What the form attests, so it is made only when true as of the run's date: "item" (the
  // placement, course … has ended) and/or readiness names ("st-service", "bt-competence", …;
  // TraineeFacts::Find). Empty: attests nothing that must have happened (applications name
  // their readiness too).
  std::vector<std::string> attests;
  TemplateText applicant;  // the applicant's name (PDF title, continuation pages)
  std::string footer;      // "HSLF-FS 2021:8 - Bilaga 9"
  double footer_size = 6;
  double page_number_size = 9;
  std::vector<FormPage> pages;
  std::vector<FormTable> tables;
  std::vector<OfficialLine> official;
  NameSet names;  // every name-like word of the form's text (AddNameWords)
};

// Parses a form file's text. Mistakes are errors located at file:line:column; returns false
// when any was found.
bool LoadForm(const std::string& path, std::string_view text, FormDefinition* out,
              Diagnostics* diagnostics);

// Whether `name` is a readiness a form may attest ("st-service", …; TraineeFacts::Find).
bool IsReadinessName(std::string_view name);
// "placement" -> kPlacement; false for an unknown name.
bool ParseFormOnePer(std::string_view name, FormOnePer* out);
const char* FormOnePerName(FormOnePer one_per);
// The list a per-item form iterates ("trainee.clinical_service" for kPlacement, …);
// "" for kTrainee.
const char* FormItemList(FormOnePer one_per);

}  // namespace stdok
