// The fonts a run uses: parsed metrics for layout and the font programs for the PDF writer,
// each file read once per run.
#pragma once

#include <string>

#include "layout/font_metrics.h"
#include "layout/text_measurer.h"
#include "output/file_system.h"
#include "pdf/pdf_writer.h"

namespace stdok {

class FontSet : public TextMeasurer {
 public:
  // Loads DIR/LiberationSans-{Regular,Bold}.ttf: metrics and the programs to embed.
  bool Load(const std::string& dir, FileSystem* fs, std::string* error);
  double Width(std::string_view text, FontFace face, double size) const override;
  const PdfFonts& pdf_fonts() const { return pdf_fonts_; }
  // Whether both faces have a glyph for every character of `text`.
  bool Covers(std::string_view text) const;

 private:
  PdfFonts pdf_fonts_;
  FontMetrics regular_;
  FontMetrics bold_;
  bool ascii_covered_ = false;  // both faces have every printable ASCII character
};

}  // namespace stdok
