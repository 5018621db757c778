// The one door to XML: every XML file stdok reads (records, templates, forms, region profiles,
// reference data, the parts of an .xlsx) is loaded here, with the same refusals and the same
// file:line:column diagnostics. This header is the only place in src/ that includes pugixml
// (tests/layers_test.cc checks it); callers walk the tree with pugixml's node API. A large file
// can be read one top-level element at a time through xml/element_stream.h, which loads its
// parts into Documents with the same refusals and positions.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/status.h"
#include "xml/source_text.h"

namespace stdok::xml {

struct LoadOptions {
  // What the file is, for messages: "a DOCTYPE is not allowed in a <kind>".
  std::string kind = "XML file";
  // The name the root element must have; "" accepts any.
  std::string root;
  // C0 controls other than tab, line feed and carriage return, DEL and C1 controls refuse the
  // file. The records reader turns this off and reports them per field, so that one bad record
  // is skipped while the others are made.
  bool refuse_control_characters = true;
  // Text nodes of only white space are kept when they are an element's only child.
  bool keep_whitespace_text = false;
  // Line ends are kept as written ("\r\n" stays); otherwise they become "\n" as XML says.
  bool keep_line_ends = false;
  // A larger file is refused before it is parsed.
  std::size_t max_bytes = std::size_t{256} << 20;
};

// A parsed file that keeps its text, so that every node, attribute and text value maps back to
// file:line:column. Not copyable (nodes point into it); movable through unique_ptr.
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Parses `text`, the whole file read from `path` (the text is copied). On refusal adds one
  // error diagnostic at the offending byte and returns false; the document is then empty. The
  // refusals' rule ids are the same for every kind of file: xml.encoding, xml.malformed,
  // xml.doctype, xml.root, xml.control-character, xml.too-large (docs/rules.md).
  // Refused: a UTF-16 or UTF-32 file, a NUL byte, bytes that are not UTF-8, a file over
  // max_bytes, malformed XML (also "--" inside a comment, which pugixml accepts), a DOCTYPE
  // (entities are never expanded), a second root element, a root element other than
  // options.root and (see LoadOptions) control characters. A UTF-8 byte order mark is skipped.
  bool Load(const std::string& path, std::string_view text, const LoadOptions& options,
            Diagnostics* diagnostics);

  pugi::xml_node root() const { return document_.document_element(); }
  const std::string& path() const { return path_; }

  // Where a node's name starts (pugixml's offset_debug), where an attribute's name starts, where a text value (a
  // pointer returned by value() of a node or attribute of this document) starts.
  SourceLocation Locate(pugi::xml_node node) const;
  SourceLocation Locate(pugi::xml_attribute attribute) const;
  SourceLocation LocateValue(const char* value) const;
  // A byte offset into the parsed text (pugixml's offsets, e.g. offset_debug()).
  SourceLocation LocateOffset(std::ptrdiff_t offset) const;
  // The byte offset of a text value in the parsed text.
  std::ptrdiff_t OffsetOf(const char* value) const { return value - buffer_.get(); }

 private:
  friend class ElementStream;  // xml/element_stream.h parses parts of a file into Documents
  // Records a refusal at a byte offset of the file's text; returns false.
  using Refuse = std::function<bool(std::ptrdiff_t offset, const char* rule, const std::string& message)>;
  // Where a run of the parsed buffer comes from in the file's text (after a byte order mark):
  // one run for a whole file, several for the parts ElementStream puts together.
  struct Piece {
    std::size_t buffer_offset;
    std::size_t text_offset;
  };

  void Reset();
  static unsigned ParseFlags(const LoadOptions& options);
  // The refusals that only look at the bytes: size, UTF-16/32, NUL, UTF-8, control characters.
  static bool CheckBytes(std::string_view text, const LoadOptions& options, const Refuse& refuse);
  // Parses buffer_ (`size` bytes, pieces_ set) and applies the refusals of the tree (malformed,
  // "--" in a comment of `text`, DOCTYPE, root elements). `text` is the whole file with its
  // byte order mark of `bom` bytes; offsets given to `refuse` are into it.
  bool ParseBuffer(std::size_t size, const LoadOptions& options, std::string_view text, std::size_t bom,
                   const Refuse& refuse);
  // The offset in the file's text (after a byte order mark) of an offset into buffer_.
  std::ptrdiff_t TextOffset(std::ptrdiff_t buffer_offset) const;

  std::string path_;
  std::unique_ptr<char[]> buffer_;  // parsed in place, so value pointers map to offsets
  std::vector<Piece> pieces_;       // sorted by buffer_offset; the first at 0
  std::string text_;                // Load: the text as read (after a byte order mark), for positions
  std::shared_ptr<const SourceText> source_;  // over text_, or shared by an ElementStream's parts
  pugi::xml_document document_;
};

// The first character that must not appear in text (C0 controls other than tab, line feed and
// carriage return, DEL, C1 controls) as "U+0001", with its byte offset; "" when there is none.
std::string FindControlCharacter(std::string_view utf8, std::size_t* offset = nullptr);

}  // namespace stdok::xml
