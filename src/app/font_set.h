// The fonts a run uses: paths for the PDF writer and parsed metrics for layout.
#pragma once

#include <string>

#include "layout/font_metrics.h"
#include "layout/text_measurer.h"
#include "output/file_system.h"
#include "pdf/pdf_writer.h"

namespace stdok {

class FontSet : public TextMeasurer {
 public:
  // Loads DIR/LiberationSans-{Regular,Bold}.ttf (metrics and the full font programs) and
  // notes DIR/LiberationSans-Latin1-{Regular,Bold}.ttf, the smaller programs for documents
  // whose text is all Windows-1252, when they exist.
  bool Load(const std::string& dir, FileSystem* fs, std::string* error);
  double Width(std::string_view text, FontFace face, double size) const override;
  const FontFiles& files() const { return files_; }
  // Whether both faces have a glyph for every character of `text`.
  bool Covers(std::string_view text) const;

 private:
  FontFiles files_;
  FontMetrics regular_;
  FontMetrics bold_;
};

}  // namespace stdok
