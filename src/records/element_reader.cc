#include "records/element_reader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "text/personnummer.h"
#include "text/unicode.h"

namespace stdok {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string NumberText(double value) {
  char buffer[48];
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// The element's path as findings name it: relative to its trainee (or to the file for what
// is not inside a trainee), e.g. "side-placement/plan" or "education/licence".
std::string PathOf(pugi::xml_node node) {
  pugi::xml_node parent = node.parent();
  std::string_view name = node.name();
  if (name == "trainee" || name == "stdok-records" || !parent || parent.type() != pugi::node_element ||
      std::string_view(parent.name()) == "trainee" || std::string_view(parent.name()) == "stdok-records")
    return std::string(name);
  return PathOf(parent) + "/" + std::string(name);
}

}  // namespace

std::vector<std::pair<size_t, size_t>> NumberRuns(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> runs;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < text.size()) {
    if (!digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i, last_digit = i;
    while (end < text.size() && (digit(text[end]) || text[end] == '-' || text[end] == '+')) {
      if (digit(text[end])) last_digit = end;
      ++end;
    }
    runs.emplace_back(i, last_digit + 1 - i);
    i = last_digit + 1;
  }
  return runs;
}

std::string ShownValue(const std::string& value) {
  std::string out;
  size_t done = 0;
  for (auto [start, length] : NumberRuns(value)) {
    std::string masked = MaskPersonalNumber(std::string_view(value).substr(start, length));
    if (masked == "****") continue;  // not shaped like a personnummer
    out += value.substr(done, start - done) + masked;
    done = start + length;
  }
  return out + value.substr(done);
}

std::string NormalizeContentText(const std::string& raw) {
  std::string text = NormalizeNfc(raw);
  // Split into lines, trim each, join lines of one paragraph with spaces.
  std::string out;
  std::string paragraph;
  size_t start = 0;
  auto flush = [&]() {
    if (paragraph.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
    paragraph.clear();
  };
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(std::string_view(text).substr(start, end - start));
    if (line.empty()) {
      flush();
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    start = end + 1;
  }
  flush();
  return out;
}

ElementReader::ElementReader(pugi::xml_node node, ReadContext* context)
    : node_(node), context_(context) {}

ElementReader::~ElementReader() {
  if (context_->findings_known) return;
  std::set<std::string> seen;
  for (pugi::xml_attribute a = node_.first_attribute(); a; a = a.next_attribute()) {
    if (!seen.insert(a.name()).second) {
      Error(std::string("@") + a.name(), "records.duplicate-attribute",
            std::string("attribute '") + a.name() + "' is given twice on <" + node_.name() + ">", a);
      continue;
    }
    if (read_attributes_.count(a.name())) continue;
    Error(std::string("@") + a.name(), "records.unknown-attribute",
          std::string("unknown attribute '") + a.name() + "' on <" + node_.name() + ">", a);
  }
  for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) {
      if (allowed_children_.count(c.name())) continue;
      Diagnostic d;
      d.location = context_->document->Locate(c);
      d.trainee_id = context_->trainee_id;
      d.field = PathOf(c);
      d.rule = "records.unknown-element";
      d.message = std::string("unexpected element <") + c.name() + "> inside <" + node_.name() + ">";
      context_->diagnostics->push_back(std::move(d));
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !content_read_) {
      if (Trim(c.value()).empty()) continue;
      Diagnostic d;
      d.location = context_->document->LocateValue(c.value());
      d.trainee_id = context_->trainee_id;
      d.field = PathOf(node_);
      d.rule = "records.unexpected-text";
      d.message = std::string("text is not expected directly inside <") + node_.name() + ">";
      context_->diagnostics->push_back(std::move(d));
    }
  }
}

SourceLocation ElementReader::Where() const {
  return context_->document->Locate(node_);
}

SourceLocation ElementReader::AttributeLocation(pugi::xml_attribute attribute) const {
  if (!attribute) return Where();
  return context_->document->Locate(attribute);
}

void ElementReader::ErrorAt(pugi::xml_node node, const std::string& field, const std::string& rule,
                            const std::string& message) {
  Diagnostic d;
  d.location = context_->document->Locate(node);
  d.trainee_id = context_->trainee_id;
  d.field = field;
  d.rule = rule;
  d.message = message;
  context_->diagnostics->push_back(std::move(d));
}

void ElementReader::Error(const std::string& field, const std::string& rule,
                          const std::string& message, pugi::xml_attribute attribute) {
  Diagnostic d;
  d.location = AttributeLocation(attribute);
  d.trainee_id = context_->trainee_id;
  d.field = PathOf(node_) + (field.empty() ? "" : "/" + field);
  d.rule = rule;
  d.message = message;
  context_->diagnostics->push_back(std::move(d));
}

