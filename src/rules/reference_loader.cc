#include <cstdio>
#include <cstdlib>

#include <unicode/unistr.h>

#include "rules/reference_data.h"
#include "xml/document.h"

namespace stdok {
namespace {

// The reference file's root element; a broken file (it is compiled in) stops the program.
pugi::xml_node Root(xml::Document* doc, std::string_view text, const char* file, const char* root) {
  Diagnostics diagnostics;
  if (!doc->Load(std::string("reference/") + file, text, {.kind = "reference file", .root = root}, &diagnostics)) {
    std::fprintf(stderr, "stdok: %s: %s; rebuild from a good copy\n",
                 diagnostics.back().location.ToString().c_str(), diagnostics.back().message.c_str());
    std::abort();
  }
  return doc->root();
}

std::string Folded(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

}  // namespace

const DelmalReference& Delmal() {
  static const DelmalReference data = [] {
    DelmalReference d;
    xml::Document doc;
    pugi::xml_node root = Root(&doc, DelmalReferenceXml(), "delmal.xml", "delmal");
    for (pugi::xml_node n : root.children("set"))
      d.sets.push_back({n.attribute("prefix").value(), n.attribute("count").as_int(),
                        n.attribute("regulation").value(), std::string(n.attribute("part").value()) == "bt"});
    for (pugi::xml_node n : root.children("title")) d.titles.emplace_back(n.attribute("code").value(), n.text().get());
    for (pugi::xml_node n : root.children("c-count"))
      d.c_counts.push_back({n.attribute("specialty").value(), n.attribute("regulation").value(),
                            n.attribute("count").as_int(), std::string(n.attribute("certain").value()) == "yes"});
    return d;
  }();
  return data;
}

const std::vector<SpecialtyData>& Specialties() {
  static const std::vector<SpecialtyData> data = [] {
    std::vector<SpecialtyData> list;
    xml::Document doc;
    pugi::xml_node root = Root(&doc, SpecialtiesReferenceXml(), "specialties.xml", "specialties");
    for (pugi::xml_node group : root.children("group"))
      for (pugi::xml_node s : group.children("specialty"))
        list.push_back({s.text().get(), s.attribute("kind").value(), group.attribute("name").value()});
    return list;
  }();
  return data;
}

const SpecialtyData* FindSpecialty(std::string_view name) {
  std::string wanted = Folded(name);
  for (const SpecialtyData& s : Specialties())
    if (Folded(s.name) == wanted) return &s;
  return nullptr;
}

}  // namespace stdok
