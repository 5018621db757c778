#include "xml/element_stream.h"

#include <gtest/gtest.h>

namespace stdok::xml {
namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

// The texts of the ranges FindChildElements gives.
std::vector<std::string> Found(std::string_view text, std::string_view name) {
  Ranges ranges;
  if (!FindChildElements(text, name, &ranges)) return {"(refused)"};
  std::vector<std::string> out;
  for (auto [begin, end] : ranges) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

TEST(FindChildElements, FindsOnlyTheRootsChildrenOfThatName) {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!-- <t>not this</t> -->\n<r a=\"<t>\">\n"
      "  <t id=\"1\"><t>inner</t></t>\n"
      "  <u><t/></u>\n"
      "  <tx/><t id='a>b' note=\"/\"/>\n"
      "  <!-- <t>commented</t> --><![CDATA[ <t>data</t> ]]><?pi <t> ?>\n"
      "  <t\n   id=\"3\">x</t>\n"
      "</r>\n";
  EXPECT_EQ(Found(text, "t"), (std::vector<std::string>{"<t id=\"1\"><t>inner</t></t>",
                                                         "<t id='a>b' note=\"/\"/>", "<t\n   id=\"3\">x</t>"}));
  EXPECT_EQ(Found("<r/>", "t"), std::vector<std::string>{});
}

TEST(FindChildElements, LeavesWhatItCannotPlaceToPugixml) {
  EXPECT_EQ(Found("<!DOCTYPE r [<!ENTITY e \"x\">]><r><t/></r>", "t"), std::vector<std::string>{"(refused)"});
  EXPECT_EQ(Found("<r><t>", "t"), std::vector<std::string>{"(refused)"});
  EXPECT_EQ(Found("<r><!-- open", "t"), std::vector<std::string>{"(refused)"});
  EXPECT_EQ(Found("no root", "t"), std::vector<std::string>{"(refused)"});
}

struct Streamed {
  bool ok = false;
  bool streaming = false;
  Diagnostics diagnostics;
  std::vector<std::string> where;  // every streamed element, its first attribute and its text
  std::vector<std::string> root_children;
};

Streamed Stream(std::string_view text, LoadOptions options = {}) {
  Streamed out;
  ElementStream stream;
  options.root = "r";
  options.kind = "records file";
  out.ok = stream.Load("s.xml", text, options, "t", &out.diagnostics);
  if (!out.ok) return out;
  out.streaming = stream.streaming();
  for (pugi::xml_node c = stream.root().first_child(); c; c = c.next_sibling())
    out.root_children.push_back(c.name() + stream.root_document().Locate(c).ToString().substr(5));
  Document scratch;
  for (std::size_t i = 0; i < stream.size(); ++i) {
    const StreamedElement e = stream.Element(i, &scratch);
    std::string where = e.document->Locate(e.node).ToString();
    if (pugi::xml_attribute a = e.node.first_attribute()) where += " @" + e.document->Locate(a).ToString();
    if (pugi::xml_node text_node = e.node.first_child(); text_node.type() == pugi::node_pcdata)
      where += " '" + std::string(text_node.value()) + "' " + e.document->LocateValue(text_node.value()).ToString();
    out.where.push_back(where);
  }
  return out;
}

TEST(ElementStream, ParsesEachElementAloneWithTheWholeFilesPositions) {
  const std::string text =
      "\xEF\xBB\xBF<r>\n  <u/>\n  <t id=\"1\">Åsa\r\n</t>\n  <!-- c -->\n   <t   id=\"2\">\n"
      "Grön</t><v/></r>";
  Streamed s = Stream(text);
  ASSERT_TRUE(s.ok);
  EXPECT_TRUE(s.streaming);
  EXPECT_EQ(s.where, (std::vector<std::string>{"s.xml:3:4 @s.xml:3:6 'Åsa\n' s.xml:3:13",
                                               "s.xml:6:5 @s.xml:6:9 '\nGrön' s.xml:6:16"}));
  // The root keeps its other children, and an empty <t/> where each streamed one was.
  EXPECT_EQ(s.root_children, (std::vector<std::string>{"u:2:4", "t:3:4", "t:6:5", "v:7:10"}));
}

TEST(ElementStream, GivesTheSameOneRefusalAsTheWholeFile) {
  const std::vector<std::string> texts = {
      "<r>\n  <t>\n    <x></y>\n  </t>\n</r>",          // malformed inside a streamed element
      "<r>\n  <t/>\n  <u>\n</r>",                       // malformed outside
      "<r>\n  <t/>\n  <!-- a -- b -->\n</r>",           // "--" in a comment
      "<!DOCTYPE r>\n<r><t/></r>",                      // a DOCTYPE
      "<r><t/></r>\n<t/>",                              // a second root element
      "<q><t/></q>",                                    // the wrong root
      "<r><t a='1' b='2></r>",                          // an attribute value that never ends
      "<r><t>\xF6</t></r>",                             // not UTF-8
      "<r><t>&undefined;</t><t></r>",                   // an element that never ends
  };
  for (const std::string& text : texts) {
    Streamed s = Stream(text);
    Document whole;
    Diagnostics expected;
    LoadOptions options;
    options.root = "r";
    options.kind = "records file";
    EXPECT_FALSE(whole.Load("s.xml", text, options, &expected)) << text;
    EXPECT_FALSE(s.ok) << text;
    ASSERT_EQ(s.diagnostics.size(), 1u) << text;
    ASSERT_EQ(expected.size(), 1u) << text;
    EXPECT_EQ(s.diagnostics[0].ToString(), expected[0].ToString()) << text;
  }
}

TEST(ElementStream, AttributeValuesMayHoldMarkup) {
  Streamed s = Stream("<r>\n<t id=\"a<b>/\">x</t>\n</r>");
  ASSERT_TRUE(s.ok);
  EXPECT_TRUE(s.streaming);
  EXPECT_EQ(s.where, std::vector<std::string>{"s.xml:2:2 @s.xml:2:4 'x' s.xml:2:15"});
}

}  // namespace
}  // namespace stdok::xml
