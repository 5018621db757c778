#include "xml/element_stream.h"

#include <algorithm>
#include <cstring>

namespace stdok::xml {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// A start or empty-element tag from its '<': the offset after its '>' (kNone when it does not
// end), and whether it is empty ("/>"). Quoted attribute values may hold '>' and '/'.
std::size_t SkipTag(std::string_view text, std::size_t at, bool* empty) {
  char quote = 0;
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      *empty = text[i - 1] == '/';
      return i + 1;
    } else if (c == '<') {
      return kNone;
    }
  }
  return kNone;
}

// The offset after `end` searched from `from`, or kNone.
std::size_t After(std::string_view text, std::size_t from, std::string_view end) {
  const std::size_t at = text.find(end, from);
  return at == kNone ? kNone : at + end.size();
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.compare(at, prefix.size(), prefix) == 0;
}

// Whether the tag at text[at] == '<' is named `name`.
bool TagNamed(std::string_view text, std::size_t at, std::string_view name) {
  const std::size_t after = at + 1 + name.size();
  return StartsWith(text, at + 1, name) && after < text.size() && std::strchr(" \t\r\n/>", text[after]) &&
         text[after] != '\0';
}

}  // namespace

bool FindChildElements(std::string_view text, std::string_view name,
                       std::vector<std::pair<std::size_t, std::size_t>>* ranges) {
  ranges->clear();
  std::size_t i = 0;
  while (true) {  // the prolog: declarations, processing instructions, comments
    i = text.find('<', i);
    if (i == kNone) return false;
    if (StartsWith(text, i, "<?")) i = After(text, i + 2, "?>");
    else if (StartsWith(text, i, "<!--")) i = After(text, i + 4, "-->");
    else if (StartsWith(text, i, "<!")) return false;  // a DOCTYPE
    else break;
    if (i == kNone) return false;
  }
  bool empty = false;
  i = SkipTag(text, i, &empty);
  if (i == kNone) return false;
  if (empty) return true;
  int depth = 1;
  std::size_t child = kNone;  // where the streamed child being scanned starts
  while (true) {
    const std::size_t lt = text.find('<', i);
    if (lt == kNone) return false;
    if (StartsWith(text, lt, "<!--")) {
      i = After(text, lt + 4, "-->");
    } else if (StartsWith(text, lt, "<![CDATA[")) {
      i = After(text, lt + 9, "]]>");
    } else if (StartsWith(text, lt, "<?")) {
      i = After(text, lt + 2, "?>");
    } else if (StartsWith(text, lt, "<!")) {
      return false;
    } else if (StartsWith(text, lt, "</")) {
      i = After(text, lt + 2, ">");
      if (i == kNone) return false;
      if (--depth == 0) return true;
      if (depth == 1 && child != kNone) {
        ranges->emplace_back(child, i);
        child = kNone;
      }
    } else {
      i = SkipTag(text, lt, &empty);
      if (i == kNone) return false;
      if (depth == 1 && TagNamed(text, lt, name)) {
        if (empty) ranges->emplace_back(lt, i);
        else child = lt;
      }
      if (!empty) ++depth;
    }
    if (i == kNone) return false;
  }
}

bool ElementStream::Load(const std::string& path, std::string_view text, const LoadOptions& options,
                         const std::string& streamed, Diagnostics* diagnostics, bool check_elements) {
  path_ = path;
  streamed_ = streamed;
  options_ = options;
  const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  body_ = text.substr(bom);
  if (LoadStreaming(text, bom, check_elements)) {
    streaming_ = true;
    streamed_count_ = ranges_.size();
    return true;
  }
  // The scan found something it cannot place, or pugixml refuses a part: the whole file is
  // loaded as before, which gives the refusal (or, should the scan be wrong, the tree).
  return LoadWhole(path, text, options, streamed, diagnostics);
}

