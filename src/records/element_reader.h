// Reads one XML element strictly: typed attribute access with diagnostics that point at the
// attribute, and a report of every attribute or child element nobody asked for (typos).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "xml/document.h"

namespace stdok {

// Shared state of one file being read: where offsets map to, and where findings go.
struct ReadContext {
  const xml::Document* document = nullptr;
  Diagnostics* diagnostics = nullptr;
  std::string trainee_id;  // set while reading a trainee, so findings name the record
  // Reading again what was read (and reported) before (RecordsSource::Read): the values are
  // the same, but the bookkeeping that only finds unknown attributes and elements is skipped.
  bool findings_known = false;
};

class ElementReader {
 public:
  ElementReader(pugi::xml_node node, ReadContext* context);
  // Reports unread attributes and unexpected children as errors.
  ~ElementReader();
  ElementReader(const ElementReader&) = delete;
  ElementReader& operator=(const ElementReader&) = delete;

  pugi::xml_node node() const { return node_; }
  SourceLocation Where() const;

  // Text attribute, NFC-normalized and trimmed; "" when absent. Required ones report absence.
  std::string Text(const char* name, bool required = false);
  std::optional<Date> DateAttr(const char* name, bool required = false);
  // A finite number in [min, max] (decimal point or comma); NaN and infinities are refused.
  std::optional<double> Number(const char* name, double min, double max, bool required = false);
  std::optional<int> Integer(const char* name, int min, int max, bool required = false);
  bool Flag(const char* name, bool default_value);  // yes/no, true/false, ja/nej
  std::vector<std::string> Codes(const char* name);  // space-, comma- or semicolon-separated list

  // The element's own text content (all text children), NFC-normalized; paragraphs kept.
  std::string Content();
  // Text content of the single child element `name`, "" when absent (see Single).
  std::string ChildText(const char* name);
  // The child element `name` that may occur once: the first one, or an empty node. Every
  // further one is reported (records.duplicate-element) at its own location.
  pugi::xml_node Single(const char* name);

  // Children with this name; marks the name as expected.
  std::vector<pugi::xml_node> Children(const char* name);
  // Declares an expected child name without reading it here.
  void Allow(const char* child_name) {
    if (!context_->findings_known) allowed_children_.insert(child_name);
  }

  void Error(const std::string& field, const std::string& rule, const std::string& message,
             pugi::xml_attribute attribute = {});
  SourceLocation AttributeLocation(pugi::xml_attribute attribute) const;
  // A diagnostic about a child element (or this one), located at it.
  void ErrorAt(pugi::xml_node node, const std::string& field, const std::string& rule,
               const std::string& message);

 private:
  pugi::xml_node node_;
  ReadContext* context_;
  std::set<std::string> read_attributes_;
  std::set<std::string> allowed_children_;
  bool content_read_ = false;
};

// Splits a list of delmål codes (or ids) at spaces, commas and semicolons.
std::vector<std::string> SplitCodes(const std::string& text);

// The runs of digits with '-' or '+' inside them (never at either end), as (offset, length):
// where a personnummer may hide in a value.
std::vector<std::pair<size_t, size_t>> NumberRuns(std::string_view text);

// A value as it may be quoted in a message: anything shaped like a personnummer is masked
// ("19850312-****"), so that a number typed into the wrong attribute does not leak.
std::string ShownValue(const std::string& value);

// Normalizes text read from XML: NFC, line ends to '\n', trailing spaces and common
// indentation removed, runs of blank lines kept as paragraph breaks ("\n\n").
std::string NormalizeContentText(const std::string& raw);

}  // namespace stdok