std::string ElementReader::Text(const char* name, bool required) {
  if (!context_->findings_known) read_attributes_.insert(name);
  pugi::xml_attribute a = node_.attribute(name);
  if (!a) {
    if (required)
      Error(std::string("@") + name, "records.missing-attribute",
            std::string("<") + node_.name() + "> needs the attribute '" + name + "'");
    return "";
  }
  std::string value = CollapseWhitespace(NormalizeNfc(a.value()));
  if (std::string control = xml::FindControlCharacter(a.value()); !control.empty()) {
    Error(std::string("@") + name, "records.control-character",
          std::string("attribute '") + name + "' holds the control character " + control +
              ", which a records file must not contain",
          a);
    std::string clean;
    for (char c : value)
      if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) clean += c;
    value = clean;  // C1 controls are left for the error to stop the record
  }
  if (required && value.empty())
    Error(std::string("@") + name, "records.empty-attribute",
          std::string("attribute '") + name + "' must not be empty", a);
  return value;
}

std::optional<Date> ElementReader::DateAttr(const char* name, bool required) {
  std::string text = Text(name, required);
  if (text.empty()) return std::nullopt;
  auto date = ParseIsoDate(text);
  if (!date)
    Error(std::string("@") + name, "records.date-invalid",
          std::string("'") + ShownValue(text) + "' is not a valid date (expected ÅÅÅÅ-MM-DD)",
          node_.attribute(name));
  return date;
}

std::optional<double> ElementReader::Number(const char* name, double min, double max,
                                            bool required) {
  std::string text = Text(name, required);
  if (text.empty()) return std::nullopt;
  std::string normalized = text;
  for (char& c : normalized)
    if (c == ',') c = '.';
  double value = 0;
  auto [ptr, ec] = std::from_chars(normalized.data(), normalized.data() + normalized.size(), value);
  if (ec != std::errc() || ptr != normalized.data() + normalized.size() || !std::isfinite(value) ||
      value < min || value > max) {
    Error(std::string("@") + name, "records.number-invalid",
          std::string("'") + ShownValue(text) + "' is not a number between " + NumberText(min) +
              " and " + NumberText(max),
          node_.attribute(name));
    return std::nullopt;
  }
  return value;
}

std::optional<int> ElementReader::Integer(const char* name, int min, int max, bool required) {
  std::string text = Text(name, required);
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    Error(std::string("@") + name, "records.integer-invalid",
          std::string("'") + ShownValue(text) + "' is not a whole number between " + std::to_string(min) +
              " and " + std::to_string(max),
          node_.attribute(name));
    return std::nullopt;
  }
  return value;
}

bool ElementReader::Flag(const char* name, bool default_value) {
  std::string text = Text(name);
  if (text.empty()) return default_value;
  if (text == "yes" || text == "true" || text == "ja") return true;
  if (text == "no" || text == "false" || text == "nej") return false;
  Error(std::string("@") + name, "records.flag-invalid",
        std::string("'") + ShownValue(text) + "' must be yes or no", node_.attribute(name));
  return default_value;
}

std::vector<std::string> ElementReader::Codes(const char* name) { return SplitCodes(Text(name)); }

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> codes;
  std::string current;
  for (char c : text + " ") {
    if (c == ' ' || c == ',' || c == ';') {
      if (!current.empty()) codes.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return codes;
}

std::string ElementReader::Content() {
  content_read_ = true;
  std::string raw;
  for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
    if (std::string control = xml::FindControlCharacter(c.value()); !control.empty()) {
      Diagnostic d;
      d.location = context_->document->LocateValue(c.value());
      d.trainee_id = context_->trainee_id;
      d.field = PathOf(node_);
      d.rule = "records.control-character";
      d.message = std::string("the text of <") + node_.name() + "> holds the control character " +
                  control + ", which a records file must not contain";
      context_->diagnostics->push_back(std::move(d));
      for (const char* p = c.value(); *p; ++p)
        if (static_cast<unsigned char>(*p) >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r') raw += *p;
      continue;
    }
    raw += c.value();
  }
  return NormalizeContentText(raw);
}

pugi::xml_node ElementReader::Single(const char* name) {
  if (!context_->findings_known) allowed_children_.insert(name);
  pugi::xml_node first = node_.child(name);
  if (!first || !first.next_sibling(name)) return first;
  int line = context_->document->Locate(first).line;
  for (pugi::xml_node extra = first.next_sibling(name); extra; extra = extra.next_sibling(name)) {
    std::string parent = node_.name();
    std::string field = parent == "trainee" ? std::string(name) : PathOf(node_) + "/" + name;
    ErrorAt(extra, field, "records.duplicate-element",
            std::string("<") + name + "> may appear only once in <" + parent +
                ">; the first is on line " + std::to_string(line) +
                ", so this one would be ignored: merge the two");
  }
  return first;
}

std::string ElementReader::ChildText(const char* name) {
  pugi::xml_node child = Single(name);
  if (!child) return "";
  ElementReader reader(child, context_);
  return reader.Content();
}

std::vector<pugi::xml_node> ElementReader::Children(const char* name) {
  if (!context_->findings_known) allowed_children_.insert(name);
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node_.child(name); c; c = c.next_sibling(name)) out.push_back(c);
  return out;
}

}  // namespace stdok
