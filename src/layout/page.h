// Laid-out pages: everything positioned, nothing left to decide. Produced by layout (flow
// documents) or by the form filler (fixed forms); consumed by the PDF writer alone.
// Coordinates are PDF points with the origin at the bottom-left of an A4 page.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace stdok {

inline constexpr double kPageWidth = 595.276;   // A4, points
inline constexpr double kPageHeight = 841.89;
inline constexpr double kPointsPerMm = 72.0 / 25.4;

enum class FontFace { kRegular, kBold, kItalic, kBoldItalic };

// The face of `bold` and `italic` text.
inline FontFace FaceFor(bool bold, bool italic) {
  return bold ? (italic ? FontFace::kBoldItalic : FontFace::kBold) : (italic ? FontFace::kItalic : FontFace::kRegular);
}

struct TextRun {
  double x = 0;
  double baseline = 0;
  FontFace face = FontFace::kRegular;
  double size = 10;
  std::string text;  // UTF-8, NFC
};

struct LineSegment {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
};

struct Rectangle {
  double x = 0, y = 0, w = 0, h = 0;  // y is the bottom edge
  double line_width = 0.5;
};

// A grey area under the lines and text (a shaded table cell); gray 1 is white, 0 black.
struct ShadedArea {
  double x = 0, y = 0, w = 0, h = 0;  // y is the bottom edge
  double gray = 0.9;
};

// A raster image drawn into the box (x, y bottom-left; w, h in points).
struct PlacedImage {
  std::shared_ptr<const RasterImage> image;
  double x = 0, y = 0, w = 0, h = 0;
};

// An empty signature field (AcroForm /Sig) to be placed over a signature line.
struct SignatureWidget {
  std::string name;  // unique in the document
  double x = 0, y = 0, w = 0, h = 0;
};

struct Page {
  std::vector<TextRun> texts;
  // Printed large, grey and diagonally over the page when set ("UTKAST – ej för underskrift").
  std::string watermark;
  std::vector<LineSegment> lines;
  std::vector<Rectangle> rectangles;
  std::vector<ShadedArea> shades;
  std::vector<PlacedImage> images;
  std::vector<SignatureWidget> widgets;
};

struct LaidOutDocument {
  DocumentInfo info;
  std::vector<Page> pages;
};

}  // namespace stdok
