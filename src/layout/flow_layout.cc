#include "layout/flow_layout.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "layout/line_breaker.h"
#include "layout/seen_twice_memo.h"
#include "text/hyphenation.h"

namespace stdok {
namespace {

constexpr double kMm = kPointsPerMm;

// A run of lines is not split so that fewer than this many lines stand alone on a page.
constexpr size_t kMinLinesPerPart = 2;

// The per-thread memo of paragraphs' lines (see RememberedParts): its bound, the longest text
// it takes, and how many texts seen once it tracks before it forgets them.
constexpr size_t kParagraphMemoBytes = 4 << 20;
constexpr size_t kParagraphMemoTextBytes = 16 << 10;
constexpr size_t kParagraphMemoSeenOnce = 1 << 16;

// How many of a paragraph's first `lines` must share a page: all of a paragraph too short to
// leave kMinLinesPerPart on each side of a break, else kMinLinesPerPart (no orphan).
size_t LinesKeptTogether(size_t lines) {
  return lines < 2 * kMinLinesPerPart ? lines : kMinLinesPerPart;
}

class FlowLayout {
 public:
  FlowLayout(const TextMeasurer& m, const FlowStyle& s) : m_(m), s_(s) {
    content_width_ = kPageWidth - s_.margin_left - s_.margin_right;
    NewPage();
  }

  LaidOutDocument Run(const Document& doc) {
    const std::vector<Block>& blocks = doc.blocks;
    std::vector<SignatureChain> chains = SignatureChains(blocks);
    size_t next_chain = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (next_chain < chains.size() && chains[next_chain].start == i) {
        PlaceWithSignatures(blocks, chains[next_chain]);
        i = chains[next_chain++].signatures;
        continue;
      }
      PlaceBlock(blocks, i);
    }
    LaidOutDocument out;
    out.info = doc.info;
    out.pages = std::move(pages_);
    AddFooters(&out);
    return out;
  }

 private:
  Page& page() { return pages_.back(); }
  double top() const { return kPageHeight - s_.margin_top; }
  double BodyHeight() const { return top() - s_.margin_bottom; }
  bool PageIsEmpty() const { return y_ >= top() - 0.01; }
  void NewPage() {
    pages_.emplace_back();
    y_ = top();
  }
  // Makes room for `height` points, starting a new page if it does not fit.
  void Need(double height) {
    if (y_ - height < Bottom() && !PageIsEmpty()) NewPage();
  }
  bool Fits(double height) const { return y_ - height >= Bottom() - 0.01; }
  // Where the body ends on the current page: the bottom margin, raised on the one page where
  // room is kept for the signature block (see PlaceWithSignatures).
  double Bottom() const {
    return s_.margin_bottom + (pages_.size() == reserve_page_ + 1 ? reserve_ : 0);
  }
  double LineHeight(double size) const { return size * s_.leading; }

  // BreakLines, once per text, width, face and size in the document: a field's or a cell's
  // lines are asked for its height and again to place it (so that the thread's memo of lines
  // sees a text twice only when two documents have it).
  const std::vector<std::string>& Lines(std::string_view text, double width, FontFace face, double size) {
    std::string& key = lines_key_;
    key.clear();
    AppendKey(&key, width);
    AppendKey(&key, face);
    AppendKey(&key, size);
    key.append(text);
    if (auto it = lines_.find(std::string_view(key)); it != lines_.end()) return it->second;
    return lines_.emplace(key, BreakLines(text, width, face, size, m_)).first->second;
  }

  void Text(double x, double baseline, FontFace face, double size, std::string text) {
    if (text.empty()) return;
    page().texts.push_back({x, baseline, face, size, std::move(text)});
  }
  void Line(double x1, double y1, double x2, double y2, double width = 0.5) {
    page().lines.push_back({x1, y1, x2, y2, width});
  }

  // Lines of text at x within width; splits across pages line by line.
  void FlowLines(const std::vector<std::string>& lines, double x, FontFace face, double size) {
    double lh = LineHeight(size);
    for (const std::string& line : lines) {
      Need(lh);
      y_ -= lh;
      Text(x, y_ + lh * 0.25, face, size, line);
    }
  }

  void PlaceBlock(const std::vector<Block>& blocks, size_t i) {
    if (KeptWithNext(blocks, i)) KeepTogether(blocks, i);
    Place(blocks[i]);
  }

  // ---- The last content block goes with the signatures --------------------------------------

  static bool IsContent(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kParagraph:
      case Block::Kind::kField:
      case Block::Kind::kFieldRow:
      case Block::Kind::kCheckboxes:
      case Block::Kind::kList:
      case Block::Kind::kTable: return true;
      default: return false;
    }
  }

  // A signature block and the last content block before it (with the headings that lead into
  // that block): `start` <= `content` < `signatures`. Between `content` and `signatures` lie
  // only headings, spacers and the short sentence that introduces the signatures ("Vi är
  // överens om ovanstående"), which belongs to the signatures rather than being content.
  struct SignatureChain {
    size_t start = 0, content = 0, signatures = 0;
  };

  std::vector<SignatureChain> SignatureChains(const std::vector<Block>& blocks) {
    std::vector<SignatureChain> chains;
    size_t free_from = 0;  // blocks before this belong to an earlier chain
    for (size_t s = 0; s < blocks.size(); ++s) {
      if (blocks[s].kind != Block::Kind::kSignatures) continue;
      size_t c = s;
      if (c > free_from + 1 && blocks[c - 1].kind == Block::Kind::kParagraph && KeptWithNext(blocks, c - 1))
        --c;  // the introducing sentence
      while (c > free_from &&
             (blocks[c - 1].kind == Block::Kind::kHeading || blocks[c - 1].kind == Block::Kind::kSpacer))
        --c;
      if (c > free_from && IsContent(blocks[c - 1])) {
        SignatureChain chain{c - 1, c - 1, s};
        while (chain.start > free_from && blocks[chain.start - 1].kind == Block::Kind::kHeading &&
               blocks[chain.start - 1].keep_with_next)
          --chain.start;
        chains.push_back(chain);
      }
      free_from = s + 1;
    }
    return chains;
  }

  struct State {
    std::vector<Page> pages;
    double y = 0;
    std::set<std::string> used_names;
  };
  State Save() const { return {pages_, y_, used_names_}; }
  void Restore(State state) {
    pages_ = std::move(state.pages);
    y_ = state.y;
    used_names_ = std::move(state.used_names);
  }

