// Paragraphs with bold spans and alignment.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "layout/flow_layout.h"
#include "layout/line_breaker.h"

namespace stdok {
namespace {

// Every character 5 pt wide at 10 pt, bold ones 7 pt.
class FaceMeasurer : public TextMeasurer {
 public:
  double Width(std::string_view text, FontFace face, double size) const override {
    size_t chars = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) ++chars;
    return chars * (face == FontFace::kBold ? 0.7 : 0.5) * size;
  }
};

Document OneParagraph(const std::string& text, Align align, std::vector<Span> spans = {}) {
  Document doc;
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.paragraph.text = text;
  b.paragraph.align = align;
  b.paragraph.spans = std::move(spans);
  doc.blocks.push_back(b);
  return doc;
}

std::vector<TextRun> BodyRuns(const LaidOutDocument& out) {
  std::vector<TextRun> runs;
  for (const TextRun& t : out.pages.at(0).texts)
    if (t.size == 10) runs.push_back(t);
  return runs;
}

TEST(ParagraphLayout, BoldSpansAreSetInBoldAndMeasuredAsBold) {
  FaceMeasurer m;
  FlowStyle style;
  LaidOutDocument out = LayOutDocument(
      OneParagraph("Handledning. Text", Align::kLeft, {{"Handledning.", true}, {" Text", false}}), m, style);
  auto runs = BodyRuns(out);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].face, FontFace::kBold);
  EXPECT_EQ(runs[0].text, "Handledning.");
  EXPECT_EQ(runs[1].face, FontFace::kRegular);
  EXPECT_EQ(runs[1].text, " Text");
  EXPECT_NEAR(runs[1].x - runs[0].x, 12 * 7, 1e-9);
}

TEST(ParagraphLayout, ItalicSpansAreSetInTheItalicFaces) {
  FaceMeasurer m;
  FlowStyle style;
  LaidOutDocument out = LayOutDocument(
      OneParagraph("a b c", Align::kLeft, {{"a", false, true}, {" b", true, true}, {" c", false, false}}), m, style);
  auto runs = BodyRuns(out);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].face, FontFace::kItalic);
  EXPECT_EQ(runs[1].face, FontFace::kBoldItalic);
  EXPECT_EQ(runs[2].face, FontFace::kRegular);
}

TEST(ParagraphLayout, StyledBreakingCountsTheBoldWidth) {
  // 10 bold characters are 70 pt wide: "aaaaaaaaaa bb" does not fit 80 pt in bold, does in regular.
  std::string text = "aaaaaaaaaa bb";
  auto width = [&](FontFace face) {
    return [&, face](size_t b, size_t e) { return (e - b) * (face == FontFace::kBold ? 7.0 : 5.0); };
  };
  EXPECT_EQ(BreakLineRanges(text, 80, width(FontFace::kBold)).size(), 2u);
  EXPECT_EQ(BreakLineRanges(text, 80, width(FontFace::kRegular)).size(), 1u);
}

TEST(ParagraphLayout, JustifiedLinesFillTheWidthExceptTheLast) {
  FaceMeasurer m;
  FlowStyle style;
  double width = kPageWidth - style.margin_left - style.margin_right;
  std::string text;
  for (int i = 0; i < 60; ++i) text += "ord" + std::to_string(i % 10) + " ";
  text += "slut";
  LaidOutDocument out = LayOutDocument(OneParagraph(text, Align::kJustify), m, style);
  auto runs = BodyRuns(out);
  std::map<double, std::pair<double, double>, std::greater<>> lines;  // top line first: x, right edge
  for (const TextRun& r : runs) {
    auto [it, fresh] = lines.emplace(r.baseline, std::make_pair(r.x, 0.0));
    it->second.first = std::min(it->second.first, r.x);
    it->second.second = std::max(it->second.second, r.x + m.Width(r.text, r.face, r.size));
  }
  ASSERT_GE(lines.size(), 3u);
  size_t i = 0;
  for (const auto& [baseline, edges] : lines) {
    EXPECT_NEAR(edges.first, style.margin_left, 1e-6);
    bool last = ++i == lines.size();
    if (last) EXPECT_LT(edges.second, style.margin_left + width - 10);  // the last line is ragged
    else EXPECT_NEAR(edges.second, style.margin_left + width, 1e-6);
  }
}

