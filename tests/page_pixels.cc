#include "page_pixels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "test_support.h"

namespace stdok::testing {
namespace {

GrayPage ReadPgm(const std::string& path) {
  std::istringstream in(ReadText(path));
  std::string magic;
  int max = 0;
  GrayPage page;
  in >> magic >> page.width >> page.height >> max;
  in.get();
  if (magic != "P5" || max != 255 || page.width <= 0 || page.height <= 0) {
    ADD_FAILURE() << path << ": not an 8-bit PGM";
    return GrayPage{};
  }
  page.pixels.resize(size_t(page.width) * size_t(page.height));
  in.read(reinterpret_cast<char*>(page.pixels.data()), static_cast<std::streamsize>(page.pixels.size()));
  if (!in) ADD_FAILURE() << path << ": truncated";
  return page;
}

}  // namespace

std::vector<GrayPage> RasterisePages(const std::string& pdf, int dpi, int first, int last) {
  namespace fs = std::filesystem;
  std::string prefix = pdf + "-page";
  std::string range = " -f " + std::to_string(first) + (last > 0 ? " -l " + std::to_string(last) : "");
  CommandResult r =
      RunCommand("pdftoppm -r " + std::to_string(dpi) + " -gray" + range + " " + Quote(pdf) + " " + Quote(prefix));
  std::vector<GrayPage> pages;
  if (r.exit_code != 0) {
    ADD_FAILURE() << "pdftoppm (poppler-utils) on " << pdf << ": " << r.output;
    return pages;
  }
  // pdftoppm pads the page number to the width of the page count: order by the number.
  std::vector<std::pair<int, std::string>> files;
  std::string stem = fs::path(prefix).filename().string() + "-";
  for (const auto& entry : fs::directory_iterator(fs::path(pdf).parent_path())) {
    std::string name = entry.path().filename().string();
    if (name.rfind(stem, 0) != 0 || entry.path().extension() != ".pgm") continue;
    files.emplace_back(std::stoi(name.substr(stem.size())), entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& [number, file] : files) pages.push_back(ReadPgm(file));
  return pages;
}

PixelDifference ComparePixels(const GrayPage& a, const GrayPage& b) {
  PixelDifference d;
  if (a.width != b.width || a.height != b.height) {
    d.same_size = false;
    d.pixels = std::max(a.width * a.height, b.width * b.height);
    d.x1 = std::max(a.width, b.width) - 1, d.y1 = std::max(a.height, b.height) - 1;
    return d;
  }
  d.x0 = a.width, d.y0 = a.height;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) {
      size_t i = size_t(y) * size_t(a.width) + size_t(x);
      if (a.pixels[i] == b.pixels[i]) continue;
      ++d.pixels;
      d.x0 = std::min(d.x0, x), d.y0 = std::min(d.y0, y), d.x1 = std::max(d.x1, x), d.y1 = std::max(d.y1, y);
    }
  if (d.pixels == 0) d.x0 = d.y0 = 0;
  return d;
}

std::string WritePixelTestPdf(const LaidOutDocument& doc, const PdfFonts& fonts, const std::string& path) {
  PdfOptions options;
  options.fonts = fonts;
  options.creation_time = 0;
  options.signature_fields = false;
  std::string bytes, error;
  EXPECT_TRUE(WritePdf(doc, options, &bytes, &error)) << error;
  WriteText(path, bytes);
  return bytes;
}

}  // namespace stdok::testing
