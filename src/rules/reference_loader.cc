#include <cstdio>
#include <cstdlib>

#include <pugixml.hpp>
#include <unicode/unistr.h>

#include "rules/reference_data.h"

namespace stdok {
namespace {

pugi::xml_node Root(pugi::xml_document* doc, std::string_view text, const char* file, const char* root) {
  pugi::xml_parse_result result = doc->load_buffer(text.data(), text.size());
  pugi::xml_node node = doc->child(root);
  if (!result || !node) {
    std::fprintf(stderr, "stdok: reference/%s is broken (%s); rebuild from a good copy\n", file,
                 result ? "wrong root element" : result.description());
    std::abort();
  }
  return node;
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
    pugi::xml_document doc;
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
    pugi::xml_document doc;
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
