#include "xml/document.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "text/unicode.h"

namespace stdok::xml {
namespace {

// XML 1.0 forbids "--" inside a comment (and a comment ending in "-"); pugixml accepts both.
// Returns the offset of the first such "--", or npos. CDATA sections are skipped.
size_t DoubleHyphenInComment(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t comment = text.find("<!--", i);
    size_t cdata = text.find("<![CDATA[", i);
    if (comment == std::string_view::npos) return std::string_view::npos;
    if (cdata < comment) {
      size_t end = text.find("]]>", cdata);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    size_t body = comment + 4;
    size_t end = text.find("-->", body);
    if (end == std::string_view::npos) return std::string_view::npos;  // pugixml reports it
    size_t hyphens = text.substr(body, end - body + 1).find("--");
    if (hyphens != std::string_view::npos) return body + hyphens;
    i = end + 3;
  }
  return std::string_view::npos;
}

std::string WithArticle(const std::string& kind) {
  const bool vowel = !kind.empty() && std::strchr("aeiouAEIOU", kind[0]) != nullptr;
  return (vowel ? "an " : "a ") + kind;
}

}  // namespace

std::string FindControlCharacter(std::string_view utf8, std::size_t* offset) {
  for (size_t pos = 0; pos < utf8.size();) {
    const size_t at = pos;
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
      ++pos;
      continue;
    }
    const int32_t c = NextUtf8(utf8, &pos);
    if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
      if (offset) *offset = at;
      return buffer;
    }
  }
  return "";
}

void Document::Reset() {
  document_.reset();
  source_.reset();
  buffer_.reset();
  pieces_.clear();
  text_.clear();
}

unsigned Document::ParseFlags(const LoadOptions& options) {
  unsigned flags = pugi::parse_default | pugi::parse_doctype;
  if (options.keep_whitespace_text) flags |= pugi::parse_ws_pcdata_single;
  if (options.keep_line_ends) flags &= ~pugi::parse_eol;
  return flags;
}

bool Document::CheckBytes(std::string_view text, const LoadOptions& options, const Refuse& refuse) {
  const std::string kind = WithArticle(options.kind);
  if (text.size() > options.max_bytes)
    return refuse(0, "xml.too-large",
                  "the file is " + std::to_string(text.size() >> 20) + " MiB; " + kind + " may be at most " +
                      std::to_string(options.max_bytes >> 20) + " MiB");
  // UTF-16 (and UTF-32) is recognized by its byte order mark, or by a NUL byte beside the
  // first '<' of an unmarked file.
  const bool utf16_bom = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                              (text[0] == '\xFE' && text[1] == '\xFF'));
  const bool utf16_unmarked = text.size() >= 2 && ((text[0] == '<' && text[1] == '\0') ||
                                                   (text[0] == '\0' && text[1] == '<'));
  if (utf16_bom || utf16_unmarked) return refuse(0, "xml.encoding", "the file is UTF-16; save it as UTF-8");
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    return refuse(static_cast<std::ptrdiff_t>(nul), "xml.encoding",
                  "the file holds a NUL byte here; " + kind + " is UTF-8 text");
  if (size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return refuse(static_cast<std::ptrdiff_t>(bad), "xml.encoding",
                  std::string("the file is not UTF-8: byte ") + byte +
                      " here is not part of a UTF-8 character (was it saved as Latin-1 or "
                      "Windows-1252?); save it as UTF-8");
  }
  if (options.refuse_control_characters) {
    size_t at = 0;
    if (std::string control = FindControlCharacter(text, &at); !control.empty())
      return refuse(static_cast<std::ptrdiff_t>(at), "xml.control-character",
                    "the file holds the control character " + control + " here, which " + kind +
                        " must not contain");
  }
  return true;
}

