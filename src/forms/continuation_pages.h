// Extra pages after a form's own pages: the rest of box values that did not fit their box and
// table rows beyond the form's rows, each under a heading naming where it comes from.
#pragma once

#include <string>
#include <vector>

#include "forms/form.h"
#include "layout/page.h"
#include "layout/text_measurer.h"

namespace stdok {

// Who and which form an extra page belongs to, printed at the top of every extra page so that
// a page separated from its form can be put back: "Sökande: Anna Öberg · Personnummer:
// 19850312-1234 · Bilaga nr 3 (HSLF-FS 2021:8, bilaga 9)". Empty parts are left out.
struct ContinuationIdentity {
  std::string applicant;
  std::string personnummer;
  std::string attachment;  // the application's "Bilaga nr" of this certificate, if numbered
  std::string form;        // "HSLF-FS 2021:8, bilaga 9"
};

// The identity line, as ContinuationPages prints it.
std::string IdentityLine(const ContinuationIdentity& identity);

class ContinuationPages {
 public:
  // `first_number`: the page number (1-based) the first extra page will have.
  ContinuationPages(std::string title, ContinuationIdentity identity, int first_number,
                    const TextMeasurer& measurer);

  // Flows `text` at `size` under a bold heading. Returns the page number where it starts.
  int AddText(const std::string& heading, const std::string& text, double size);
  // Rows of already rendered cell texts under a heading and the column titles (repeated on
  // every page the rows run over). Returns the page number where they start.
  int AddTable(const std::string& heading, const FormTable& table,
               const std::vector<std::vector<std::string>>& rows);

  std::vector<Page>& pages() { return pages_; }
  // Cells that had to be cut to fit (see DrawCellText).
  int cut_cells() const { return cut_cells_; }

 private:
  void NewPage();
  // Starts a new page unless `height` points fit above the bottom limit.
  void Need(double height);
  int CurrentNumber() const { return first_number_ + static_cast<int>(pages_.size()) - 1; }
  void Heading(const std::string& text);
  void ColumnTitles(const FormTable& table);

  std::string title_;
  std::string identity_;
  int first_number_;
  const TextMeasurer& measurer_;
  std::vector<Page> pages_;
  double y_ = 0;  // top of the free space on the current page
  int cut_cells_ = 0;
};

}  // namespace stdok
