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
  // Loads DIR/LiberationSans-{Regular,Bold,Italic,BoldItalic}.ttf. The italic faces may be
  // missing (a --fonts folder made for an older stdok): italic text is then set upright.
  bool Load(const std::string& dir, FileSystem* fs, std::string* error);
  double Width(std::string_view text, FontFace face, double size) const override;
  const PdfFonts& pdf_fonts() const { return pdf_fonts_; }
  // Whether every face has a glyph for every character of `text`.
  bool Covers(std::string_view text) const;

 private:
  PdfFonts pdf_fonts_;
  std::shared_ptr<const FontFile> faces_[4];  // in FontFace order
  bool ascii_covered_ = false;  // every face has every printable ASCII character
};

}  // namespace stdok
