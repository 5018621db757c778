#include "xml/document.h"

#include <gtest/gtest.h>

namespace stdok::xml {
namespace {

struct Loaded {
  bool ok = false;
  Diagnostics diagnostics;
};

Loaded Load(std::string_view text, LoadOptions options = {}, Document* document = nullptr) {
  Document local;
  Loaded out;
  options.kind = options.kind == "XML file" ? "template" : options.kind;
  out.ok = (document ? document : &local)->Load("t.xml", text, options, &out.diagnostics);
  return out;
}

// One refusal, at file:line:column, with its rule.
void ExpectRefused(std::string_view text, const std::string& rule, const std::string& where,
                   const std::string& says, LoadOptions options = {}) {
  Loaded r = Load(text, options);
  EXPECT_FALSE(r.ok) << text;
  ASSERT_EQ(r.diagnostics.size(), 1u) << text;
  EXPECT_EQ(r.diagnostics[0].rule, rule) << text;
  EXPECT_EQ(r.diagnostics[0].location.ToString(), where) << text;
  EXPECT_NE(r.diagnostics[0].message.find(says), std::string::npos) << r.diagnostics[0].message;
}

TEST(XmlDocument, RefusesWhatNoStdokFileMayHold) {
  ExpectRefused(std::string("\xFF\xFE<\0d\0", 6), "xml.encoding", "t.xml:1:1", "UTF-16");
  ExpectRefused(std::string("<\0d\0/\0>\0", 8), "xml.encoding", "t.xml:1:1", "UTF-16");
  ExpectRefused(std::string("<d>\n  a\0</d>", 12), "xml.encoding", "t.xml:2:4", "NUL byte");
  ExpectRefused("<d>\n Gr\xF6n</d>", "xml.encoding", "t.xml:2:4", "0xF6");
  ExpectRefused("<d>\n  <p>x\x01</p></d>", "xml.control-character", "t.xml:2:7", "U+0001");
  ExpectRefused("<d>\n  <p>x\xC2\x85</p></d>", "xml.control-character", "t.xml:2:7", "U+0085");
  ExpectRefused("<d>\n  <p>x</d>", "xml.malformed", "t.xml:2:9", "malformed XML");
  ExpectRefused("<d>\n<!-- a -- b -->\n</d>", "xml.malformed", "t.xml:2:8", "'--' inside a comment");
  ExpectRefused("<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x \"boom\">]>\n<d>&x;</d>",
                "xml.doctype", "t.xml:2:1", "a DOCTYPE is not allowed in a template");
  ExpectRefused("<d/>\n<e/>", "xml.root", "t.xml:2:2", "second <e>");
  LoadOptions document;
  document.root = "document";
  ExpectRefused("\n <fragment/>", "xml.root", "t.xml:2:3", "must be <document>, not <fragment>", document);
  LoadOptions small;
  small.max_bytes = 16;
  ExpectRefused("<d>seventeen b</d>", "xml.too-large", "t.xml:1:1", "at most", small);
}

TEST(XmlDocument, ControlCharactersCanBeLeftToTheCaller) {
  LoadOptions options;
  options.refuse_control_characters = false;
  EXPECT_TRUE(Load("<d a=\"x\x01\"/>", options).ok);
  EXPECT_FALSE(Load("<d a=\"x\x01\"/>").ok);
  // Tab, line feed and carriage return are text.
  EXPECT_TRUE(Load("<d>\ta\r\nb</d>").ok);
}

TEST(XmlDocument, LocatesNodesAttributesAndValues) {
  Document d;
  // A byte order mark is skipped; columns count code points, not bytes.
  Loaded r = Load("\xEF\xBB\xBF<d>\n  <p a=\"1\" \xC3\xA5=\"2\">text</p>\n</d>", {}, &d);
  ASSERT_TRUE(r.ok);
  const pugi::xml_node p = d.root().child("p");
  EXPECT_EQ(d.Locate(p).ToString(), "t.xml:2:4");  // at the name, as pugixml counts
  EXPECT_EQ(d.Locate(p.attribute("a")).ToString(), "t.xml:2:6");
  EXPECT_EQ(d.Locate(p.attribute("\xC3\xA5")).ToString(), "t.xml:2:12");
  EXPECT_EQ(d.LocateValue(p.first_child().value()).ToString(), "t.xml:2:18");
  EXPECT_EQ(d.path(), "t.xml");
}

TEST(XmlDocument, KeepsLineEndsAndWhitespaceTextWhenAsked) {
  Document d;
  LoadOptions options;
  options.keep_line_ends = true;
  options.keep_whitespace_text = true;
  ASSERT_TRUE(Load("<d><a>x\r\ny</a><b> </b></d>", options, &d).ok);
  EXPECT_STREQ(d.root().child("a").text().get(), "x\r\ny");
  EXPECT_STREQ(d.root().child("b").text().get(), " ");
  Document plain;
  ASSERT_TRUE(Load("<d><a>x\r\ny</a><b> </b></d>", {}, &plain).ok);
  EXPECT_STREQ(plain.root().child("a").text().get(), "x\ny");
  EXPECT_FALSE(plain.root().child("b").first_child());
}

TEST(XmlDocument, FindsControlCharacters) {
  size_t at = 0;
  EXPECT_EQ(FindControlCharacter("a\tb\nc\r", &at), "");
  EXPECT_EQ(FindControlCharacter("\xC3\xA5\x7F", &at), "U+007F");
  EXPECT_EQ(at, 2u);
  EXPECT_EQ(FindControlCharacter("ab\x01", &at), "U+0001");
  EXPECT_EQ(at, 2u);
  EXPECT_EQ(FindControlCharacter("a\xC2\x85", &at), "U+0085");  // C1, after ASCII
  EXPECT_EQ(at, 1u);
  EXPECT_EQ(FindControlCharacter("x\x1F\x7E", &at), "U+001F");
  EXPECT_EQ(at, 1u);
}

}  // namespace
}  // namespace stdok::xml