TEST(ParagraphLayout, CentredAndRightAlignedLines) {
  FaceMeasurer m;
  FlowStyle style;
  double width = kPageWidth - style.margin_left - style.margin_right;
  auto centred = BodyRuns(LayOutDocument(OneParagraph("Sid", Align::kCenter), m, style));
  ASSERT_EQ(centred.size(), 1u);
  EXPECT_NEAR(centred[0].x, style.margin_left + (width - 15) / 2, 1e-6);
  auto right = BodyRuns(LayOutDocument(OneParagraph("Sid", Align::kRight), m, style));
  ASSERT_EQ(right.size(), 1u);
  EXPECT_NEAR(right[0].x, style.margin_left + width - 15, 1e-6);
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(SignatureLayout, FourSignersInOneRowUnderAFreePlaceLine) {
  FaceMeasurer m;
  FlowStyle style;
  Document doc;
  Block b;
  b.kind = Block::Kind::kSignatures;
  b.signatures.place_line = "Ort och datum: Sundsvall, ____";
  b.signatures.per_row = 4;
  for (int i = 0; i < 4; ++i) b.signatures.signers.push_back({"Roll", "Namn " + std::to_string(i), "F"});
  doc.blocks.push_back(b);
  LaidOutDocument out = LayOutDocument(doc, m, style);
  const Page& page = out.pages.at(0);
  ASSERT_EQ(page.lines.size(), 5u);  // four signature lines and the footer rule
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(page.lines[i].y1, page.lines[0].y1);  // one row
    EXPECT_GT(page.lines[i].x1, page.lines[i - 1].x2);  // side by side, not overlapping
  }
  EXPECT_LE(page.lines[3].x2, kPageWidth - style.margin_right + 1e-6);
  bool place_line = false, ort_label = false;
  for (const TextRun& t : page.texts) {
    place_line |= t.text == "Ort och datum: Sundsvall, ____";
    ort_label |= t.text == "Ort";
  }
  EXPECT_TRUE(place_line);
  EXPECT_FALSE(ort_label);
}

TEST(PageSetupLayout, TemplateMarginsAndBodySizeApply) {
  FaceMeasurer m;
  Document doc = OneParagraph("Text", Align::kLeft);
  doc.info.page.margin_left_mm = 25;
  doc.info.page.margin_top_mm = 25;
  doc.info.page.body_size = 11;
  LaidOutDocument out = LayOutDocument(doc, m);
  const TextRun* body = nullptr;
  for (const TextRun& t : out.pages.at(0).texts)
    if (t.text == "Text") body = &t;
  ASSERT_NE(body, nullptr);
  EXPECT_NEAR(body->x, 25 * kPointsPerMm, 1e-6);
  EXPECT_EQ(body->size, 11);
  EXPECT_LT(body->baseline, kPageHeight - 25 * kPointsPerMm);
  EXPECT_GT(body->baseline, kPageHeight - 25 * kPointsPerMm - 11 * 1.3);
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(PageSetupLayout, CentredPageNumberAndATableWithoutHeader) {
  FaceMeasurer m;
  FlowStyle style;
  Document doc;
  doc.info.page_number = PageNumber::kCenter;
  Block b;
  b.kind = Block::Kind::kTable;
  b.table.columns.push_back({"Rubrik", 1, Align::kLeft});
  b.table.rows.push_back({"cell"});
  b.table.header = false;
  doc.blocks.push_back(b);
  LaidOutDocument out = LayOutDocument(doc, m, style);
  double width = kPageWidth - style.margin_left - style.margin_right;
  bool centred = false, title = false;
  for (const TextRun& t : out.pages.at(0).texts) {
    if (t.text == "Sid 1 (1)") centred = std::abs(t.x + m.Width(t.text, t.face, t.size) / 2 - (style.margin_left + width / 2)) < 1e-6;
    title |= t.text == "Rubrik";
  }
  EXPECT_TRUE(centred);
  EXPECT_FALSE(title);
}

// Whatever room is left on the page, a paragraph broken over two pages keeps at least two
// lines on each (no orphan, no widow), and one of two or three lines is never broken.
TEST(ParagraphLayout, ABrokenParagraphKeepsTwoLinesOnEachPage) {
  FaceMeasurer m;
  FlowStyle style;
  const std::string word(70, 'w');  // 350 pt: one word per line
  for (size_t lines = 2; lines <= 6; ++lines) {
    std::string text;
    for (size_t i = 0; i < lines; ++i) text += (i ? " " : "") + word;
    bool broken = false;
    for (int fillers = 0; fillers < 60; ++fillers) {
      Document doc;
      for (int f = 0; f < fillers; ++f) doc.blocks.push_back(OneParagraph("f", Align::kLeft).blocks[0]);
      doc.blocks.push_back(OneParagraph(text, Align::kJustify).blocks[0]);
      LaidOutDocument out = LayOutDocument(doc, m, style);
      std::vector<size_t> per_page;
      for (const Page& page : out.pages) {
        size_t n = 0;
        for (const TextRun& t : page.texts) n += t.text.rfind("www", 0) == 0;
        if (n) per_page.push_back(n);
      }
      ASSERT_FALSE(per_page.empty());
      if (per_page.size() > 1) broken = true;
      for (size_t n : per_page)
        EXPECT_GE(n, lines < 4 ? lines : 2u) << lines << " lines after " << fillers << " fillers";
    }
    if (lines >= 4) EXPECT_TRUE(broken) << "no filler count made a paragraph of " << lines << " lines break";
  }
}

}  // namespace
}  // namespace stdok
