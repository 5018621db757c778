// A large XML file read one top-level element at a time, so that memory holds the file's text
// and one element's tree rather than the tree of the whole file (the records file of a cohort:
// docs/performance.md, Memory). Part of the XML door (xml/document.h): the same refusals, the
// same one error at the same file:line:column, the same trees and positions as Document::Load.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "xml/document.h"

namespace stdok::xml {

// One streamed element: the document that holds it and the element itself.
struct StreamedElement {
  const Document* document = nullptr;
  pugi::xml_node node;
};

class ElementStream {
 public:
  // Loads `text`, the whole file read from `path`, as Document::Load does, except that the
  // root's child elements named `streamed` are only found, not kept: root() is the root with
  // every other child, and an empty <streamed/> in place of each streamed one (so that a reader
  // that checks the root's children sees the same names in the same order; when the whole
  // file had to be kept, see streaming(), the streamed elements themselves). Every streamed
  // element is parsed once here, so that a refusal anywhere in the file is this call's, with
  // the very diagnostic Document::Load gives; Element() cannot fail afterwards.
  // With `check_elements` false the streamed elements are not parsed here (a reader that
  // reads each of them once anyway saves a parse): Element() may then fail, and the caller,
  // having dropped what it read, calls LoadWhole for the refusal.
  // REQUIRES: `text` outlives the stream and does not change.
  bool Load(const std::string& path, std::string_view text, const LoadOptions& options,
            const std::string& streamed, Diagnostics* diagnostics, bool check_elements = true);
  // Loads the whole file as Document::Load does (after Element() failed): false with its one
  // refusal; true (should the scan and pugixml ever disagree) with the whole tree kept.
  bool LoadWhole(const std::string& path, std::string_view text, const LoadOptions& options,
                 const std::string& streamed, Diagnostics* diagnostics);

  // The root element's document; locates as Document does.
  const Document& root_document() const { return *root_; }
  pugi::xml_node root() const { return root_->root(); }
  // How many elements are streamed.
  std::size_t size() const { return streamed_count_; }
  // The index-th streamed element, in file order; parsed into *scratch (whose previous tree it
  // replaces) unless the whole file had to be kept. Valid until *scratch is reused. Without
  // check_elements, an element pugixml refuses gives a null document and node.
  StreamedElement Element(std::size_t index, Document* scratch) const;
  // Whether the elements are parsed one at a time (false: the whole file's tree is kept, which
  // happens only when the scan of the file disagrees with pugixml; the results are the same).
  bool streaming() const { return streaming_; }

 private:
  struct Range {
    std::size_t begin;  // offsets into the text after a byte order mark: '<' …
    std::size_t end;    // … one past the closing '>'
  };
  bool LoadStreaming(std::string_view text, std::size_t bom, bool check_elements);
  bool ParseElement(const Range& range, Document* out) const;

  std::string path_;
  std::string_view body_;  // the text after a byte order mark
  std::string streamed_;
  LoadOptions options_;
  std::size_t streamed_count_ = 0;
  bool streaming_ = false;
  std::vector<Range> ranges_;               // streaming: the streamed elements
  std::shared_ptr<const SourceText> source_;  // streaming: positions, shared by every part
  std::unique_ptr<Document> root_ = std::make_unique<Document>();
  std::vector<pugi::xml_node> whole_elements_;  // not streaming: the streamed elements' nodes
};

// The byte ranges of the root's child elements named `name` in `text` (no byte order mark),
// found by a scan that knows tags, quoted attribute values, comments, CDATA sections and
// processing instructions. False when the scan meets anything else it cannot place (a
// DOCTYPE, an unterminated construct, no root element); pugixml then decides.
bool FindChildElements(std::string_view text, std::string_view name,
                       std::vector<std::pair<std::size_t, std::size_t>>* ranges);

}  // namespace stdok::xml
