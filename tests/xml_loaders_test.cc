// Every reader of XML files refuses the same things, with the same rule and at the same
// file:line:column, because all of them load through the XML layer (xml/document.h): the
// records reader, templates, forms and region profiles.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "app/catalog.h"
#include "fill/template.h"
#include "forms/form.h"
#include "records/records_reader.h"

namespace stdok {
namespace {

using Loader = std::function<void(const std::string& text, Diagnostics* d)>;

struct Reader {
  const char* name;
  const char* root;  // the root element the reader wants
  Loader load;
};

std::vector<Reader> Readers() {
  return {
      {"records", "stdok-records",
       [](const std::string& text, Diagnostics* d) { ReadRecords("f.xml", text, Date{2026, 1, 1}, d); }},
      {"template", "document",
       [](const std::string& text, Diagnostics* d) {
         Template t;
         LoadTemplate("f.xml", text, &t, d);
       }},
      {"form", "form",
       [](const std::string& text, Diagnostics* d) {
         FormDefinition f;
         LoadForm("f.xml", text, &f, d);
       }},
      {"profile", "profile",
       [](const std::string& text, Diagnostics* d) {
         Profile p;
         ParseProfile("f.xml", text, &p, d);
       }},
  };
}

struct Refusal {
  std::string text;  // "ROOT" stands for the reader's root element
  const char* rule;
  const char* where;
};

TEST(XmlLoaders, EveryReaderRefusesTheSameWayAtTheSamePlace) {
  const std::vector<Refusal> refusals = {
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE ROOT [<!ENTITY x \"boom\">]>\n<ROOT>&x;</ROOT>", "xml.doctype", "f.xml:2:1"},
      {std::string("\xFF\xFE<\0R\0", 6), "xml.encoding", "f.xml:1:1"},
      {"<ROOT>\n  Gr\xF6n</ROOT>", "xml.encoding", "f.xml:2:5"},
      {std::string("<ROOT>\n \0</ROOT>", 16), "xml.encoding", "f.xml:2:2"},
      {"<ROOT>\n  <a>\n</ROOT>", "xml.malformed", "f.xml:3:3"},
      {"<ROOT>\n<!-- a -- b -->\n</ROOT>", "xml.malformed", "f.xml:2:8"},
      {"<ROOT/>\n<ROOT/>", "xml.root", "f.xml:2:2"},
      {"\n\n<wrong/>", "xml.root", "f.xml:3:2"},
  };
  for (const Reader& reader : Readers()) {
    for (const Refusal& refusal : refusals) {
      std::string text = refusal.text;
      for (size_t at; (at = text.find("ROOT")) != std::string::npos;) text.replace(at, 4, reader.root);
      Diagnostics d;
      reader.load(text, &d);
      ASSERT_EQ(d.size(), 1u) << reader.name << ": " << refusal.rule;
      EXPECT_EQ(d[0].rule, refusal.rule) << reader.name << ": " << d[0].ToString();
      EXPECT_EQ(d[0].location.ToString(), refusal.where) << reader.name << ": " << d[0].ToString();
      EXPECT_EQ(d[0].severity, Severity::kError);
    }
  }
}

TEST(XmlLoaders, ControlCharactersRefuseATemplateFormOrProfileButInRecordsOnlyTheirValue) {
  for (const Reader& reader : Readers()) {
    Diagnostics d;
    const bool records = std::string(reader.name) == "records";
    reader.load(std::string("<") + reader.root + (records ? " version=\"1\x01\"/>" : " id=\"a\x01\"/>"), &d);
    ASSERT_FALSE(d.empty()) << reader.name;
    if (records) {
      EXPECT_EQ(d[0].rule, "records.control-character");  // the file is read; that value is reported
    } else {
      ASSERT_EQ(d.size(), 1u) << reader.name;
      EXPECT_EQ(d[0].rule, "xml.control-character") << reader.name;
      EXPECT_EQ(d[0].location.ToString(), "f.xml:1:" + std::to_string(std::string(reader.root).size() + 8));
    }
  }
}

}  // namespace
}  // namespace stdok
