// A font for the PDF writer: the run's parsed font (font/font_file.h, the same object layout
// measures with) and the subsets cut from it for documents. Thread-safe; shared by every
// document of a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "font/font_file.h"

namespace stdok {

// One PDF simple font (/Subtype /TrueType, symbolic): up to kMaxCodes characters of a face,
// coded kFirstCode, kFirstCode + 1, ... in the order given.
struct FontSubset {
  static constexpr int kFirstCode = 32;
  static constexpr int kMaxCodes = 224;  // 32-255
  std::string tag;         // "ABCDEF": the subset prefix of /BaseFont
  std::string program;     // the subset's TrueType program, zlib format (/FontFile2)
  size_t program_length = 0;  // uncompressed (/Length1)
  std::string to_unicode;  // the /ToUnicode CMap, zlib format
  std::vector<int> widths;  // of code kFirstCode + i, 1/1000 em
};

class PdfFont {
 public:
  // Parses a TrueType font; null with *error when it cannot be embedded.
  static std::shared_ptr<const PdfFont> Load(std::string bytes, std::string* error);
  // The PDF side of a font already parsed (for layout). REQUIRES: font is not null.
  static std::shared_ptr<const PdfFont> For(std::shared_ptr<const FontFile> font);

  // Makes the uncompressed TrueType program of a subset whose codes first_code, first_code + 1,
  // ... show the characters `chars`, of glyphs `glyphs` (original ids, FontFile::GlyphFor), as
  // FontFile::Subset does. Empty on failure.
  using ProgramMaker = std::function<std::string(const std::u32string& chars, const std::vector<uint16_t>& glyphs,
                                                 int first_code)>;
  // For tests (tests/complete_font.h): the same font whose subsets carry the programs
  // `make` returns instead of FontFile::Subset's, e.g. the complete font with the same codes,
  // so that a rendering can be compared with one from the unsubset font.
  static std::shared_ptr<const PdfFont> WithProgramsFrom(std::shared_ptr<const FontFile> font, ProgramMaker make);

  const FontFile& program() const { return *program_; }

  // The subset for `chars` (at most kMaxCodes, in code order), from the cache when another
  // document used the same characters, else compressed at libdeflate `level` (a caller gives
  // one level per font, so the bytes never depend on which document came first). Null on a
  // compression error.
  std::shared_ptr<const FontSubset> Subset(const std::u32string& chars, int level) const;

  // Empties the subset cache (benchmarks start each pass from the same state).
  void ClearCache() const;

 private:
  std::shared_ptr<const FontSubset> Make(const std::u32string& chars, int level) const;

  std::shared_ptr<const FontFile> program_;
  ProgramMaker make_program_;  // null: FontFile::Subset
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::u32string, std::shared_ptr<const FontSubset>> cache_;
  mutable size_t cached_bytes_ = 0;
};

}  // namespace stdok
