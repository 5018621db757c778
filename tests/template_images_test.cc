// Images in templates: <image src> in the flow and the root's logo, read once relative to the
// template folder (also from a fragment), laid out within the text width and the page, and
// embedded once per document however many pages show them. Missing files, bad sizes and
// transparency are reported at the attribute.
#include <gtest/gtest.h>
#include <png.h>

#include <filesystem>
#include <fstream>

#include "fill/filler.h"
#include "layout/fixed_width_measurer.h"
#include "layout/flow_layout.h"
#include "test_support.h"

namespace stdok::testing::template_images_test {
namespace {

namespace fs = std::filesystem;

std::string Png(int width, int height, png_uint_32 format, unsigned char value) {
  const std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * PNG_IMAGE_PIXEL_SIZE(format), value);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = format;
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
  std::string bytes(size, '\0');
  png_image_write_to_memory(&image, bytes.data(), &size, 0, pixels.data(), 0, nullptr);
  bytes.resize(size);
  return bytes;
}

class TemplateImages : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    fs::create_directories(dir_ + "/bilder");
    fs::create_directories(dir_ + "/fragments");
    Write("bilder/logga.png", Png(400, 100, PNG_FORMAT_RGB, 40));
    Write("bilder/stampel.png", Png(300, 300, PNG_FORMAT_GRAY, 90));
    Write("bilder/genomskinlig.png", Png(10, 10, PNG_FORMAT_RGBA, 128));
    Write("bilder/hog.png", Png(50, 2000, PNG_FORMAT_GRAY, 10));
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& bytes) { std::ofstream(dir_ + "/" + name, std::ios::binary) << bytes; }
  Template Load(const std::string& attributes, const std::string& body, Diagnostics* d) {
    Template t;
    LoadTemplate(dir_ + "/mall.xml", "<document id=\"t\" title=\"T\"" + attributes + ">\n" + body + "\n</document>", &t, d);
    return t;
  }
  static Document Fill(const Template& t, Diagnostics* d) {
    Value root(ValueMap{});
    Scope scope(&root);
    return FillTemplate(t, scope, d);
  }
  std::string dir_;
};

TEST_F(TemplateImages, FlowImageAndLogoAreReadOnceRelativeToTheTemplateFolder) {
  Write("fragments/stampel.xml", "<fragment><image src=\"bilder/stampel.png\" width=\"25\" align=\"center\"/></fragment>");
  Diagnostics d;
  Template t = Load(" logo=\"bilder/logga.png\" logo-width=\"30\"",
                    "<image src=\"bilder/stampel.png\" width=\"25\" align=\"right\"/>\n<include src=\"fragments/stampel.xml\"/>", &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(t.images.size(), 2u);
  Document doc = Fill(t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].kind, Block::Kind::kPicture);
  EXPECT_EQ(doc.blocks[0].picture.align, Align::kRight);
  EXPECT_EQ(doc.blocks[1].picture.align, Align::kCenter);
  EXPECT_EQ(doc.blocks[0].picture.width_mm, 25);
  EXPECT_EQ(doc.blocks[0].picture.image, doc.blocks[1].picture.image) << "one image, read once";
  ASSERT_TRUE(doc.info.logo.image);
  EXPECT_EQ(doc.info.logo.image->width, 400);
  EXPECT_EQ(doc.info.logo.width_mm, 30);
}

