// The fonts a run uses, each file read and parsed once (font/font_file.h): layout measures with
// the same parsed font the PDF writer embeds.
#pragma once

#include <memory>
#include <string>

#include "font/font_file.h"
#include "layout/text_measurer.h"
#include "output/file_system.h"
#include "pdf/pdf_writer.h"

namespace stdok {

class FontSet : public TextMeasurer {
 public:
  // Loads DIR/LiberationSans-{Regular,Bold}.ttf.
  bool Load(const std::string& dir, FileSystem* fs, std::string* error);
  double Width(std::string_view text, FontFace face, double size) const override;
  const PdfFonts& pdf_fonts() const { return pdf_fonts_; }
  // Whether both faces have a glyph for every character of `text`.
  bool Covers(std::string_view text) const;

 private:
  PdfFonts pdf_fonts_;
  std::shared_ptr<const FontFile> regular_;
  std::shared_ptr<const FontFile> bold_;
  bool ascii_covered_ = false;  // both faces have every printable ASCII character
};

}  // namespace stdok
