// The records as JSON for the pages (docs/web-api.md, "Records as JSON"), and back.
//
// An element is an object: attributes are "@name" keys with string values exactly as in the
// XML, the element's text is "#text", child elements are arrays under their tag name (document
// order within a tag). The root object is the <stdok-records> element. Comments and the order
// between different tags are not kept.
//
// JSON → XML only writes text: the records reader (records/records_reader.h) is the one that
// reads it, so every check the web app shows is the CLI's own. The written text remembers where
// each element, attribute and text starts, so a finding's line:column maps back to a JSON
// pointer into the document the browser sent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace stdok {

// XML text → JSON. False with *error ("line L, column C: …", Swedish) when the text is not
// well-formed XML or its root is not <stdok-records>.
bool RecordsXmlToJson(std::string_view xml, nlohmann::ordered_json* records, std::string* error);

class GeneratedXml {
 public:
  const std::string& text() const { return text_; }
  // The JSON pointer of what the text holds at line:column (1-based; columns count code
  // points): the attribute, text or element that starts there or before it on that line; the
  // element whose start tag spans that line otherwise; "" (the root) when nothing matches.
  std::string PointerAt(int line, int column) const;

 private:
  friend class XmlWriter;
  struct Mark {
    int line, column;
    std::string pointer;
  };
  std::string text_;
  std::vector<Mark> marks_;  // in text order
};

// JSON → XML text (UTF-8, with an XML declaration, two-space indentation). False with *error
// (Swedish) and *error_pointer when `records` is not such a mirror: not an object, a name that
// is not an XML name, a value that is neither text nor a number, children not in an array.
bool RecordsJsonToXml(const nlohmann::ordered_json& records, GeneratedXml* xml, std::string* error,
                      std::string* error_pointer);

// "/a/b~1c": a pointer with each segment escaped (RFC 6901).
std::string JsonPointerAppend(const std::string& pointer, std::string_view segment);

}  // namespace stdok
