#include "serve/records_json.h"

#include <algorithm>

#include "xml/document.h"

namespace stdok {

namespace {

using Json = nlohmann::ordered_json;

void ElementToJson(pugi::xml_node node, Json* out) {
  *out = Json::object();
  for (pugi::xml_attribute a : node.attributes()) (*out)[std::string("@") + a.name()] = a.value();
  std::string text;
  bool has_elements = false;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    if (child.type() == pugi::node_element) has_elements = true;
  }
  const bool blank = std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
  if (!text.empty() && !(has_elements && blank)) (*out)["#text"] = text;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    Json& list = (*out)[child.name()];
    if (list.is_null()) list = Json::array();
    Json item;
    ElementToJson(child, &item);
    list.push_back(std::move(item));
  }
}

bool IsXmlName(std::string_view name) {
  if (name.empty()) return false;
  auto start = [](unsigned char c) { return std::isalpha(c) || c == '_'; };
  if (!start(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    const unsigned char c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
  });
}

}  // namespace

bool RecordsXmlToJson(std::string_view xml, Json* records, std::string* error) {
  // The XML layer's refusals (DOCTYPE, UTF-16, a wrong root …); control characters are the
  // records reader's to report per field, as for `check`.
  xml::Document doc;
  Diagnostics diagnostics;
  if (!doc.Load("records", xml, {.kind = "records file", .root = "stdok-records", .refuse_control_characters = false},
                &diagnostics)) {
    const Diagnostic& d = diagnostics.front();
    *error = "rad " + std::to_string(d.location.line) + ", kolumn " + std::to_string(d.location.column) +
             ": filen kan inte läsas som stdok-poster (" + d.message + ")";
    return false;
  }
  ElementToJson(doc.root(), records);
  return true;
}

std::string JsonPointerAppend(const std::string& pointer, std::string_view segment) {
  std::string out = pointer + "/";
  for (char c : segment) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Appends text while counting lines and columns, and marks where each JSON item starts.
class XmlWriter {
 public:
  explicit XmlWriter(GeneratedXml* out) : out_(out) {}

  void Append(std::string_view s) {
    for (char c : s) {
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    out_->text_ += s;
  }
  void Mark(const std::string& pointer) { out_->marks_.push_back({line_, column_, pointer}); }

  void AppendEscaped(std::string_view s, bool attribute) {
    std::string escaped;
    for (char c : s) {
      switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        case '"': escaped += attribute ? "&quot;" : "\""; break;
        case '\n': escaped += attribute ? "&#10;" : "\n"; break;
        case '\r': escaped += "&#13;"; break;
        case '\t': escaped += attribute ? "&#9;" : "\t"; break;
        default: escaped += c;
      }
    }
    Append(escaped);
  }

  bool Element(const std::string& name, const Json& value, const std::string& pointer, int depth) {
    if (!value.is_object()) return Fail(pointer, "ett element ska vara ett objekt");
    const std::string indent(static_cast<size_t>(depth) * 2, ' ');
    Append(indent);
    Mark(pointer);
    Append("<" + name);
    const Json* text = nullptr;
    bool has_children = false;
    for (const auto& [key, item] : value.items()) {
      const std::string at = JsonPointerAppend(pointer, key);
      if (key == "#text") {
        if (!item.is_string()) return Fail(at, "texten ska vara en sträng");
        text = &item;
      } else if (key.size() > 1 && key[0] == '@') {
        if (!IsXmlName(std::string_view(key).substr(1))) return Fail(at, "'" + key + "' är inget giltigt attributnamn");
        std::string attribute;
        if (item.is_string()) attribute = item.get<std::string>();
        else if (item.is_number()) attribute = item.dump();
        else return Fail(at, "värdet ska vara en sträng");
        Append(" ");
        Mark(at);
        Append(key.substr(1) + "=\"");
        AppendEscaped(attribute, true);
        Append("\"");
      } else {
        if (!IsXmlName(key)) return Fail(at, "'" + key + "' är inget giltigt elementnamn");
        if (!item.is_array()) return Fail(at, "'" + key + "' ska vara en lista");
        has_children = has_children || !item.empty();
      }
    }
    if (!text && !has_children) {
      Append("/>\n");
      return true;
    }
    Append(">");
    if (text) {
      Mark(JsonPointerAppend(pointer, "#text"));
      AppendEscaped(text->get<std::string>(), false);
    }
    if (has_children) {
      Append("\n");
      for (const auto& [key, item] : value.items()) {
        if (key == "#text" || key[0] == '@') continue;
        const std::string list = JsonPointerAppend(pointer, key);
        for (size_t i = 0; i < item.size(); ++i)
          if (!Element(key, item[i], list + "/" + std::to_string(i), depth + 1)) return false;
      }
      Append(indent);
    }
    Append("</" + name + ">\n");
    return true;
  }

  bool Fail(const std::string& pointer, const std::string& message) {
    error_ = message;
    error_pointer_ = pointer;
    return false;
  }

  std::string error_, error_pointer_;

 private:
  GeneratedXml* out_;
  int line_ = 1, column_ = 1;
};

bool RecordsJsonToXml(const Json& records, GeneratedXml* xml, std::string* error, std::string* error_pointer) {
  *xml = GeneratedXml();
  XmlWriter writer(xml);
  writer.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if (!writer.Element("stdok-records", records, "", 0)) {
    *error = writer.error_;
    *error_pointer = writer.error_pointer_;
    return false;
  }
  return true;
}

std::string GeneratedXml::PointerAt(int line, int column) const {
  // The last mark at or before line:column.
  auto after = std::upper_bound(marks_.begin(), marks_.end(), std::make_pair(line, column),
                                [](const std::pair<int, int>& at, const Mark& m) {
                                  return at < std::make_pair(m.line, m.column);
                                });
  if (after == marks_.begin()) return "";
  return std::prev(after)->pointer;
}

}  // namespace stdok
