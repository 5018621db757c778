#include "forms/continuation_pages.h"

#include <algorithm>

#include "forms/form_draw.h"
#include "forms/text_fit.h"
#include "layout/line_breaker.h"

namespace stdok {
namespace {

constexpr double kLeft = 70.9;
constexpr double kRight = 524.4;
constexpr double kTop = kPageHeight - kFormMargin - 6;
constexpr double kBottom = 56;  // above the footer
constexpr double kTitleSize = 11;
constexpr double kHeadingSize = 8;
constexpr double kTitleLabelSize = 7;
constexpr double kIdentitySize = 9;

}  // namespace

std::string IdentityLine(const ContinuationIdentity& identity) {
  std::string line;
  auto add = [&](const std::string& part) {
    if (!line.empty()) line += " · ";
    line += part;
  };
  if (!identity.applicant.empty()) add("Sökande: " + identity.applicant);
  if (!identity.personnummer.empty()) add("Personnummer: " + identity.personnummer);
  if (!identity.attachment.empty())
    add("Bilaga nr " + identity.attachment + (identity.form.empty() ? "" : " (" + identity.form + ")"));
  else if (!identity.form.empty())
    add(identity.form);
  return line;
}

ContinuationPages::ContinuationPages(std::string title, ContinuationIdentity identity,
                                     int first_number, const TextMeasurer& measurer)
    : title_(std::move(title)),
      identity_(IdentityLine(identity)),
      first_number_(first_number),
      measurer_(measurer) {}

void ContinuationPages::NewPage() {
  pages_.emplace_back();
  y_ = kTop;
  for (const std::string& line :
       BreakLines(title_, kRight - kLeft, FontFace::kBold, kTitleSize, measurer_)) {
    DrawRuns(&pages_.back(), {{line, true}}, kLeft, y_ - kTitleSize, kTitleSize,
             FormAlign::kLeft, measurer_);
    y_ -= kTitleSize * 1.25;
  }
  for (const std::string& line :
       BreakLines(identity_, kRight - kLeft, FontFace::kRegular, kIdentitySize, measurer_)) {
    DrawRuns(&pages_.back(), {{line, false}}, kLeft, y_ - kIdentitySize, kIdentitySize,
             FormAlign::kLeft, measurer_);
    y_ -= kIdentitySize * 1.3;
  }
  y_ -= 10;
}

void ContinuationPages::Need(double height) {
  if (pages_.empty() || y_ - height < kBottom) NewPage();
}

void ContinuationPages::Heading(const std::string& text) {
  std::vector<std::string> lines =
      BreakLines(text, kRight - kLeft, FontFace::kBold, kHeadingSize, measurer_);
  Need(kHeadingSize * 1.25 * lines.size() + 14);
  for (const std::string& line : lines) {
    DrawRuns(&pages_.back(), {{line, true}}, kLeft, y_ - kHeadingSize, kHeadingSize,
             FormAlign::kLeft, measurer_);
    y_ -= kHeadingSize * 1.25;
  }
  y_ -= 3;
}

int ContinuationPages::AddText(const std::string& heading, const std::string& text,
                               double size) {
  Heading(heading);
  int start = CurrentNumber();
  const double pitch = size * 1.2;
  for (const BrokenLine& line :
       BreakWithOffsets(text, kRight - kLeft, FontFace::kRegular, size, measurer_)) {
    Need(pitch);
    if (!line.text.empty())
      DrawRuns(&pages_.back(), {{line.text, false}}, kLeft, y_ - size, size, FormAlign::kLeft,
               measurer_);
    y_ -= pitch;
  }
  y_ -= 10;
  return start;
}

void ContinuationPages::ColumnTitles(const FormTable& table) {
  size_t most = 1;
  std::vector<std::vector<std::string>> titles;
  for (const FormCell& cell : table.cells) {
    titles.push_back(BreakLines(cell.title, cell.x1 - cell.x0 - 4, FontFace::kBold,
                                kTitleLabelSize, measurer_));
    most = std::max(most, titles.back().size());
  }
  const double pitch = kTitleLabelSize * 1.2;
  const double height = pitch * most + 4;
  Need(height + table.row_height);
  for (size_t i = 0; i < table.cells.size(); ++i) {
    const FormCell& cell = table.cells[i];
    DrawRect(&pages_.back(), {cell.x0, y_ - height, cell.x1, y_});
    double baseline = y_ - 2 - kTitleLabelSize;
    for (const std::string& line : titles[i]) {
      DrawRuns(&pages_.back(), {{line, true}}, cell.x0 + 2, baseline, kTitleLabelSize,
               FormAlign::kLeft, measurer_);
      baseline -= pitch;
    }
  }
  y_ -= height;
}

int ContinuationPages::AddTable(const std::string& heading, const FormTable& table,
                                const std::vector<std::vector<std::string>>& rows) {
  Heading(heading);
  int start = CurrentNumber();
  ColumnTitles(table);
  for (const std::vector<std::string>& row : rows) {
    if (y_ - table.row_height < kBottom) {
      NewPage();
      ColumnTitles(table);
    }
    for (size_t i = 0; i < table.cells.size() && i < row.size(); ++i) {
      const FormCell& cell = table.cells[i];
      FormRect rect{cell.x0, y_ - table.row_height, cell.x1, y_};
      DrawRect(&pages_.back(), rect);
      if (!DrawCellText(&pages_.back(), rect, row[i], table.size, cell.align, measurer_))
        ++cut_cells_;
    }
    y_ -= table.row_height;
  }
  y_ -= 10;
  return start;
}

}  // namespace stdok
