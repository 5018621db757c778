// The reference side of the pixel tests (tests/*glyph*_pixels_test.cc, document_pixels_test.cc):
// fonts whose "subsets" are the complete font, so that stdok's PDF can be compared with the
// same PDF drawn from the unsubset font. Written apart from FontFile::Subset on purpose: it
// shares no code with the subsetter it checks.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/pdf_writer.h"

namespace stdok::testing {

// The TrueType program `font` (file bytes) with every table as it is, glyph ids unchanged,
// except the cmap: one (3,0) format-4 subtable mapping 0xF000 + first_code + i -> glyphs[i], the
// codes a subset of stdok gives the same characters. Table checksums and
// head.checkSumAdjustment are recomputed. Empty when `font` has no table directory.
std::string CompleteFontProgram(std::string_view font, const std::vector<uint16_t>& glyphs, int first_code);

// Code point -> glyph id of a font file's cmap as fontTools reads it (getBestCmap, Debian's
// /usr/bin/python3 and python3-fonttools). Empty (with a test failure) when that fails.
std::map<char32_t, uint16_t> FontToolsCmap(const std::string& path);

// The four faces under fonts/ (LiberationSans-{Regular,Bold,Italic,BoldItalic}.ttf), parsed
// as stdok parses them. With `complete`, every subset the writer asks for carries
// CompleteFontProgram of the face's file instead, with the glyph of each character from the
// file's cmap as fontTools reads it (getBestCmap, Debian's /usr/bin/python3), not from
// stdok's reader: a character stdok maps to another glyph than the font does is drawn
// differently.
PdfFonts ShippedPdfFonts(bool complete);

// The same faces, each subset passed through `spoil` (the program, uncompressed) after
// FontFile::Subset made it: a fixture for proving that a broken subset is seen.
PdfFonts SpoiledPdfFonts(void (*spoil)(std::string* program));

// Spoils a subset program's loca: the glyph in the middle of the subset gets its predecessor's
// outline and the predecessor none, as a subsetter that lost count of offsets would. The
// fixture of the pixel tests, for SpoiledPdfFonts.
void SpoilLoca(std::string* program);

// The file names of the four faces, in FontFace order.
extern const char* const kShippedFaceFiles[4];

}  // namespace stdok::testing