  // Places the chain's blocks; returns whether the content block ends on the page where the
  // signatures are and no page of the chain is left empty.
  bool PlaceChain(const std::vector<Block>& blocks, const SignatureChain& chain, size_t first_page) {
    size_t content_end = 0;
    for (size_t j = chain.start; j <= chain.signatures; ++j) {
      PlaceBlock(blocks, j);
      if (j == chain.content) {
        content_end = pages_.size();
        reserve_page_ = kNoPage;  // what follows may use the room kept for it
      }
    }
    for (size_t p = first_page; p < pages_.size(); ++p)
      if (pages_[p].texts.empty()) return false;
    return content_end == pages_.size();
  }

  // A signature block never stands alone on a page: when it would, the chain is laid out again
  // with room for the signatures (and the headings before them) kept free at the bottom of the
  // page where the content block ended, so that the content's last part (its last lines, rows
  // or the whole block) moves to the next page with them.
  void PlaceWithSignatures(const std::vector<Block>& blocks, const SignatureChain& chain) {
    State before = Save();
    size_t first_page = pages_.size() - 1;
    for (size_t j = chain.start; j <= chain.content; ++j) PlaceBlock(blocks, j);
    size_t content_end = pages_.size() - 1;
    for (size_t j = chain.content + 1; j <= chain.signatures; ++j) PlaceBlock(blocks, j);
    if (content_end == pages_.size() - 1) return;

    // The room kept: what follows the content, plus the space a block leaves under itself
    // (at most 3 mm), plus a little more on each further try.
    double tail = 0;
    for (size_t j = chain.content + 1; j <= chain.signatures; ++j) tail += FullHeight(blocks[j]);
    State trial = Save();
    for (int attempt = 1; attempt <= 3; ++attempt) {
      Restore(before);
      reserve_page_ = content_end;
      reserve_ = tail + attempt * 3 * kMm;
      bool placed = PlaceChain(blocks, chain, first_page);
      reserve_page_ = kNoPage;
      reserve_ = 0;
      if (placed) return;
    }
    Restore(std::move(trial));
  }

  // ---- Keeping blocks together -------------------------------------------------------------

  // Headings are kept with what follows; so is a short paragraph that introduces a signature
  // block ("Vi är överens om ovanstående"), so that it never stands alone above a page break.
  bool KeptWithNext(const std::vector<Block>& blocks, size_t i) {
    if (i + 1 >= blocks.size()) return false;
    const Block& b = blocks[i];
    if (b.keep_with_next) return true;
    if (b.kind == Block::Kind::kParagraph && blocks[i + 1].kind == Block::Kind::kSignatures)
      return FullHeight(b) <= 5 * LineHeight(s_.body_size);
    return false;
  }

  // Starts a new page unless block i, the blocks it is kept with, and the first part of the
  // block that ends the chain fit on this page. A chain taller than a page keeps only block i
  // with the start of the next one.
  void KeepTogether(const std::vector<Block>& blocks, size_t i) {
    if (PageIsEmpty()) return;
    double needed = 0;
    size_t j = i;
    while (j < blocks.size() && blocks[j].kind != Block::Kind::kPageBreak &&
           (KeptWithNext(blocks, j) || (j > i && blocks[j].kind == Block::Kind::kSpacer))) {
      needed += FullHeight(blocks[j]);
      ++j;
    }
    if (j < blocks.size()) needed += LeadHeight(blocks[j]);
    if (needed > BodyHeight()) needed = FullHeight(blocks[i]) + LeadHeight(blocks[i + 1]);
    if (!Fits(needed)) NewPage();
  }

