// One document of each type proven by pixels: every template under templates/ and every form
// under forms/, made from the samples as `stdok render --drafts --as-of 2026-11-22` plans them
// (the first document of that type in plan order), laid out once and written twice by the PDF
// writer, with the run's subsets and with the complete fonts (tests/complete_font.h). Every
// page of both must rasterise to the same pixels. The fixture spoils a subset
// (SpoilLoca) in one document and requires a difference.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "app/document_pipeline.h"
#include "app/render_plan.h"
#include "complete_font.h"
#include "page_pixels.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

namespace stdok::testing {
namespace {

constexpr int kDpi = 100;
// Small samples first: the cohort only if a type is still missing. No sample makes Region
// Östergötland's own ST-kontrakt (Åsa Öberg's contract names the national variant): the last
// but one is her record without that choice, so that the region's profile chooses.
struct Sample {
  const char* name;
  const char* remove = "";  // text taken out of the record
};
const Sample kSamples[] = {{"bt-lukasz-zolkiewski"}, {"st-stefan-balan"},
                           {"am-asa-oberg"},         {"st-tredjeland"},
                           {"handlingsplan-nguyen"}, {"am-asa-oberg", " variant=\"allmanmedicin\""},
                           {"kohort-vasternorrland"}};

struct Rendering {
  std::string id;      // document id
  std::string sample;  // which sample made it
  LaidOutDocument pages;
  WorkItem work;
};

RenderOptions Options(const Sample& sample, const std::string& out) {
  RenderOptions o;
  o.input = SourceDir() + "/samples/" + sample.name + ".xml";
  if (*sample.remove) {
    std::string record = ReadText(o.input);
    size_t at = record.find(sample.remove);
    EXPECT_NE(at, std::string::npos) << sample.remove << " not in " << o.input;
    if (at != std::string::npos) record.erase(at, std::string(sample.remove).size());
    o.input = out + "-" + sample.name + ".xml";
    WriteText(o.input, record);
  }
  o.output_dir = out;
  o.templates_dir = SourceDir() + "/templates";
  o.forms_dir = SourceDir() + "/forms";
  o.fonts_dir = SourceDir() + "/fonts";
  o.icc_profile_path = SourceDir() + "/color/srgb-v2-compact.icc";
  o.today = Date{2026, 11, 22};
  o.creation_time = 1700000000;
  o.drafts = true;
  return o;
}

// PDF options as WriteWork sets them, with other fonts.
bool Write(const WorkItem& work, const LaidOutDocument& pages, const RenderSetup& setup, const PdfFonts& fonts,
           const std::string& path) {
  PdfOptions pdf;
  pdf.fonts = fonts;
  pdf.creation_time = 1700000000;
  pdf.signature_fields = pages.info.signature_fields;
  pdf.pdfa = work.IsContract();
  pdf.icc_profile = setup.icc_profile;
  pdf.document_key = work.owner_id + "/" + work.relative_path;
  std::string bytes, error;
  EXPECT_TRUE(WritePdf(pages, pdf, &bytes, &error)) << path << ": " << error;
  WriteText(path, bytes);
  return !bytes.empty();
}

// Page by page; "" when the same.
std::string Differences(const std::string& a_pdf, const std::string& b_pdf) {
  std::vector<GrayPage> a = RasterisePages(a_pdf, kDpi), b = RasterisePages(b_pdf, kDpi);
  if (a.size() != b.size() || a.empty())
    return "page counts " + std::to_string(a.size()) + " and " + std::to_string(b.size());
  std::string out;
  for (size_t p = 0; p < a.size(); ++p) {
    PixelDifference d = ComparePixels(a[p], b[p]);
    if (d.pixels == 0) continue;
    out += " page " + std::to_string(p + 1) + ": " + std::to_string(d.pixels) + " pixels in x " + std::to_string(d.x0) +
           "-" + std::to_string(d.x1) + ", y " + std::to_string(d.y0) + "-" + std::to_string(d.y1) + ";";
  }
  return out;
}

TEST(GlyphPixels, EveryDocumentTypeDrawsWhatTheCompleteFontsDraw) {
  auto started = std::chrono::steady_clock::now();
  const std::string dir = MakeTempDir();
  const PdfFonts complete = ShippedPdfFonts(true);
  std::set<std::string> wanted, done;  // template and form files
  int documents = 0, pages = 0;
  std::string used;
  for (const Sample& sample : kSamples) {
    RenderOptions options = Options(sample, dir + "/out");
    DiskFileSystem fs;
    RenderSetup setup;
    RenderSummary summary;
    Diagnostics diagnostics;
    ASSERT_TRUE(PrepareRender(options, &fs, &setup, &summary, &diagnostics)) << sample.name;
    if (wanted.empty()) {
      for (const Template& t : setup.catalog.templates) wanted.insert(t.path);
      for (const FormDefinition& form : setup.catalog.forms) wanted.insert(form.path);
    }
    if (done.size() == wanted.size()) break;
    PlanEveryTrainee(options, &setup, &summary, &diagnostics);
    size_t before = done.size();
    for (const WorkItem& work : setup.work) {
      if (!done.insert(work.SourcePath()).second) continue;
      LaidOutDocument laid_out;
      Diagnostics ignored;
      ASSERT_TRUE(LayOutWork(work, setup, &laid_out, &ignored)) << sample.name << ": " << work.DocId();
      std::string base = dir + "/" + std::to_string(documents);
      ASSERT_TRUE(Write(work, laid_out, setup, setup.fonts.pdf_fonts(), base + "-subsets.pdf"));
      ASSERT_TRUE(Write(work, laid_out, setup, complete, base + "-complete.pdf"));
      std::string differences = Differences(base + "-subsets.pdf", base + "-complete.pdf");
      EXPECT_EQ(differences, "") << work.SourcePath() << " (" << sample.name
                                 << ") differs from the complete fonts; pages in " << dir;
      ++documents;
      pages += int(laid_out.pages.size());
    }
    used += std::string(used.empty() ? "" : ",") + " " + sample.name + (*sample.remove ? " (edited)" : "") + ": " +
            std::to_string(done.size() - before);
  }
  std::set<std::string> missing;
  for (const std::string& id : wanted)
    if (!done.count(id)) missing.insert(id);
  EXPECT_TRUE(missing.empty()) << "no sample makes " << *missing.begin();
  EXPECT_EQ(wanted.size(), 31u);  // 9 template files and 22 forms; update when one is added
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("document pixels: %d document types (by sample:%s), %d pages compared, %.1f s\n", documents, used.c_str(),
              pages, seconds);
}

TEST(GlyphPixels, ASpoiledSubsetInADocumentIsSeen) {
  const std::string dir = MakeTempDir();
  RenderOptions options = Options(kSamples[0], dir + "/out");
  DiskFileSystem fs;
  RenderSetup setup;
  RenderSummary summary;
  Diagnostics diagnostics;
  ASSERT_TRUE(PrepareRender(options, &fs, &setup, &summary, &diagnostics));
  PlanEveryTrainee(options, &setup, &summary, &diagnostics);
  ASSERT_FALSE(setup.work.empty());
  const WorkItem& work = setup.work.front();
  LaidOutDocument laid_out;
  ASSERT_TRUE(LayOutWork(work, setup, &laid_out, &diagnostics));
  ASSERT_TRUE(Write(work, laid_out, setup, SpoiledPdfFonts(&SpoilLoca), dir + "/spoiled.pdf"));
  ASSERT_TRUE(Write(work, laid_out, setup, ShippedPdfFonts(true), dir + "/complete.pdf"));
  std::string differences = Differences(dir + "/spoiled.pdf", dir + "/complete.pdf");
  EXPECT_NE(differences, "");
  std::printf("document pixels: %s with a spoiled loca:%s\n", work.DocId().c_str(), differences.c_str());
}

}  // namespace
}  // namespace stdok::testing