bool Document::ParseBuffer(std::size_t size, const LoadOptions& options, std::string_view text, std::size_t bom,
                           const Refuse& refuse) {
  const std::string kind = WithArticle(options.kind);
  const auto at = [&](std::ptrdiff_t buffer_offset) {
    return TextOffset(buffer_offset) + static_cast<std::ptrdiff_t>(bom);
  };
  const pugi::xml_parse_result result =
      document_.load_buffer_inplace(buffer_.get(), size, ParseFlags(options), pugi::encoding_utf8);
  if (!result) return refuse(at(result.offset), "xml.malformed", std::string("malformed XML: ") + result.description());
  if (size_t hyphens = DoubleHyphenInComment(text); hyphens != std::string_view::npos)
    return refuse(static_cast<std::ptrdiff_t>(hyphens), "xml.malformed", "malformed XML: '--' inside a comment");
  for (pugi::xml_node n = document_.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      // pugixml's offset is inside the declaration; point at its "<!".
      size_t declaration = text.rfind("<!", static_cast<size_t>(at(n.offset_debug())));
      return refuse(declaration == std::string_view::npos ? at(n.offset_debug()) : static_cast<std::ptrdiff_t>(declaration),
                    "xml.doctype", "a DOCTYPE is not allowed in " + kind + " (entities are not expanded)");
    }
  }
  const pugi::xml_node root = document_.document_element();
  if (!root) return refuse(static_cast<std::ptrdiff_t>(text.size()), "xml.malformed", "malformed XML: no root element");
  for (pugi::xml_node n = root.next_sibling(); n; n = n.next_sibling()) {
    // pugixml accepts more than one top-level element; XML does not, and a second one must
    // not vanish silently.
    if (n.type() == pugi::node_element)
      return refuse(at(n.offset_debug()), "xml.root",
                    std::string("the file has one root element; this second <") + n.name() + "> would be ignored");
  }
  if (!options.root.empty() && options.root != root.name())
    return refuse(at(root.offset_debug()), "xml.root",
                  "the root element of " + kind + " must be <" + options.root + ">, not <" + root.name() + ">");
  return true;
}

bool Document::Load(const std::string& path, std::string_view text, const LoadOptions& options,
                    Diagnostics* diagnostics) {
  Reset();
  path_ = path;
  const SourceText whole(path, text);
  const Refuse refuse = [&](std::ptrdiff_t offset, const char* rule, const std::string& message) {
    Diagnostic d;
    d.location = whole.Locate(offset);
    d.rule = rule;
    d.message = message;
    diagnostics->push_back(std::move(d));
    Reset();
    return false;
  };
  if (!CheckBytes(text, options, refuse)) return false;
  const size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view body = text.substr(bom);

  // Parse in place so that attribute and text pointers map back to file offsets.
  buffer_.reset(new char[body.size() + 1]);
  std::copy(body.begin(), body.end(), buffer_.get());
  buffer_[body.size()] = '\0';
  pieces_.push_back({0, 0});
  if (!ParseBuffer(body.size(), options, text, bom, refuse)) return false;
  // Offsets from here on are into the parsed text, after the byte order mark.
  text_.assign(body);
  source_ = std::make_shared<const SourceText>(path, text_);
  return true;
}

std::ptrdiff_t Document::TextOffset(std::ptrdiff_t buffer_offset) const {
  if (buffer_offset < 0 || pieces_.empty()) return buffer_offset;
  auto after = std::upper_bound(pieces_.begin(), pieces_.end(), static_cast<size_t>(buffer_offset),
                                [](size_t offset, const Piece& p) { return offset < p.buffer_offset; });
  const Piece& piece = *(after - 1);
  return static_cast<std::ptrdiff_t>(piece.text_offset + (static_cast<size_t>(buffer_offset) - piece.buffer_offset));
}

SourceLocation Document::LocateOffset(std::ptrdiff_t offset) const {
  if (!source_) return SourceLocation{path_, 0, 0};
  return source_->Locate(TextOffset(offset));
}

SourceLocation Document::Locate(pugi::xml_node node) const { return LocateOffset(node.offset_debug()); }

SourceLocation Document::LocateValue(const char* value) const { return LocateOffset(OffsetOf(value)); }

SourceLocation Document::Locate(pugi::xml_attribute attribute) const {
  if (!attribute) return SourceLocation{path_, 0, 0};
  // The value pointer lies inside the in-place parsed buffer; step back over ="… to the name.
  const std::ptrdiff_t value_offset = OffsetOf(attribute.value());
  const std::ptrdiff_t name_offset = value_offset - 2 - static_cast<std::ptrdiff_t>(std::strlen(attribute.name()));
  return LocateOffset(name_offset >= 0 ? name_offset : value_offset);
}

}  // namespace stdok::xml