TEST_F(TemplateImages, ProblemsAreReportedAtTheAttribute) {
  Diagnostics d;
  Load(" logo-width=\"400\"",
       "<image src=\"bilder/saknas.png\"/>\n<image/>\n<image src=\"/etc/hostname\"/>\n<image src=\"mall.xml\"/>", &d);
  Write("mall.xml", "not an image");
  Load("", "<image src=\"mall.xml\"/>", &d);
  ASSERT_EQ(d.size(), 6u) << [&] { std::string all; for (auto& e : d) all += e.ToString() + "\n"; return all; }();
  EXPECT_EQ(d[0].location.line, 1);
  EXPECT_NE(d[0].message.find("logo-width (mm) must be a number from 5–100"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[1].location.ToString(), dir_ + "/mall.xml:2:13");
  EXPECT_EQ(d[1].message, "cannot read the image " + dir_ + "/bilder/saknas.png");
  EXPECT_EQ(d[2].message, "<image> needs src");
  EXPECT_EQ(d[3].message, "the image '/etc/hostname' must be a path relative to the template folder");
  EXPECT_EQ(d[4].message, "cannot read the image " + dir_ + "/mall.xml") << "not there yet";
  EXPECT_EQ(d[5].message, "the image " + dir_ + "/mall.xml: not a PNG or JPEG image");
  for (const Diagnostic& e : d) EXPECT_EQ(e.severity, Severity::kError);
}

TEST_F(TemplateImages, TransparencyIsAWarningAndPrintedOnWhite) {
  Diagnostics d;
  Template t = Load("", "<image src=\"bilder/genomskinlig.png\"/>", &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::kWarning);
  EXPECT_EQ(d[0].rule, "template.image-transparency");
  EXPECT_EQ(d[0].location.line, 2);
  ASSERT_EQ(t.images.size(), 1u) << "the template is still usable";
  EXPECT_TRUE(t.images.begin()->second->flattened);
}

TEST_F(TemplateImages, LayoutKeepsImagesInsideTheTextAndThePage) {
  Diagnostics d;
  Template t = Load(" logo=\"bilder/logga.png\"",
                    "<p>Före</p>\n<image src=\"bilder/stampel.png\" width=\"500\"/>\n<image src=\"bilder/hog.png\"/>",
                    &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  FixedWidthMeasurer measurer;
  FlowStyle style;
  LaidOutDocument laid = LayOutDocument(Fill(t, &d), measurer, style);
  // The wide one fits under "Före"; the tall one, cut to the body's height, starts a new page.
  ASSERT_EQ(laid.pages.size(), 2u);
  const double text_width = kPageWidth - style.margin_left - style.margin_right;
  size_t logos = 0;
  for (const Page& page : laid.pages) {
    for (const PlacedImage& image : page.images) {
      EXPECT_GE(image.x, style.margin_left - 0.01);
      EXPECT_LE(image.x + image.w, kPageWidth - style.margin_right + 0.01);
      EXPECT_GE(image.y, 0);
      EXPECT_LE(image.y + image.h, kPageHeight);
      logos += image.image == t.images.at("bilder/logga.png");
      if (image.image == t.images.at("bilder/logga.png")) {
        EXPECT_GE(image.y, kPageHeight - style.margin_top) << "the logo stays above the body";
      }
    }
  }
  EXPECT_EQ(logos, 2u) << "the logo is on every page";
  const PlacedImage& wide = laid.pages[0].images.at(0);
  EXPECT_NEAR(wide.w, text_width, 0.01) << "500 mm is cut to the text width";
  EXPECT_NEAR(wide.h, wide.w, 0.01) << "proportions kept";
  const PlacedImage& tall = laid.pages[1].images.at(0);
  EXPECT_LE(tall.h, kPageHeight - style.margin_top - style.margin_bottom);
  EXPECT_NEAR(tall.h / tall.w, 40.0, 0.01);
}

// The real binary: the example template's logo is one image object in the PDF, shown on both pages.
TEST(TemplateImagesEndToEnd, TheLogoIsEmbeddedOncePerDocument) {
  const std::string out = MakeTempDir();
  const CommandResult r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                                     Quote(SourceDir() + "/samples/st-stefan-balan.xml") + " --templates " +
                                     Quote(SourceDir() + "/samples/templates") + " --doc enkelt-kontrakt -o " +
                                     Quote(out) + " --as-of 2026-11-22 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const CommandResult list = RunCommand("pdfimages -list " + Quote(out + "/stefan-balan/enkelt-kontrakt.pdf"));
  ASSERT_EQ(list.exit_code, 0) << list.output;
  // Header, rule, then one row per page that shows it; the object number (column 11) is the same.
  std::istringstream rows(list.output);
  std::string row;
  std::set<std::string> objects;
  int shown = 0;
  for (int n = 0; std::getline(rows, row); ++n) {
    if (n < 2) continue;
    std::istringstream cells(row);
    std::vector<std::string> c;
    for (std::string cell; cells >> cell;) c.push_back(cell);
    ASSERT_GE(c.size(), 12u) << row;
    EXPECT_EQ(c[2], "image");
    EXPECT_EQ(c[9], "no") << "no interpolation (PDF/A-1)";
    objects.insert(c[10]);
    ++shown;
  }
  EXPECT_EQ(shown, 2) << list.output;
  EXPECT_EQ(objects.size(), 1u) << list.output;
  EXPECT_EQ(RunCommand("pdfimages -list " + Quote(out + "/stefan-balan/enkelt-kontrakt.pdf") + " | grep -c smask").output,
            "0\n");
}

}  // namespace
}  // namespace stdok::testing::template_images_test
