// Inline markup, paragraph alignment, includes and strict XML in templates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fill/filler.h"

namespace stdok {
namespace {

Template Load(const std::string& body, Diagnostics* d, const std::string& path = "t.xml") {
  Template t;
  LoadTemplate(path, "<document id=\"t\" title=\"T\">\n" + body + "\n</document>", &t, d);
  return t;
}

Document Fill(const Template& t, Diagnostics* d) {
  Value root(ValueMap{{"who", "Ada"}, {"tricky", "x\x01y"}});
  Scope scope(&root);
  return FillTemplate(t, scope, d);
}

TEST(TemplateMarkup, BoldAndRunInBecomeSpans) {
  Diagnostics d;
  Template t = Load("<p><run-in>Handledning.</run-in> Huvudhandledaren <b> {who} </b> leder.</p>", &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Document doc = Fill(t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  const Paragraph& p = doc.blocks.at(0).paragraph;
  EXPECT_EQ(p.text, "Handledning. Huvudhandledaren Ada leder.");
  ASSERT_EQ(p.spans.size(), 4u);
  EXPECT_EQ(p.spans[0].text, "Handledning.");
  EXPECT_TRUE(p.spans[0].bold);
  EXPECT_EQ(p.spans[1].text, " Huvudhandledaren ");
  EXPECT_FALSE(p.spans[1].bold);
  EXPECT_EQ(p.spans[2].text, "Ada");
  EXPECT_TRUE(p.spans[2].bold);
  EXPECT_EQ(p.spans[3].text, " leder.");
}

TEST(TemplateMarkup, ItalicAndBoldItalicBecomeSpans) {
  Diagnostics d;
  Template t = Load("<p>Enligt <i>HSLF-FS <b>2021:8</b></i> och {tricky}.</p>", &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Document doc = Fill(t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  const Paragraph& p = doc.blocks.at(0).paragraph;
  EXPECT_EQ(p.text, "Enligt HSLF-FS 2021:8 och xy.");
  ASSERT_EQ(p.spans.size(), 4u);
  EXPECT_FALSE(p.spans[0].italic);
  EXPECT_EQ(p.spans[1].text, "HSLF-FS ");
  EXPECT_TRUE(p.spans[1].italic);
  EXPECT_FALSE(p.spans[1].bold);
  EXPECT_EQ(p.spans[2].text, "2021:8");
  EXPECT_TRUE(p.spans[2].italic && p.spans[2].bold);
  EXPECT_FALSE(p.spans[3].italic || p.spans[3].bold);
}

TEST(TemplateMarkup, PlainParagraphHasNoSpansAndValuesCannotForgeBold) {
  Diagnostics d;
  Document doc = Fill(Load("<p>Bara {tricky} text</p>", &d), &d);
  ASSERT_TRUE(d.empty());
  EXPECT_EQ(doc.blocks.at(0).paragraph.text, "Bara xy text");
  EXPECT_TRUE(doc.blocks.at(0).paragraph.spans.empty());
}

TEST(TemplateMarkup, BreakNoBreakSpaceAndLinks) {
  Diagnostics d;
  Document doc = Fill(Load("<p>Rad ett<br/>rad två: 12<nbsp/>000 kr, "
                           "<a href=\"https://x.se\">webbplatsen</a> och <a href=\"https://y.se\"/>.</p>"
                           "<field label=\"F\">A<b>b</b>c</field>", &d), &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(doc.blocks.at(0).paragraph.text,
            "Rad ett\nrad två: 12\u00A0000 kr, webbplatsen och https://y.se.");
  EXPECT_EQ(doc.blocks.at(1).fields.fields[0].value, "Abc");  // bold only in paragraphs
}

TEST(TemplateMarkup, MarkupErrors) {
  Diagnostics d;
  Load("<p>a <em>kursiv</em></p>\n<p>b<br>x</br></p>\n<p>c <span>d</span></p>", &d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_NE(d[0].message.find("write <i>"), std::string::npos);
  EXPECT_EQ(d[1].location.line, 3);
  EXPECT_NE(d[1].message.find("<br/> is empty"), std::string::npos);
  EXPECT_NE(d[2].message.find("not <span>"), std::string::npos);
}

TEST(TemplateMarkup, ParagraphAlignment) {
  Diagnostics d;
  Document doc = Fill(Load("<p align=\"justify\">a</p><p align=\"center\">b</p><p align=\"right\">c</p>"
                           "<p>d</p><p align=\"middle\">e</p>", &d), &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("align must be"), std::string::npos);
  EXPECT_EQ(doc.blocks[0].paragraph.align, Align::kJustify);
  EXPECT_EQ(doc.blocks[1].paragraph.align, Align::kCenter);
  EXPECT_EQ(doc.blocks[2].paragraph.align, Align::kRight);
  EXPECT_EQ(doc.blocks[3].paragraph.align, Align::kLeft);
}

TEST(TemplateXml, DoubleHyphenInACommentIsAnErrorWithItsLocation) {
  Diagnostics d;
  Load("<p>a</p>\n  <!-- gammal -- text -->\n<p>b</p>", &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_EQ(d[0].location.column, 15);
  EXPECT_NE(d[0].message.find("'--' inside a comment"), std::string::npos);
  Diagnostics ok;
  Load("<p>a</p><!-- fine - comment --><p><![CDATA[<!-- a -- b -->]]></p>", &ok);
  EXPECT_TRUE(ok.empty()) << ok[0].ToString();
}

class TemplateIncludes : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("stdok-include-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_ / "fragments");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(TemplateIncludes, FragmentElementsTakeThePlaceOfTheInclude) {
  Write("fragments/klausuler.xml",
        "<fragment>\n  <p>Klausul {who}</p>\n  <include src=\"fragments/slut.xml\"/>\n</fragment>");
  Write("fragments/slut.xml", "<fragment><p>Slut</p></fragment>");
  Diagnostics d;
  Template t = Load("<p>Före</p>\n<if test=\"who\"><include src=\"fragments/klausuler.xml\"/></if>\n<p>Efter</p>",
                    &d, Path("mall.xml"));
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Document doc = Fill(t, &d);
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[1].paragraph.text, "Klausul Ada");
  EXPECT_EQ(doc.blocks[2].paragraph.text, "Slut");
  EXPECT_EQ(doc.blocks[3].paragraph.text, "Efter");
}

TEST_F(TemplateIncludes, ACycleIsReportedThroughTheIncludeChain) {
  Write("fragments/a.xml", "<fragment>\n<include src=\"fragments/b.xml\"/>\n</fragment>");
  Write("fragments/b.xml", "<fragment>\n\n<include src=\"fragments/a.xml\"/>\n</fragment>");
  Diagnostics d;
  Load("<include src=\"fragments/a.xml\"/>", &d, Path("mall.xml"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.file, Path("fragments/b.xml"));
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_NE(d[0].message.find("cycle"), std::string::npos);
  EXPECT_NE(d[0].message.find("included from " + Path("fragments/a.xml") + ":2:2, from " +
                              Path("mall.xml") + ":2:2"),
            std::string::npos)
      << d[0].message;
}

TEST_F(TemplateIncludes, ErrorsInsideAFragmentAndMissingFiles) {
  Write("fragments/fel.xml", "<fragment>\n<p>ok</p>\n<paragraf/>\n</fragment>");
  Write("fragments/rot.xml", "<document id=\"x\"/>");
  Diagnostics d;
  Load("<include src=\"fragments/fel.xml\"/>\n<include src=\"fragments/saknas.xml\"/>\n"
       "<include src=\"fragments/rot.xml\"/>\n<include/>\n<include src=\"/etc/hostname\"/>",
       &d, Path("mall.xml"));
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].location.file, Path("fragments/fel.xml"));
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_NE(d[0].message.find("paragraf"), std::string::npos);
  EXPECT_NE(d[1].message.find("cannot read the included file"), std::string::npos);
  EXPECT_EQ(d[1].location.line, 3);
  EXPECT_NE(d[2].message.find("<fragment>"), std::string::npos);
  EXPECT_NE(d[3].message.find("needs src"), std::string::npos);
  EXPECT_NE(d[4].message.find("must be relative to the template folder"), std::string::npos);
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(TemplatePageSetup, MarginsBodySizeAndLeadingReachTheDocument) {
  Template t;
  Diagnostics d;
  LoadTemplate("t.xml", "<document id=\"t\" margins=\"25\" body-size=\"10\" leading=\"1.2\"><p>x</p></document>", &t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root(ValueMap{});
  Scope scope(&root);
  Document doc = FillTemplate(t, scope, &d);
  EXPECT_EQ(doc.info.page.margin_top_mm, 25);
  EXPECT_EQ(doc.info.page.margin_left_mm, 25);
  EXPECT_EQ(doc.info.page.body_size, 10);
  EXPECT_EQ(doc.info.page.leading, 1.2);
  LoadTemplate("t.xml", "<document id=\"t\" margins=\"20 15 30 15\"/>", &t, &d);
  ASSERT_TRUE(d.empty());
  EXPECT_EQ(t.page.margin_right_mm, 15);
  EXPECT_EQ(t.page.margin_bottom_mm, 30);
}

TEST(TemplatePageSetup, BadValuesAreErrorsAtTheAttribute) {
  Template t;
  Diagnostics d;
  LoadTemplate("t.xml",
               "<document id=\"t\"\n margins=\"25 mm\"\n body-size=\"40\"\n leading=\"x\"/>", &t, &d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].location.line, 2);
  EXPECT_NE(d[0].message.find("one length in mm, or four"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[1].location.line, 3);
  EXPECT_NE(d[1].message.find("body-size (points) must be a number from 7–14, not '40'"), std::string::npos)
      << d[1].message;
  EXPECT_NE(d[2].message.find("leading"), std::string::npos);
  Diagnostics bottom;
  LoadTemplate("t.xml", "<document id=\"t\" margins=\"20 20 10 20\"/>", &t, &bottom);
  ASSERT_EQ(bottom.size(), 1u);
  EXPECT_NE(bottom[0].message.find("the bottom margin (mm) must be a number from 20–60"), std::string::npos);
}

TEST(TemplateSignatures, FreePlaceLineAndSignersPerRow) {
  Template t;
  Diagnostics d;
  LoadTemplate("t.xml",
               "<document id=\"t\"><signatures place-line=\"Ort och datum: {who}, ____\" per-row=\"4\">"
               "<signer role=\"A\"/></signatures><signatures per-row=\"5\"/></document>",
               &t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root(ValueMap{{"who", "Sundsvall"}});
  Scope scope(&root);
  Document doc = FillTemplate(t, scope, &d);
  EXPECT_EQ(doc.blocks.at(0).signatures.place_line, "Ort och datum: Sundsvall, ____");
  EXPECT_EQ(doc.blocks.at(0).signatures.per_row, 4);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("per-row must be 1, 2, 3 or 4"), std::string::npos);
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(TemplatePageSetup, PageNumberPositionAndTablesWithoutHeader) {
  Template t;
  Diagnostics d;
  LoadTemplate("t.xml",
               "<document id=\"t\" page-number=\"center\"><table header=\"no\"><column title=\"A\"/>"
               "<tr><td>x</td></tr></table><table header=\"kanske\"/></document>",
               &t, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(t.page_number, PageNumber::kCenter);
  Value root(ValueMap{});
  Scope scope(&root);
  Document doc = FillTemplate(t, scope, &d);
  EXPECT_FALSE(doc.blocks.at(0).table.header);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("header must be yes or no"), std::string::npos);
  Diagnostics bad;
  LoadTemplate("t.xml", "<document id=\"t\" page-number=\"left\"/>", &t, &bad);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_NE(bad[0].message.find("page-number must be right, center or none"), std::string::npos);
}

}  // namespace
}  // namespace stdok