  // The height a block takes when placed whole below other content on a page.
  double FullHeight(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kHeading: return HeadingHeight(b.heading);
      case Block::Kind::kParagraph: return ParagraphHeight(b.paragraph, false);
      case Block::Kind::kField:
      case Block::Kind::kFieldRow: return 3 * kMm + RowHeight(MeasureRow(b.fields));
      case Block::Kind::kCheckboxes: return CheckboxesHeight(b.checkboxes);
      case Block::Kind::kList: return ListHeight(b.list, false);
      case Block::Kind::kTable: return TableHeight(b.table, false);
      case Block::Kind::kSignatures: return SignaturesHeight(b.signatures);
      case Block::Kind::kSpacer: return b.spacer.height_mm * kMm;
      case Block::Kind::kPageBreak: return 0;
      case Block::Kind::kPicture: return PictureSize(b.picture).second + 2 * kMm;
    }
    return 0;
  }

  // The least of a block that must share a page with what is kept with it: the whole block if
  // it is never split, else its first lines (a table: its header and first row).
  double LeadHeight(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kParagraph: return ParagraphHeight(b.paragraph, true);
      case Block::Kind::kField:
      case Block::Kind::kFieldRow: {
        auto geometry = MeasureRow(b.fields);
        double height = RowHeight(geometry);
        if (!RowSplits(height)) return 1 * kMm + height;
        double label = 0;
        for (const auto& g : geometry) label = std::max(label, g.label_lines.size() * LineHeight(s_.label_size));
        return 1 * kMm + label + kMinLinesPerPart * LineHeight(s_.body_size) + 2 * (1.5 * kMm + 1);
      }
      case Block::Kind::kList: return ListHeight(b.list, true);
      case Block::Kind::kTable: return TableHeight(b.table, true);
      default: return FullHeight(b);
    }
  }

  // ---- Headings and paragraphs -------------------------------------------------------------

  double HeadingSize(int level) const {
    switch (level) {
      case 0: return s_.title_size;
      case 1: return s_.heading_size[0];
      case 3: return s_.heading_size[2];
      case 4: return s_.subtitle_size;
      default: return s_.heading_size[1];
    }
  }
  static FontFace HeadingFace(int level) { return level == 4 ? FontFace::kRegular : FontFace::kBold; }

  double HeadingHeight(const Heading& h) {
    double size = HeadingSize(h.level);
    double before = h.level == 0 ? 0 : size * 0.8;
    double after = h.level == 0 ? size * 0.3 : size * 0.25;
    auto lines = Lines(h.text, content_width_, HeadingFace(h.level), size);
    return before + lines.size() * LineHeight(size) + after;
  }

  void Place(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kHeading: PlaceHeading(b.heading); break;
      case Block::Kind::kParagraph: PlaceParagraph(b.paragraph); break;
      case Block::Kind::kField:
      case Block::Kind::kFieldRow: PlaceFieldRow(b.fields); break;
      case Block::Kind::kCheckboxes: PlaceCheckboxes(b.checkboxes); break;
      case Block::Kind::kList: PlaceList(b.list); break;
      case Block::Kind::kTable: PlaceTable(b.table); break;
      case Block::Kind::kSignatures: PlaceSignatures(b.signatures); break;
      case Block::Kind::kSpacer: y_ = std::max(y_ - b.spacer.height_mm * kMm, Bottom()); break;
      case Block::Kind::kPageBreak: if (!PageIsEmpty()) NewPage(); break;
      case Block::Kind::kPicture: PlacePicture(b.picture); break;
    }
  }

  // ---- Pictures ----------------------------------------------------------------------------

  // Width and height in points: the width asked for (else 150 pixels per inch), never wider
  // than the text nor taller than a page's body, the image's proportions kept.
  std::pair<double, double> PictureSize(const Picture& p) const {
    if (!p.image || p.image->width <= 0 || p.image->height <= 0) return {0, 0};
    const double aspect = double(p.image->height) / p.image->width;
    double w = p.width_mm > 0 ? p.width_mm * kMm : p.image->width * 72.0 / 150;
    w = std::min(w, content_width_);
    if (w * aspect > BodyHeight() - 2 * kMm) w = (BodyHeight() - 2 * kMm) / aspect;
    return {w, w * aspect};
  }

  static double AlignedX(Align align, double left, double room, double w) {
    switch (align) {
      case Align::kCenter: return left + (room - w) / 2;
      case Align::kRight: return left + room - w;
      default: return left;
    }
  }

  void PlacePicture(const Picture& p) {
    const auto [w, h] = PictureSize(p);
    if (w <= 0) return;
    Need(h + 2 * kMm);
    y_ -= 1 * kMm;
    page().images.push_back({p.image, AlignedX(p.align, s_.margin_left, content_width_, w), y_ - h, w, h});
    y_ -= h + 1 * kMm;
  }

  void PlaceHeading(const Heading& h) {
    double size = HeadingSize(h.level);
    FontFace face = HeadingFace(h.level);
    if (!PageIsEmpty()) y_ -= h.level == 0 ? 0 : size * 0.8;
    auto lines = Lines(h.text, content_width_, face, size);
    FlowLines(lines, s_.margin_left, face, size);
    y_ -= h.level == 0 ? size * 0.3 : size * 0.25;
  }

  static FontFace FaceOf(TextStyle style) {
    return style == TextStyle::kBold || style == TextStyle::kSmallBold ? FontFace::kBold
                                                                       : FontFace::kRegular;
  }
  // A justified line whose spaces would each widen by more than this many ems tries to
  // hyphenate the next word (when its paragraph allows hyphenation).
  static constexpr double kMaxStretch = 0.3;

  double ParagraphSize(const Paragraph& p) const {
    return p.style == TextStyle::kSmall || p.style == TextStyle::kSmallBold ? s_.small_size : s_.body_size;
  }

  // The paragraph's text as runs of one face each: [begin, end) byte ranges of p.text.
  struct Segment {
    size_t begin = 0, end = 0;
    FontFace face = FontFace::kRegular;
  };
  static std::vector<Segment> Segments(const Paragraph& p) {
    if (p.spans.empty()) return {{0, p.text.size(), FaceOf(p.style)}};
    std::vector<Segment> out;
    size_t at = 0;
    for (const Span& span : p.spans) {
      bool bold = span.bold || FaceOf(p.style) == FontFace::kBold;
      out.push_back({at, at + span.text.size(), FaceFor(bold, span.italic)});
      at += span.text.size();
    }
    return out;
  }

  // Calls piece(begin, end, face) for each part of text[begin, end) set in one face.
  template <typename F>
  static void ForEachPiece(const std::vector<Segment>& segments, size_t begin, size_t end, F&& piece) {
    for (const Segment& s : segments) {
      size_t b = std::max(begin, s.begin), e = std::min(end, s.end);
      if (b < e) piece(b, e, s.face);
    }
  }

  double StyledWidth(const Paragraph& p, const std::vector<Segment>& segments, size_t begin,
                     size_t end) const {
    double w = 0;
    double size = ParagraphSize(p);
    ForEachPiece(segments, begin, end, [&](size_t b, size_t e, FontFace face) {
      w += m_.Width(std::string_view(p.text).substr(b, e - b), face, size);
    });
    return w;
  }

  // "\n\n" separates paragraphs: the parts' lines (byte ranges of p.text), in order. Broken
  // once per paragraph of the document: heights (asked again for each keep-together decision
  // and each try of a signature chain) and placing share them.
  using Parts = std::vector<std::vector<LineRange>>;
  const Parts& ParagraphParts(const Paragraph& p) {
    auto [it, added] = parts_.try_emplace(&p);
    if (added) it->second = RememberedParts(p);
    return it->second;
  }

  // Across documents: each thread remembers the parts of paragraphs it broke twice (the
  // templates' own text, the same in every document), keyed by all that decides them.
  Parts RememberedParts(const Paragraph& p) const {
    if (p.text.empty() || p.text.size() > kParagraphMemoTextBytes) return BreakParagraph(p);
    thread_local SeenTwiceMemo<Parts> memo(kParagraphMemoBytes, kParagraphMemoSeenOnce);
    thread_local std::string key;
    key.clear();
    AppendKey(&key, m_.identity());
    AppendKey(&key, content_width_);
    AppendKey(&key, ParagraphSize(p));
    AppendKey(&key, p.style);
    AppendKey(&key, p.align);
    AppendKey(&key, Hyphenates(p));
    AppendKey(&key, kMaxStretch);
    const std::vector<Segment> segments = Segments(p);
    AppendKey(&key, segments.size());
    for (const Segment& segment : segments) {
      AppendKey(&key, segment.begin);
      AppendKey(&key, segment.end);
      AppendKey(&key, segment.face);
    }
    key.append(p.text);
    if (const Parts* parts = memo.Find(key)) return *parts;
    Parts parts = BreakParagraph(p);
    size_t bytes = 0;
    for (const auto& lines : parts) bytes += sizeof(lines) + lines.size() * sizeof(LineRange);
    memo.Offer(key, parts, bytes);
    return parts;
  }

  static bool Hyphenates(const Paragraph& p) {
    return p.hyphenate && p.align == Align::kJustify && Hyphenator::Swedish().ok();
  }

  Parts BreakParagraph(const Paragraph& p) const {
    std::vector<Segment> segments = Segments(p);
    std::vector<std::vector<LineRange>> parts;
    size_t start = 0;
    while (start <= p.text.size()) {
      size_t end = p.text.find("\n\n", start);
      if (end == std::string::npos) end = p.text.size();
      auto width = [&](size_t b, size_t e) { return StyledWidth(p, segments, start + b, start + e); };
      // The hyphen's width in the face of the letter before it (part-relative offset `at`).
      auto hyphen_width = [&](size_t at) {
        FontFace face = FaceOf(p.style);
        for (const Segment& s : segments)
          if (s.begin < start + at && start + at <= s.end) face = s.face;
        return m_.Width("-", face, ParagraphSize(p));
      };
      std::optional<Hyphenation> hyphenation;
      if (Hyphenates(p))
        hyphenation = Hyphenation{[](std::string_view word) { return Hyphenator::Swedish().Points(word); },
                                  hyphen_width, kMaxStretch * ParagraphSize(p)};
      std::vector<LineRange> lines =
          BreakLineRanges(std::string_view(p.text).substr(start, end - start), content_width_, width,
                          hyphenation ? &*hyphenation : nullptr);
      for (LineRange& line : lines) {
        line.begin += start;
        line.end += start;
      }
      parts.push_back(std::move(lines));
      start = end + 2;
    }
    return parts;
  }

  double ParagraphHeight(const Paragraph& p, bool lead_only) {
    double size = ParagraphSize(p);
    double h = 0;
    for (const auto& lines : ParagraphParts(p)) {
      if (lead_only && lines.size() > LinesKeptTogether(lines.size()))
        return h + LinesKeptTogether(lines.size()) * LineHeight(size);
      h += lines.size() * LineHeight(size) + size * 0.5;
      if (lead_only && !lines.empty()) return h;
    }
    return h;
  }

  // Sets one line of a paragraph at baseline y. A justified line (not the last of its part nor
  // one ending at a forced break) spreads its words over the width at its spaces.
  void SetParagraphLine(const Paragraph& p, const std::vector<Segment>& segments, LineRange line,
                        bool last, double baseline) {
    double size = ParagraphSize(p);
    std::string_view text = p.text;
    double width = StyledWidth(p, segments, line.begin, line.end);
    FontFace last_face = FaceOf(p.style);
    ForEachPiece(segments, line.begin, line.end, [&](size_t, size_t, FontFace face) { last_face = face; });
    if (line.hyphen) width += m_.Width("-", last_face, size);
    double x = s_.margin_left;
    double gap = 0;
    switch (p.align) {
      case Align::kLeft: break;
      case Align::kRight: x += content_width_ - width; break;
      case Align::kCenter: x += (content_width_ - width) / 2; break;
      case Align::kJustify: {
        size_t spaces = std::count(text.begin() + line.begin, text.begin() + line.end, ' ');
        if (!last && spaces > 0) gap = (content_width_ - width) / spaces;
        break;
      }
    }
    // The hyphen of a hyphenated line goes with its last word.
    auto with_hyphen = [&](std::string_view piece, size_t end) {
      return line.hyphen && end == line.end ? std::string(piece) + "-" : std::string(piece);
    };
    ForEachPiece(segments, line.begin, line.end, [&](size_t b, size_t e, FontFace face) {
      if (gap <= 0) {
        std::string_view piece = text.substr(b, e - b);
        Text(x, baseline, face, size, with_hyphen(piece, e));
        x += m_.Width(piece, face, size);
        return;
      }
      // Word by word; each space widened by `gap`.
      size_t at = b;
      while (at < e) {
        size_t space = text.find(' ', at);
        size_t word_end = space == std::string_view::npos || space > e ? e : space;
        std::string_view word = text.substr(at, word_end - at);
        Text(x, baseline, face, size, with_hyphen(word, word_end));
        x += m_.Width(word, face, size);
        if (word_end < e) x += m_.Width(" ", face, size) + gap;
        at = word_end + 1;
      }
    });
  }

  void PlaceParagraph(const Paragraph& p) {
    double size = ParagraphSize(p);
    double lh = LineHeight(size);
    std::vector<Segment> segments = Segments(p);
    // Keep a half line between the parts.
    for (const auto& lines : ParagraphParts(p)) {
      Need(LinesKeptTogether(lines.size()) * lh);
      for (size_t i = 0; i < lines.size(); ++i) {
        size_t after = p.text.find_first_not_of(' ', lines[i].end);
        bool last = i + 1 == lines.size() || after == std::string::npos || p.text[after] == '\n';
        // No widow: when only the last line would go over to the next page, this line goes too.
        if (i >= kMinLinesPerPart && i + 2 == lines.size() && Fits(lh) && !Fits(2 * lh)) NewPage();
        Need(lh);
        y_ -= lh;
        SetParagraphLine(p, segments, lines[i], last, y_ + lh * 0.25);
      }
      y_ -= size * 0.5;
    }
  }

  // ---- Fields ------------------------------------------------------------------------------

  struct FieldGeometry {
    std::vector<std::string> label_lines;
    std::vector<std::string> value_lines;
    double x = 0, width = 0, height = 0;
  };

  double FieldInset(const Field& f) const { return f.boxed ? 1.5 * kMm : 0; }

  std::vector<FieldGeometry> MeasureRow(const FieldRow& row) {
    const double gap = 5 * kMm;
    double total_weight = 0;
    for (const Field& f : row.fields) total_weight += f.width > 0 ? f.width : 1;
    double available = content_width_ - gap * (row.fields.size() - 1);
    std::vector<FieldGeometry> out;
    double x = s_.margin_left;
    for (const Field& f : row.fields) {
      FieldGeometry g;
      g.x = x;
      g.width = available * (f.width > 0 ? f.width : 1) / total_weight;
      double inset = FieldInset(f);
      g.label_lines = Lines(f.label, g.width, FontFace::kRegular, s_.label_size);
      g.value_lines = Lines(f.value, g.width - 2 * inset, FontFace::kRegular, s_.body_size);
      double value_height = g.value_lines.empty()
                                ? f.blank_height * kMm
                                : g.value_lines.size() * LineHeight(s_.body_size) + 2 * inset + 2;
      g.height = g.label_lines.size() * LineHeight(s_.label_size) + value_height;
      out.push_back(std::move(g));
      x += out.back().width + gap;
    }
    return out;
  }

  static double RowHeight(const std::vector<FieldGeometry>& geometry) {
    double h = 0;
    for (const auto& g : geometry) h = std::max(h, g.height);
    return h;
  }

  // A row of fields taller than a third of the page body (a long free text, a large box to
  // write in) is split across pages when it does not fit; a smaller one moves whole to the next
  // page. A row taller than the page body always splits.
  bool RowSplits(double height) const { return height > BodyHeight() / 3; }

  void PlaceFieldRow(const FieldRow& row) {
    if (row.fields.empty()) return;
    auto geometry = MeasureRow(row);
    double height = RowHeight(geometry);
    if (!Fits(1 * kMm + height)) {
      if (RowSplits(height) || 1 * kMm + height > BodyHeight()) {
        PlaceFieldRowInParts(row, geometry);
        return;
      }
      NewPage();
    }
    y_ -= 1 * kMm;
    double row_top = y_;
    double lowest = y_;
    double lh = LineHeight(s_.body_size);
    double lh_label = LineHeight(s_.label_size);
    for (size_t i = 0; i < geometry.size(); ++i) {
      const Field& f = row.fields[i];
      const FieldGeometry& g = geometry[i];
      double y = row_top;
      for (const auto& line : g.label_lines) {
        y -= lh_label;
        Text(g.x, y + lh_label * 0.25, FontFace::kRegular, s_.label_size, line);
      }
      double inset = FieldInset(f);
      double value_top = y;
      if (g.value_lines.empty()) {
        y -= f.blank_height * kMm;
      } else {
        y -= inset + 1;
        for (const auto& line : g.value_lines) {
          y -= lh;
          Text(g.x + inset, y + lh * 0.25, FontFace::kRegular, s_.body_size, line);
        }
        y -= inset + 1;
      }
      DrawFieldFrame(f, g, value_top, y);
      lowest = std::min(lowest, y);
    }
    y_ = lowest - 2 * kMm;
  }

  // The box (or the line under the value) of a field's value area from value_top down to bottom.
  void DrawFieldFrame(const Field& f, const FieldGeometry& g, double value_top, double bottom) {
    if (f.boxed)
      page().rectangles.push_back({g.x, bottom, g.width, value_top - bottom, 0.6});
    else
      Line(g.x, bottom, g.x + g.width, bottom, 0.4);
  }

  // A row too tall for the rest of the page: each page gets a part of every field, with the
  // field's box (or line) drawn around that part and the label repeated as "… (forts.)". An
  // empty field's writing room is divided in lines like a text.
  void PlaceFieldRowInParts(const FieldRow& row, const std::vector<FieldGeometry>& geometry) {
    const double lh = LineHeight(s_.body_size);
    const double lh_label = LineHeight(s_.label_size);
    size_t total = 1;
    double pad = 1;
    for (size_t i = 0; i < geometry.size(); ++i) {
      size_t units = geometry[i].value_lines.size();
      if (units == 0)
        units = static_cast<size_t>(std::max(1.0, std::ceil(row.fields[i].blank_height * kMm / lh - 0.01)));
      total = std::max(total, units);
      pad = std::max(pad, FieldInset(row.fields[i]) + 1);
    }
    size_t done = 0;
    bool fresh = PageIsEmpty();
    while (done < total) {
      std::vector<std::vector<std::string>> labels;
      double label_height = 0;
      for (size_t i = 0; i < geometry.size(); ++i) {
        const Field& f = row.fields[i];
        labels.push_back(done == 0 || f.label.empty()
                             ? geometry[i].label_lines
                             : Lines(f.label + " (forts.)", geometry[i].width, FontFace::kRegular,
                                          s_.label_size));
        label_height = std::max(label_height, labels.back().size() * lh_label);
      }
      double room = y_ - Bottom() - 1 * kMm - label_height - 2 * pad;
      size_t fit = room > 0 ? static_cast<size_t>(std::floor(room / lh + 1e-6)) : 0;
      size_t remaining = total - done;
      if (fit < std::min(remaining, kMinLinesPerPart) && !fresh) {
        NewPage();
        fresh = true;
        continue;
      }
      size_t n = std::clamp<size_t>(fit, 1, remaining);
      // No single line alone at the top of the next page.
      if (n < remaining && remaining - n < kMinLinesPerPart && n > kMinLinesPerPart)
        n -= kMinLinesPerPart - (remaining - n);
      y_ -= 1 * kMm;
      double row_top = y_;
      double lowest = y_;
      for (size_t i = 0; i < geometry.size(); ++i) {
        const Field& f = row.fields[i];
        const FieldGeometry& g = geometry[i];
        double y = row_top;
        for (const auto& line : labels[i]) {
          y -= lh_label;
          Text(g.x, y + lh_label * 0.25, FontFace::kRegular, s_.label_size, line);
        }
        double value_top = y;
        y -= pad;
        for (size_t k = done; k < done + n; ++k) {
          y -= lh;
          if (k < g.value_lines.size())
            Text(g.x + FieldInset(f), y + lh * 0.25, FontFace::kRegular, s_.body_size, g.value_lines[k]);
        }
        y -= pad;
        DrawFieldFrame(f, g, value_top, y);
        lowest = std::min(lowest, y);
      }
      done += n;
      y_ = lowest;
      if (done < total) {
        NewPage();
        fresh = true;
      }
    }
    y_ -= 2 * kMm;
  }

  // ---- Check boxes and lists ---------------------------------------------------------------

  // Calls place(x, row) for each option's position; returns the number of rows.
  template <typename F>
  int CheckboxPositions(const Checkboxes& c, F place) {
    const double box = 3.2 * kMm;
    double x = s_.margin_left;
    int row = 0;
    if (!c.label.empty()) x += m_.Width(c.label, FontFace::kRegular, s_.body_size) + 3 * kMm;
    for (const CheckOption& o : c.options) {
      double w = box + 1.5 * kMm + m_.Width(o.text, FontFace::kRegular, s_.body_size) + 6 * kMm;
      if (x + w > s_.margin_left + content_width_ && x > s_.margin_left) {
        x = s_.margin_left;
        ++row;
      }
      place(o, x, row);
      x += w;
    }
    return row + 1;
  }

  double CheckboxesHeight(const Checkboxes& c) {
    int rows = CheckboxPositions(c, [](const CheckOption&, double, int) {});
    return rows * LineHeight(s_.body_size) + 2 * kMm;
  }

  void PlaceCheckboxes(const Checkboxes& c) {
    const double box = 3.2 * kMm;
    double lh = LineHeight(s_.body_size);
    Need(CheckboxesHeight(c) - 2 * kMm);
    y_ -= lh;
    if (!c.label.empty()) Text(s_.margin_left, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, c.label);
    int current_row = 0;
    CheckboxPositions(c, [&](const CheckOption& o, double x, int row) {
      if (row != current_row) {
        current_row = row;
        y_ -= lh;
      }
      double by = y_ + lh * 0.25 - 0.5;
      page().rectangles.push_back({x, by, box, box, 0.7});
      if (o.checked) {
        Line(x + 0.6, by + 0.6, x + box - 0.6, by + box - 0.6, 0.9);
        Line(x + 0.6, by + box - 0.6, x + box - 0.6, by + 0.6, 0.9);
      }
      Text(x + box + 1.5 * kMm, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, o.text);
    });
    y_ -= 2 * kMm;
  }

  static constexpr double kListIndent = 5 * kMm;

  double ListHeight(const BulletList& list, bool lead_only) {
    double lh = LineHeight(s_.body_size);
    double h = 0;
    for (const std::string& item : list.items) {
      auto lines = Lines(item, content_width_ - kListIndent, FontFace::kRegular, s_.body_size);
      if (lead_only) return std::min(lines.size(), kMinLinesPerPart) * lh;
      h += lines.size() * lh + 1;
    }
    return h + 2 * kMm;
  }

  void PlaceList(const BulletList& list) {
    double lh = LineHeight(s_.body_size);
    for (const std::string& item : list.items) {
      auto lines = Lines(item, content_width_ - kListIndent, FontFace::kRegular, s_.body_size);
      // An item's first two lines stay together.
      Need(std::min(lines.size(), kMinLinesPerPart) * lh);
      for (size_t i = 0; i < lines.size(); ++i) {
        Need(lh);
        y_ -= lh;
        if (i == 0) Text(s_.margin_left + 1.5 * kMm, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, "•");
        Text(s_.margin_left + kListIndent, y_ + lh * 0.25, FontFace::kRegular, s_.body_size, lines[i]);
      }
      y_ -= 1;
    }
    y_ -= 2 * kMm;
  }

  // ---- Tables ------------------------------------------------------------------------------

  static constexpr double kCellPad = 1.2 * kMm;
  double HeaderSize() const { return s_.table_size - 0.5; }

  std::vector<double> ColumnWidths(const Table& t) {
    double total = 0;
    for (const auto& c : t.columns) total += c.width > 0 ? c.width : 1;
    std::vector<double> widths;
    for (const auto& c : t.columns) widths.push_back(content_width_ * (c.width > 0 ? c.width : 1) / total);
    return widths;
  }

  // Each cell's lines.
  // A row's cells' styles; plain when the table gives none.
  static const std::vector<CellStyle>& RowStyles(const Table& t, size_t row) {
    static const std::vector<CellStyle> kPlain;
    return row < t.styles.size() ? t.styles[row] : kPlain;
  }
  static FontFace CellFace(const std::vector<CellStyle>& styles, size_t c, FontFace face) {
    return c < styles.size() && styles[c].bold ? FontFace::kBold : face;
  }

  std::vector<std::vector<std::string>> WrapCells(const std::vector<double>& widths,
                                                  const std::vector<std::string>& cells,
                                                  const std::vector<CellStyle>& styles, FontFace face,
                                                  double size) {
    std::vector<std::vector<std::string>> wrapped;
    for (size_t c = 0; c < widths.size(); ++c)
      wrapped.push_back(Lines(c < cells.size() ? cells[c] : "", widths[c] - 2 * kCellPad,
                                   CellFace(styles, c, face), size));
    return wrapped;
  }
  static size_t LineCount(const std::vector<std::vector<std::string>>& wrapped) {
    size_t n = 1;
    for (const auto& cell : wrapped) n = std::max(n, cell.size());
    return n;
  }
  double CellRowHeight(size_t lines, double size) const { return lines * LineHeight(size) + 2 * kCellPad; }

  std::vector<std::string> Titles(const Table& t) {
    std::vector<std::string> titles;
    for (const auto& c : t.columns) titles.push_back(c.title);
    return titles;
  }
  double HeaderHeight(const Table& t, const std::vector<double>& widths) {
    if (!t.header) return 0;
    return CellRowHeight(LineCount(WrapCells(widths, Titles(t), {}, FontFace::kBold, HeaderSize())), HeaderSize());
  }

  // Draws lines [from, from + count) of every cell as one row, with a rule under it.
  void DrawRowSlice(const Table& t, const std::vector<double>& widths,
                    const std::vector<std::vector<std::string>>& wrapped, const std::vector<CellStyle>& styles,
                    size_t from, size_t count, FontFace face, double size) {
    double lh = LineHeight(size);
    double x = s_.margin_left;
    double row_top = y_;
    for (size_t c = 0; c < widths.size(); ++c) {
      if (c < styles.size() && styles[c].shade > 0)
        page().shades.push_back({x, row_top - CellRowHeight(count, size), widths[c], CellRowHeight(count, size),
                                 1 - styles[c].shade / 100});
      FontFace cell_face = CellFace(styles, c, face);
      double y = row_top - kCellPad;
      for (size_t k = from; k < from + count && k < wrapped[c].size(); ++k) {
        const std::string& line = wrapped[c][k];
        y -= lh;
        double tx = x + kCellPad;
        Align align = t.columns[c].align;
        if (align != Align::kLeft) {
          double w = m_.Width(line, cell_face, size);
          tx = align == Align::kRight ? x + widths[c] - kCellPad - w : x + (widths[c] - w) / 2;
        }
        Text(tx, y + lh * 0.25, cell_face, size, line);
      }
      x += widths[c];
    }
    y_ = row_top - CellRowHeight(count, size);
    Line(s_.margin_left, y_, s_.margin_left + content_width_, y_, face == FontFace::kBold ? 0.8 : 0.3);
  }

  void TableHeader(const Table& t, const std::vector<double>& widths) {
    Line(s_.margin_left, y_, s_.margin_left + content_width_, y_, 0.8);
    if (!t.header) return;
    auto wrapped = WrapCells(widths, Titles(t), {}, FontFace::kBold, HeaderSize());
    DrawRowSlice(t, widths, wrapped, {}, 0, LineCount(wrapped), FontFace::kBold, HeaderSize());
  }

  void NewTablePage(const Table& t, const std::vector<double>& widths) {
    NewPage();
    TableHeader(t, widths);
  }

  // Places a row. A row that does not fit goes to the next page under a repeated header; a
  // row taller than a page body is split line by line over as many pages as it needs.
  void PlaceRow(const Table& t, const std::vector<double>& widths, const std::vector<std::string>& cells,
                const std::vector<CellStyle>& styles, FontFace face, double size) {
    auto wrapped = WrapCells(widths, cells, styles, face, size);
    size_t lines = LineCount(wrapped);
    double height = CellRowHeight(lines, size);
    if (Fits(height)) {
      DrawRowSlice(t, widths, wrapped, styles, 0, lines, face, size);
      return;
    }
    if (height <= BodyHeight() - HeaderHeight(t, widths)) {
      NewTablePage(t, widths);
      DrawRowSlice(t, widths, wrapped, styles, 0, lines, face, size);
      return;
    }
    double lh = LineHeight(size);
    size_t done = 0;
    bool fresh = false;
    while (done < lines) {
      double room = y_ - Bottom() - 2 * kCellPad;
      size_t fit = room > 0 ? static_cast<size_t>(std::floor(room / lh + 1e-6)) : 0;
      size_t remaining = lines - done;
      if (fit < std::min(remaining, kMinLinesPerPart) && !fresh) {
        NewTablePage(t, widths);
        fresh = true;
        continue;
      }
      size_t n = std::clamp<size_t>(fit, 1, remaining);
      if (n < remaining && remaining - n < kMinLinesPerPart && n > kMinLinesPerPart)
        n -= kMinLinesPerPart - (remaining - n);
      DrawRowSlice(t, widths, wrapped, styles, done, n, face, size);
      done += n;
      if (done < lines) {
        NewTablePage(t, widths);
        fresh = true;
      }
    }
  }

  // The height of the table (lead_only: what must stand on the page where the table starts,
  // its header and first row, or the first lines of a first row taller than a page).
  double TableHeight(const Table& t, bool lead_only) {
    if (t.columns.empty()) return 0;
    auto widths = ColumnWidths(t);
    double h = 1 * kMm + HeaderHeight(t, widths);
    if (t.rows.empty()) {
      if (!t.empty_text.empty()) h += LineHeight(s_.table_size) + 2 * kCellPad;
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
      double row_height = CellRowHeight(
          LineCount(WrapCells(widths, t.rows[r], RowStyles(t, r), FontFace::kRegular, s_.table_size)), s_.table_size);
      if (lead_only) {
        double most = BodyHeight() - HeaderHeight(t, widths);
        if (row_height > most) row_height = CellRowHeight(kMinLinesPerPart, s_.table_size);
        return h + row_height;
      }
      h += row_height;
    }
    if (!t.footer.empty())
      h += CellRowHeight(LineCount(WrapCells(widths, t.footer, {}, FontFace::kBold, s_.table_size)), s_.table_size);
    return h + 3 * kMm;
  }

  void PlaceTable(const Table& t) {
    if (t.columns.empty()) return;
    auto widths = ColumnWidths(t);
    // The header never stands alone: it starts a page with the first row (or its first lines).
    Need(TableHeight(t, true));
    y_ -= 1 * kMm;
    TableHeader(t, widths);
    if (t.rows.empty() && !t.empty_text.empty()) {
      // Set like a row's text, clear of the header's rule; no rule under it.
      double lh = LineHeight(s_.table_size);
      y_ -= kCellPad + lh;
      Text(s_.margin_left + kCellPad, y_ + lh * 0.25, FontFace::kRegular, s_.table_size, t.empty_text);
      y_ -= kCellPad;
    }
    for (size_t r = 0; r < t.rows.size(); ++r) PlaceRow(t, widths, t.rows[r], RowStyles(t, r), FontFace::kRegular, s_.table_size);
    if (!t.footer.empty()) PlaceRow(t, widths, t.footer, {}, FontFace::kBold, s_.table_size);
    y_ -= 3 * kMm;
  }

  // ---- Signatures --------------------------------------------------------------------------

  static constexpr double kSignRoom = 14 * kMm;  // room to sign above the line
  static constexpr double kSignLineWidth = 0.6;

  static int PerRow(const SignatureBlock& block) { return std::clamp(block.per_row, 1, 4); }
  static double SignColumnGap(const SignatureBlock& block) { return PerRow(block) <= 2 ? 12 * kMm : 6 * kMm; }
  double SignColumnWidth(const SignatureBlock& block) const {
    int n = PerRow(block);
    return (content_width_ - (n - 1) * SignColumnGap(block)) / n;
  }
  double SignLineLength(const SignatureBlock& block) const {
    return std::min(std::max(s_.signature_line_length, 60 * kMm), SignColumnWidth(block));
  }

  static FieldRow PlaceAndDate(const SignatureBlock& block) {
    FieldRow row;
    row.fields.push_back({"Ort", block.place, 1, 7, false});
    row.fields.push_back({"Datum", block.date, 1, 7, false});
    return row;
  }

  std::vector<std::string> SignerName(const SignatureBlock& block, const Signer& signer) {
    return Lines(signer.name.empty() ? std::string("Namnförtydligande:") : signer.name,
                      SignLineLength(block), FontFace::kRegular, s_.body_size);
  }
  std::vector<std::string> SignerRole(const SignatureBlock& block, const Signer& signer) {
    return Lines(signer.role, SignLineLength(block), FontFace::kRegular, s_.label_size);
  }

  // How far the top of the name's first line lies below the signature line, beyond what a
  // line of body text leaves above its glyphs: room for the tallest accent plus a clearance.
  double NameDrop() const {
    double lh = LineHeight(s_.body_size);
    return std::max(0.0, kSignLineWidth / 2 + s_.name_clearance + s_.font_ascent * s_.body_size - 0.75 * lh);
  }

  // Heights of the rows of signers.
  std::vector<double> SignerRowHeights(const SignatureBlock& block) {
    std::vector<double> rows;
    size_t n = PerRow(block);
    for (size_t i = 0; i < block.signers.size(); ++i) {
      double text = SignerName(block, block.signers[i]).size() * LineHeight(s_.body_size) +
                    std::max<size_t>(1, SignerRole(block, block.signers[i]).size()) * LineHeight(s_.label_size);
      double h = kSignRoom + NameDrop() + text + 4 * kMm;
      if (i % n == 0) rows.push_back(h);
      else rows.back() = std::max(rows.back(), h);
    }
    return rows;
  }

  std::vector<std::string> PlaceLine(const SignatureBlock& block) {
    return Lines(block.place_line, content_width_, FontFace::kRegular, s_.body_size);
  }

  double SignaturesHeight(const SignatureBlock& block) {
    double h = 4 * kMm;
    if (!block.place_line.empty()) h += 3 * kMm + PlaceLine(block).size() * LineHeight(s_.body_size);
    else if (block.with_place_and_date) h += 3 * kMm + RowHeight(MeasureRow(PlaceAndDate(block)));
    for (double row : SignerRowHeights(block)) h += row;
    return h;
  }

  void PlaceSignatures(const SignatureBlock& block) {
    double lh = LineHeight(s_.body_size);
    double lh_label = LineHeight(s_.label_size);
    double line_length = SignLineLength(block);
    size_t n = PerRow(block);
    Need(SignaturesHeight(block));  // the whole block on one page
    y_ -= 4 * kMm;
    if (!block.place_line.empty()) {
      y_ -= 3 * kMm;
      FlowLines(PlaceLine(block), s_.margin_left, FontFace::kRegular, s_.body_size);
    } else if (block.with_place_and_date) {
      PlaceFieldRow(PlaceAndDate(block));
    }
    std::vector<double> rows = SignerRowHeights(block);
    for (size_t i = 0; i < block.signers.size(); ++i) {
      const Signer& signer = block.signers[i];
      size_t column = i % n;
      if (column == 0 && i > 0) y_ -= rows[i / n - 1];
      double x = s_.margin_left + column * (SignColumnWidth(block) + SignColumnGap(block));
      double line_y = y_ - kSignRoom;
      Line(x, line_y, x + line_length, line_y, kSignLineWidth);
      double y = line_y - NameDrop();  // the first name's baseline: y - 0.75 * lh
      for (const std::string& line : SignerName(block, signer)) {
        y -= lh;
        Text(x, y + lh * 0.25, FontFace::kRegular, s_.body_size, line);
      }
      for (const std::string& line : SignerRole(block, signer)) {
        y -= lh_label;
        Text(x, y, FontFace::kRegular, s_.label_size, line);
      }
      page().widgets.push_back({UniqueFieldName(signer), x, line_y, line_length, kSignRoom - 2 * kMm});
    }
    if (!rows.empty()) y_ -= rows.back();
  }

  std::string UniqueFieldName(const Signer& signer) {
    std::string base = "Signatur_";
    for (unsigned char c : signer.field_name) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
        base += static_cast<char>(c);
      else if (c == ' ' || c == '-')
        base += '_';
      // other bytes (dots, non-ASCII) are dropped: field names must be plain
    }
    std::string name = base;
    for (int n = 2; used_names_.count(name); ++n) name = base + "_" + std::to_string(n);
    used_names_.insert(name);
    return name;
  }

  // A header or footer text for page `page` of `total`: the page marks replaced.
  static std::string RunningText(std::string text, size_t page, size_t total) {
    auto replace = [&](std::string_view mark, const std::string& by) {
      for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + by.size()))
        text.replace(at, mark.size(), by);
    };
    replace(kPageMark, std::to_string(page));
    replace(kPagesMark, std::to_string(total));
    return text;
  }

  // Sets left, centre and right texts on one line at `baseline`, between x = left and right:
  // each on one line, the centre one centred, the left one ending 10 mm before the next text.
  void RunningLine(Page* p, std::string texts[3], double left, double right, double baseline) {
    const double size = s_.running_size;
    const double gap = 10 * kMm;
    double widths[3] = {0, 0, 0};
    // The first line of `text` that fits in `room` (the text itself when it fits).
    auto fit = [&](std::string* text, double room) {
      double w = m_.Width(*text, FontFace::kRegular, size);
      if (w <= room) return w;
      auto lines = Lines(*text, room, FontFace::kRegular, size);
      *text = lines.empty() ? "" : lines[0];
      return m_.Width(*text, FontFace::kRegular, size);
    };
    for (int i = 1; i < 3; ++i)
      if (!texts[i].empty()) widths[i] = fit(&texts[i], (right - left) / 2);
    double left_end = right;  // where the left text must end
    if (!texts[2].empty()) {
      p->texts.push_back({right - widths[2], baseline, FontFace::kRegular, size, texts[2]});
      left_end = right - widths[2] - gap;
    }
    if (!texts[1].empty()) {
      double x = left + (right - left - widths[1]) / 2;
      p->texts.push_back({x, baseline, FontFace::kRegular, size, texts[1]});
      left_end = x - gap;
    }
    if (!texts[0].empty() && left_end > left) {
      fit(&texts[0], left_end - left);
      if (!texts[0].empty()) p->texts.push_back({left, baseline, FontFace::kRegular, size, texts[0]});
    }
  }

  void AddFooters(LaidOutDocument* doc) {
    const DocumentInfo& info = doc->info;
    const std::string number = std::string("Sid ") + kPageMark + " (" + kPagesMark + ")";
    std::string footer[3] = {info.footer, info.footer_center, info.footer_right};
    if (info.page_number == PageNumber::kRight && footer[2].empty()) footer[2] = number;
    if (info.page_number == PageNumber::kCenter && footer[1].empty()) footer[1] = number;
    size_t total = doc->pages.size();
    for (size_t i = 0; i < total; ++i) {
      Page& p = doc->pages[i];
      double right = kPageWidth - s_.margin_right;
      std::string bottom[3], top[3];
      for (int k = 0; k < 3; ++k) bottom[k] = RunningText(footer[k], i + 1, total);
      RunningLine(&p, bottom, s_.margin_left, right, s_.footer_baseline);
      const Picture& logo = doc->info.logo;
      double header_right = right;
      if (logo.image && logo.image->width > 0 && logo.image->height > 0) {
        // Between 7 mm from the top edge and 3 mm above the body, at the right margin.
        const double room = s_.margin_top - 10 * kMm;
        const double aspect = double(logo.image->height) / logo.image->width;
        double w = std::min(logo.width_mm > 0 ? logo.width_mm * kMm : 40 * kMm, content_width_ / 2);
        if (w * aspect > room) w = room / aspect;
        if (w > 0) {
          p.images.push_back({logo.image, right - w, kPageHeight - 7 * kMm - w * aspect, w, w * aspect});
          header_right = right - w - 5 * kMm;
        }
      }
      top[0] = RunningText(info.header, i + 1, total);
      top[1] = RunningText(info.header_center, i + 1, total);
      top[2] = RunningText(info.header_right, i + 1, total);
      RunningLine(&p, top, s_.margin_left, header_right, kPageHeight - s_.header_top - s_.running_size);
      p.lines.push_back({s_.margin_left, s_.footer_baseline + 10, right, s_.footer_baseline + 10, 0.3});
    }
  }

  static constexpr size_t kNoPage = static_cast<size_t>(-1);

  const TextMeasurer& m_;
  const FlowStyle& s_;
  double content_width_ = 0;
  double y_ = 0;
  size_t reserve_page_ = kNoPage;  // 0-based index of the page whose bottom is raised
  double reserve_ = 0;
  std::vector<Page> pages_;
  std::set<std::string> used_names_;
  std::unordered_map<const Paragraph*, Parts> parts_;  // the document's paragraphs, broken
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  std::unordered_map<std::string, std::vector<std::string>, KeyHash, std::equal_to<>> lines_;  // see Lines
  std::string lines_key_;
};

}  // namespace

