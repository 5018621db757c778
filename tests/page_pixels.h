// Pages of a PDF as grey pixels (poppler's pdftoppm) and their exact comparison, for the pixel
// tests (tests/every_glyph_pixels_test.cc, tests/document_pixels_test.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pdf/pdf_writer.h"

namespace stdok::testing {

struct GrayPage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // row by row, 0 black .. 255 white
};

// Pages first..last (1-based; last 0: to the end) of `pdf` rasterised by
// `pdftoppm -r dpi -gray`, anti-aliased as pdftoppm does by default. The PGM files stay next
// to the PDF (PDF-page-N.pgm) for a look when a test fails. Empty (with a test failure) when
// pdftoppm fails.
std::vector<GrayPage> RasterisePages(const std::string& pdf, int dpi, int first = 1, int last = 0);

struct PixelDifference {
  int pixels = 0;                        // pixels whose grey value differs (all of them when the sizes differ)
  int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // their bounding box, inclusive
  bool same_size = true;
};

// `doc` written as the pixel tests compare it (no signature fields, a fixed creation time) to
// `path`; its bytes (empty, with a test failure, when the writer fails).
std::string WritePixelTestPdf(const LaidOutDocument& doc, const PdfFonts& fonts, const std::string& path);

// Pixel for pixel, without tolerance.
PixelDifference ComparePixels(const GrayPage& a, const GrayPage& b);

}  // namespace stdok::testing
