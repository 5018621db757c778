// Flow layout: document tree -> A4 pages. Breaks lines with ICU, moves a heading with what
// follows it, repeats table headers on each page, never splits a signature block nor lets it
// stand alone on a page (the last content block before it, or that block's last lines or rows,
// moves with it), sets signers' names clear of the line, and writes the footer "Sid X (Y)".
#pragma once

#include "doc/document.h"
#include "layout/page.h"
#include "layout/text_measurer.h"

namespace stdok {

struct FlowStyle {
  double margin_left = 20 * kPointsPerMm;
  double margin_right = 20 * kPointsPerMm;
  double margin_top = 18 * kPointsPerMm;
  double margin_bottom = 22 * kPointsPerMm;  // body stops here; the footer sits below
  double footer_baseline = 13 * kPointsPerMm;  // stays clear of a 10 mm print margin
  double body_size = 10;
  double label_size = 7.5;
  double title_size = 16, subtitle_size = 11;
  double heading_size[3] = {12, 10.5, 10};  // levels 1-3
  double table_size = 9;          // table cells; the header row is 0.5 pt smaller
  double small_size = 8.5;        // <p style="small">
  double running_size = 8;        // header and footer
  double header_top = 11 * kPointsPerMm;  // from the top edge to the top of the header text
  double leading = 1.3;  // line height as a multiple of font size
  double signature_line_length = 75 * kPointsPerMm;  // at least 60 mm for print
  // The font's ascender per em, the top of its tallest glyph: an accented capital (Liberation
  // Sans: Å 0.873, Ễ 0.896, ascender 0.905). A signer's name is set this far plus
  // name_clearance below the signature line, so no accent touches the line.
  double font_ascent = 0.905;
  double name_clearance = 2;  // points
};

LaidOutDocument LayOutDocument(const Document& document, const TextMeasurer& measurer,
                               const FlowStyle& style = FlowStyle());

}  // namespace stdok