LaidOutDocument LayOutDocument(const Document& document, const TextMeasurer& measurer,
                               const FlowStyle& style) {
  FlowStyle own = style;
  const PageSetup& page = document.info.page;
  if (page.margin_top_mm > 0) own.margin_top = page.margin_top_mm * kMm;
  if (page.margin_right_mm > 0) own.margin_right = page.margin_right_mm * kMm;
  if (page.margin_left_mm > 0) own.margin_left = page.margin_left_mm * kMm;
  if (page.margin_bottom_mm > 0) {
    own.margin_bottom = page.margin_bottom_mm * kMm;
    own.footer_baseline = std::max(style.footer_baseline, own.margin_bottom - 9 * kMm);
  }
  if (page.body_size > 0) own.body_size = page.body_size;
  auto set = [](double value, double* target) {
    if (value > 0) *target = value;
  };
  set(page.title_size, &own.title_size);
  set(page.subtitle_size, &own.subtitle_size);
  for (int i = 0; i < 3; ++i) set(page.heading_size[i], &own.heading_size[i]);
  set(page.table_size, &own.table_size);
  set(page.small_size, &own.small_size);
  set(page.label_size, &own.label_size);
  set(page.running_size, &own.running_size);
  if (page.header_offset_mm > 0) own.header_top = page.header_offset_mm * kMm;
  if (page.footer_offset_mm > 0) own.footer_baseline = page.footer_offset_mm * kMm;
  if (page.leading > 0) own.leading = page.leading;
  FlowLayout layout(measurer, own);
  return layout.Run(document);
}

}  // namespace stdok
