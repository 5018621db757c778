// Page setup in templates: sizes per role, header and footer texts and positions, table cell
// styles, hyphenation; each mistake reported at its file:line:column.
#include <gtest/gtest.h>

#include "fill/filler.h"

namespace stdok {
namespace {

// The diagnostics of loading a <document> with `attributes` on its first line and `body` on the
// second.
Diagnostics LoadErrors(const std::string& attributes, const std::string& body, Template* t) {
  *t = Template();
  Diagnostics d;
  LoadTemplate("t.xml", "<document id=\"t\" " + attributes + ">\n" + body + "\n</document>", t, &d);
  return d;
}

Document Fill(const Template& t, Diagnostics* d) {
  Value root(ValueMap{{"trainee", ValueMap{{"name", "Åsa Öberg"}}}});
  Scope scope(&root);
  return FillTemplate(t, scope, d);
}

TEST(TemplatePageSetup, SizesPerRole) {
  Template t;
  Diagnostics d = LoadErrors("sizes=\"title 18, heading1 13,heading2 11, heading3 10.5, table 8, small 7.5, "
                             "label 7, header-footer 7, body 11\"", "", &t);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(t.page.title_size, 18);
  EXPECT_EQ(t.page.heading_size[0], 13);
  EXPECT_EQ(t.page.heading_size[1], 11);
  EXPECT_EQ(t.page.heading_size[2], 10.5);
  EXPECT_EQ(t.page.table_size, 8);
  EXPECT_EQ(t.page.small_size, 7.5);
  EXPECT_EQ(t.page.label_size, 7);
  EXPECT_EQ(t.page.running_size, 7);
  EXPECT_EQ(t.page.body_size, 11);
}

TEST(TemplatePageSetup, AnUnknownRoleOrABadSizeIsAnErrorAtItsPlace) {
  Template t;
  // The value starts at column 25: the role at 35, the size at 52.
  Diagnostics d = LoadErrors("sizes=\"title 18, rubrik 12, table 40, body\"", "", &t);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].location.ToString(), "t.xml:1:35");
  EXPECT_NE(d[0].message.find("unknown role 'rubrik'"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[1].location.ToString(), "t.xml:1:52");
  EXPECT_NE(d[1].message.find("the size of table (points) must be a number from 6–14, not '40'"), std::string::npos)
      << d[1].message;
  EXPECT_NE(d[2].message.find("'role points'"), std::string::npos) << d[2].message;
}

TEST(TemplatePageSetup, HeaderAndFooterTextsWithPageNumbers) {
  Template t;
  Diagnostics d = LoadErrors("header=\"Region\" header-center=\"{trainee.name}\" header-right=\"Bilaga A\" "
                             "footer=\"ST-kontrakt\" footer-center=\"Sid {page} ({pages})\" footer-right=\"v2\" "
                             "header-offset=\"8\" footer-offset=\"12\"",
                             "", &t);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(t.page_number, PageNumber::kNone);  // the footer's centre and right have their own text
  Template other;
  LoadErrors("footer-center=\"Sid {page}\"", "", &other);
  EXPECT_EQ(other.page_number, PageNumber::kNone);
  LoadErrors("footer=\"x\"", "", &other);
  EXPECT_EQ(other.page_number, PageNumber::kRight);
  EXPECT_EQ(t.page.header_offset_mm, 8);
  EXPECT_EQ(t.page.footer_offset_mm, 12);
  Document doc = Fill(t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(doc.info.header_center, "Åsa Öberg");
  EXPECT_EQ(doc.info.header_right, "Bilaga A");
  EXPECT_EQ(doc.info.footer_center, std::string("Sid ") + kPageMark + " (" + kPagesMark + ")");
  EXPECT_EQ(doc.info.footer_right, "v2");
}

TEST(TemplatePageSetup, BadPositionsAreErrorsAtTheAttribute) {
  Template t;
  Diagnostics d = LoadErrors("margins=\"20\" header-offset=\"18\"", "", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.ToString(), "t.xml:1:46");
  EXPECT_NE(d[0].message.find("header-offset (mm from the top edge, the top margin being 20 mm) must be a number "
                              "from 5–14, not '18'"),
            std::string::npos)
      << d[0].message;
  d = LoadErrors("footer-offset=\"3\"", "", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("footer-offset (mm from the bottom edge, the bottom margin being 22 mm) must be a "
                              "number from 8–17, not '3'"),
            std::string::npos)
      << d[0].message;
  d = LoadErrors("page-number=\"center\" footer-center=\"x\"", "", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("both fill one place"), std::string::npos) << d[0].message;
  d = LoadErrors("footer-middle=\"x\"", "", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("<document> has no attribute 'footer-middle'"), std::string::npos);
}

TEST(TemplatePageSetup, BoldAndShadedCells) {
  Template t;
  Diagnostics d = LoadErrors("", "<table><column title=\"A\"/><column title=\"B\"/>"
                                 "<tr style=\"bold\" shade=\"15\"><td>a</td><td style=\"normal\" shade=\"0\">b</td></tr>"
                                 "<tr><td>c</td><td style=\"bold\">d</td></tr></table>",
                             &t);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Document doc = Fill(t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  const Table& table = doc.blocks.at(0).table;
  ASSERT_EQ(table.styles.size(), 2u);
  EXPECT_TRUE(table.styles[0][0].bold);
  EXPECT_EQ(table.styles[0][0].shade, 15);
  EXPECT_FALSE(table.styles[0][1].bold);  // the cell's own style wins over its row's
  EXPECT_EQ(table.styles[0][1].shade, 0);
  EXPECT_FALSE(table.styles[1][0].bold);
  EXPECT_TRUE(table.styles[1][1].bold);
}

TEST(TemplatePageSetup, BadCellStylesAreErrorsAtTheAttribute) {
  Template t;
  Diagnostics d = LoadErrors("", "<table><column title=\"A\"/><tr><td style=\"fet\">a</td><td shade=\"80\">b</td></tr></table>", &t);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].location.ToString(), "t.xml:2:42");
  EXPECT_NE(d[0].message.find("style of a table cell must be bold or normal, not 'fet'"), std::string::npos);
  EXPECT_EQ(d[1].location.ToString(), "t.xml:2:64");
  EXPECT_NE(d[1].message.find("shade (percent grey) must be a number from 0–50, not '80'"), std::string::npos);
}

TEST(TemplatePageSetup, HeadingLevelsOneToThree) {
  Template t;
  Diagnostics d = LoadErrors("", "<heading level=\"3\">Tre</heading><heading level=\"4\">Fyra</heading>", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.ToString(), "t.xml:2:49");
  EXPECT_NE(d[0].message.find("level must be 1, 2 or 3, not '4'"), std::string::npos);
}

TEST(TemplatePageSetup, HyphenationOnlyWhereAskedFor) {
  Template t;
  Diagnostics d = LoadErrors("hyphenate=\"true\"",
                             "<p align=\"justify\">a</p><p align=\"justify\" hyphenate=\"false\">b</p><p>c</p>", &t);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Document doc = Fill(t, &d);
  EXPECT_TRUE(doc.blocks.at(0).paragraph.hyphenate);
  EXPECT_FALSE(doc.blocks.at(1).paragraph.hyphenate);
  d = LoadErrors("", "<p align=\"justify\">a</p><p hyphenate=\"true\">b</p><p hyphenate=\"ja\">c</p>", &t);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.ToString(), "t.xml:2:64");
  EXPECT_NE(d[0].message.find("hyphenate must be true or false, not 'ja'"), std::string::npos);
  doc = Fill(t, &d);
  EXPECT_FALSE(doc.blocks.at(0).paragraph.hyphenate);
  EXPECT_TRUE(doc.blocks.at(1).paragraph.hyphenate);
}

}  // namespace
}  // namespace stdok