bool ElementStream::LoadWhole(const std::string& path, std::string_view text, const LoadOptions& options,
                              const std::string& streamed, Diagnostics* diagnostics) {
  path_ = path;
  streamed_ = streamed;
  options_ = options;
  body_ = text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  streaming_ = false;
  ranges_ = {};
  source_.reset();
  root_ = std::make_unique<Document>();
  whole_elements_.clear();
  if (!root_->Load(path, text, options, diagnostics)) return false;
  for (pugi::xml_node n = root().child(streamed.c_str()); n; n = n.next_sibling(streamed.c_str()))
    whole_elements_.push_back(n);
  streamed_count_ = whole_elements_.size();
  return true;
}

bool ElementStream::LoadStreaming(std::string_view text, std::size_t bom, bool check_elements) {
  const Document::Refuse silent = [](std::ptrdiff_t, const char*, const std::string&) { return false; };
  if (!Document::CheckBytes(text, options_, silent)) return false;
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (!FindChildElements(body_, streamed_, &found)) return false;
  ranges_.clear();
  ranges_.reserve(found.size());
  for (auto [begin, end] : found) ranges_.push_back({begin, end});

  // The root's document: the text without the streamed elements, an empty one in each place.
  const std::string placeholder = "<" + streamed_ + "/>";
  std::size_t size = body_.size() + ranges_.size() * placeholder.size();
  for (const Range& r : ranges_) size -= r.end - r.begin;
  root_ = std::make_unique<Document>();
  Document& shell = *root_;
  shell.path_ = path_;
  shell.buffer_.reset(new char[size + 1]);
  char* out = shell.buffer_.get();
  std::size_t from = 0;
  auto copy = [&](std::string_view part, std::size_t text_offset) {
    shell.pieces_.push_back({static_cast<std::size_t>(out - shell.buffer_.get()), text_offset});
    out = std::copy(part.begin(), part.end(), out);
  };
  for (const Range& r : ranges_) {
    copy(body_.substr(from, r.begin - from), from);
    copy(placeholder, r.begin);
    from = r.end;
  }
  copy(body_.substr(from), from);
  *out = '\0';
  source_ = std::make_shared<const SourceText>(path_, body_);
  shell.source_ = source_;
  if (!shell.ParseBuffer(size, options_, text, bom, silent)) return false;

  // Each placeholder must be a child of the root where the scan found the element (the scan
  // and pugixml agree on the structure), and no other child may have the name.
  std::size_t k = 0;
  for (pugi::xml_node n = root().child(streamed_.c_str()); n; n = n.next_sibling(streamed_.c_str()), ++k) {
    if (k == ranges_.size() || n.first_child() || n.first_attribute() ||
        shell.TextOffset(n.offset_debug()) != static_cast<std::ptrdiff_t>(ranges_[k].begin + 1))
      return false;
  }
  if (k != ranges_.size()) return false;
  if (!check_elements) return true;
  Document scratch;
  for (const Range& r : ranges_)
    if (!ParseElement(r, &scratch)) return false;
  return true;
}

bool ElementStream::ParseElement(const Range& range, Document* out) const {
  out->Reset();
  out->path_ = path_;
  const std::size_t size = range.end - range.begin;
  out->buffer_.reset(new char[size + 1]);
  std::copy(body_.begin() + static_cast<std::ptrdiff_t>(range.begin),
            body_.begin() + static_cast<std::ptrdiff_t>(range.end), out->buffer_.get());
  out->buffer_[size] = '\0';
  out->pieces_.push_back({0, range.begin});
  out->source_ = source_;
  if (!out->document_.load_buffer_inplace(out->buffer_.get(), size, Document::ParseFlags(options_), pugi::encoding_utf8))
    return false;
  // Exactly the one element, as in the whole file.
  const pugi::xml_node element = out->document_.first_child();
  return element.type() == pugi::node_element && streamed_ == element.name() && !element.next_sibling() &&
         element.offset_debug() == 1;
}

StreamedElement ElementStream::Element(std::size_t index, Document* scratch) const {
  if (!streaming_) return {root_.get(), whole_elements_[index]};
  if (!ParseElement(ranges_[index], scratch)) return {};
  return {scratch, scratch->root()};
}

}  // namespace stdok::xml
