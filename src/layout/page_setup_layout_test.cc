// Page setup in the layout: sizes per role, header and footer texts and positions, bold and
// shaded table cells, hyphenated justified text.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/fixed_width_measurer.h"
#include "layout/flow_layout.h"

namespace stdok {
namespace {

Block Paragraph(const std::string& text, Align align = Align::kLeft, bool hyphenate = false) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.paragraph.text = text;
  b.paragraph.align = align;
  b.paragraph.hyphenate = hyphenate;
  return b;
}

const TextRun* Find(const Page& page, const std::string& text) {
  for (const TextRun& t : page.texts)
    if (t.text == text) return &t;
  return nullptr;
}

TEST(PageSetupLayout, SizesPerRole) {
  FixedWidthMeasurer m;
  Document doc;
  doc.info.page.title_size = 20;
  doc.info.page.heading_size[2] = 9.5;
  doc.info.page.table_size = 8;
  doc.info.page.running_size = 7;
  Block title;
  title.kind = Block::Kind::kHeading;
  title.heading = {0, "Titel"};
  doc.blocks.push_back(title);
  Block heading = title;
  heading.heading = {3, "Tredje"};
  doc.blocks.push_back(heading);
  Block table;
  table.kind = Block::Kind::kTable;
  table.table.columns.push_back({"Kolumn", 1, Align::kLeft});
  table.table.rows.push_back({"cell"});
  doc.blocks.push_back(table);
  LaidOutDocument out = LayOutDocument(doc, m);
  const Page& page = out.pages.at(0);
  ASSERT_TRUE(Find(page, "Titel") && Find(page, "Tredje") && Find(page, "cell") && Find(page, "Kolumn"));
  EXPECT_EQ(Find(page, "Titel")->size, 20);
  EXPECT_EQ(Find(page, "Tredje")->size, 9.5);
  EXPECT_EQ(Find(page, "Tredje")->face, FontFace::kBold);
  EXPECT_EQ(Find(page, "cell")->size, 8);
  EXPECT_EQ(Find(page, "Kolumn")->size, 7.5);  // the header row: half a point smaller
  ASSERT_TRUE(Find(page, "Sid 1 (1)"));
  EXPECT_EQ(Find(page, "Sid 1 (1)")->size, 7);
}

TEST(PageSetupLayout, HeaderAndFooterTextsAtTheirPlaces) {
  FixedWidthMeasurer m;
  FlowStyle style;
  Document doc;
  doc.info.header = "Vänster";
  doc.info.header_center = "Mitten";
  doc.info.header_right = "Höger";
  doc.info.footer_center = std::string("Sid ") + kPageMark + " av " + kPagesMark;
  doc.info.page_number = PageNumber::kNone;
  doc.info.page.header_offset_mm = 8;
  doc.info.page.footer_offset_mm = 10;
  doc.blocks.push_back(Paragraph("ett"));
  Block page_break;
  page_break.kind = Block::Kind::kPageBreak;
  doc.blocks.push_back(page_break);
  doc.blocks.push_back(Paragraph("två"));
  LaidOutDocument out = LayOutDocument(doc, m, style);
  ASSERT_EQ(out.pages.size(), 2u);
  const double left = style.margin_left, right = kPageWidth - style.margin_right;
  for (size_t i = 0; i < 2; ++i) {
    const Page& page = out.pages[i];
    const TextRun* number = Find(page, "Sid " + std::to_string(i + 1) + " av 2");
    ASSERT_TRUE(number) << i;
    EXPECT_NEAR(number->x + m.Width(number->text, number->face, number->size) / 2, (left + right) / 2, 1e-6);
    EXPECT_NEAR(number->baseline, 10 * kPointsPerMm, 1e-6);
    const TextRun* l = Find(page, "Vänster");
    const TextRun* c = Find(page, "Mitten");
    const TextRun* r = Find(page, "Höger");
    ASSERT_TRUE(l && c && r);
    EXPECT_NEAR(l->x, left, 1e-6);
    EXPECT_NEAR(c->x + m.Width(c->text, c->face, c->size) / 2, (left + right) / 2, 1e-6);
    EXPECT_NEAR(r->x + m.Width(r->text, r->face, r->size), right, 1e-6);
    EXPECT_NEAR(l->baseline, kPageHeight - 8 * kPointsPerMm - 8, 1e-6);
    EXPECT_FALSE(Find(page, "Sid 1 (2)"));
  }
}

TEST(PageSetupLayout, BoldAndShadedCells) {
  FixedWidthMeasurer m;
  Document doc;
  Block table;
  table.kind = Block::Kind::kTable;
  table.table.columns = {{"A", 1, Align::kLeft}, {"B", 1, Align::kLeft}};
  table.table.rows = {{"fet", "grå"}, {"vanlig", "vanlig2"}};
  table.table.styles = {{{true, 0}, {false, 20}}};
  doc.blocks.push_back(table);
  LaidOutDocument out = LayOutDocument(doc, m);
  const Page& page = out.pages.at(0);
  ASSERT_TRUE(Find(page, "fet") && Find(page, "grå") && Find(page, "vanlig"));
  EXPECT_EQ(Find(page, "fet")->face, FontFace::kBold);
  EXPECT_EQ(Find(page, "grå")->face, FontFace::kRegular);
  EXPECT_EQ(Find(page, "vanlig")->face, FontFace::kRegular);
  ASSERT_EQ(page.shades.size(), 1u);
  const ShadedArea& shade = page.shades[0];
  EXPECT_NEAR(shade.gray, 0.8, 1e-9);
  const TextRun* grey = Find(page, "grå");
  EXPECT_GE(grey->x, shade.x);
  EXPECT_LE(grey->x, shade.x + shade.w);
  EXPECT_GT(grey->baseline, shade.y);
  EXPECT_LT(grey->baseline, shade.y + shade.h);
}

// A justified paragraph in a narrow page whose lines would stretch badly.
Document NarrowJustified(bool hyphenate) {
  Document doc;
  doc.info.page.margin_left_mm = 60;
  doc.info.page.margin_right_mm = 60;
  doc.blocks.push_back(Paragraph(
      "Huvudhandledaren och verksamhetschefen ansvarar gemensamt för att specialiseringstjänstgöringen "
      "genomförs enligt utbildningsplanen och att handledningen dokumenteras fortlöpande under hela "
      "utbildningstiden.",
      Align::kJustify, hyphenate));
  return doc;
}

TEST(PageSetupLayout, HyphenationOnlyWhereTheParagraphAsksForIt) {
  FixedWidthMeasurer m;
  LaidOutDocument plain = LayOutDocument(NarrowJustified(false), m);
  for (const TextRun& t : plain.pages.at(0).texts) EXPECT_NE(t.text.back(), '-') << t.text;
  LaidOutDocument hyphenated = LayOutDocument(NarrowJustified(true), m);
  std::string joined;
  int hyphens = 0;
  double right = kPageWidth - 60 * kPointsPerMm;
  for (const TextRun& t : hyphenated.pages.at(0).texts) {
    if (t.size != 10) continue;
    if (t.text.back() == '-') {
      ++hyphens;
      // The hyphen ends the line at the right margin.
      EXPECT_NEAR(t.x + m.Width(t.text, t.face, t.size), right, 1e-6) << t.text;
      joined += t.text.substr(0, t.text.size() - 1);
    } else {
      joined += t.text + " ";
    }
  }
  EXPECT_GT(hyphens, 0);
  // No text lost: the words read whole once the hyphens are taken out.
  EXPECT_NE(joined.find("specialiseringstjänstgöringen"), std::string::npos) << joined;
  EXPECT_NE(joined.find("utbildningsplanen"), std::string::npos) << joined;
}

}  // namespace
}  // namespace stdok
