// The per-thread memos of broken lines: text seen twice is not broken again, and the same text
// in another width, face, size, alignment, hyphenation or measurer never takes lines broken
// for something else. Each thread has its own memo: a fresh thread breaks from scratch.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "layout/flow_layout.h"
#include "layout/line_breaker.h"

namespace stdok {
namespace {

// Every character `regular` x size wide in the upright faces, `bold` x size in bold; counts
// its calls.
class CountingMeasurer : public TextMeasurer {
 public:
  explicit CountingMeasurer(double regular = 0.5, double bold = 0.7) : regular_(regular), bold_(bold) {}
  double Width(std::string_view text, FontFace face, double size) const override {
    ++calls;
    size_t chars = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) ++chars;
    return chars * (face == FontFace::kBold || face == FontFace::kBoldItalic ? bold_ : regular_) * size;
  }
  mutable int calls = 0;

 private:
  double regular_, bold_;
};

template <typename T>
T InFreshThread(const std::function<T()>& work) {
  T result;
  std::thread([&] { result = work(); }).join();
  return result;
}

const char kText[] =
    "Huvudhandledaren och verksamhetschefen ansvarar gemensamt för att specialiseringstjänstgöringen "
    "genomförs enligt utbildningsplanen och att handledningen dokumenteras fortlöpande under hela "
    "utbildningstiden.";

TEST(LayoutMemo, BreakLinesSeenTwiceIsNotBrokenAgain) {
  InFreshThread<int>([] {
    CountingMeasurer m;
    auto first = BreakLines(kText, 200, FontFace::kRegular, 10, m);
    BreakLines(kText, 200, FontFace::kRegular, 10, m);
    m.calls = 0;
    EXPECT_EQ(BreakLines(kText, 200, FontFace::kRegular, 10, m), first);
    EXPECT_EQ(m.calls, 0);
    return 0;
  });
}

// Lines of kText broken with `variant` after the memo has seen it twice with `seen`, against a
// fresh thread's; the two must differ, else the case shows nothing.
void ExpectBreakLinesKeyed(const std::function<std::vector<std::string>(const CountingMeasurer&)>& seen,
                           const std::function<std::vector<std::string>(const CountingMeasurer&)>& variant,
                           const CountingMeasurer& m1, const CountingMeasurer& m2) {
  auto fresh = InFreshThread<std::vector<std::string>>([&] { return variant(m2); });
  auto other = InFreshThread<std::vector<std::string>>([&] { return seen(m1); });
  ASSERT_NE(fresh, other);
  auto after = InFreshThread<std::vector<std::string>>([&] {
    for (int i = 0; i < 3; ++i) seen(m1);
    return variant(m2);
  });
  EXPECT_EQ(after, fresh);
}

TEST(LayoutMemo, BreakLinesKeyHoldsWidthFaceSizeAndMeasurer) {
  CountingMeasurer m, wide(0.8, 0.9);
  auto at = [](double width, FontFace face, double size) {
    return [=](const CountingMeasurer& measurer) { return BreakLines(kText, width, face, size, measurer); };
  };
  ExpectBreakLinesKeyed(at(200, FontFace::kRegular, 10), at(150, FontFace::kRegular, 10), m, m);
  ExpectBreakLinesKeyed(at(200, FontFace::kRegular, 10), at(200, FontFace::kBold, 10), m, m);
  ExpectBreakLinesKeyed(at(200, FontFace::kRegular, 10), at(200, FontFace::kRegular, 8), m, m);
  ExpectBreakLinesKeyed(at(200, FontFace::kRegular, 10), at(200, FontFace::kRegular, 10), m, wide);
}

// The page's text as "x baseline face size text" lines.
std::string Texts(const LaidOutDocument& out) {
  std::ostringstream s;
  for (const Page& page : out.pages)
    for (const TextRun& t : page.texts)
      s << t.x << ' ' << t.baseline << ' ' << int(t.face) << ' ' << t.size << ' ' << t.text << '\n';
  return s.str();
}

Document OneParagraph(const Paragraph& p, double margin_mm = 20) {
  Document doc;
  doc.info.page.margin_left_mm = doc.info.page.margin_right_mm = margin_mm;
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.paragraph = p;
  doc.blocks.push_back(b);
  return doc;
}

// Like ExpectBreakLinesKeyed, for a whole document's layout.
void ExpectLayoutKeyed(const Document& seen, const Document& variant, const TextMeasurer& m1,
                       const TextMeasurer& m2) {
  auto fresh = InFreshThread<std::string>([&] { return Texts(LayOutDocument(variant, m2)); });
  auto other = InFreshThread<std::string>([&] { return Texts(LayOutDocument(seen, m1)); });
  ASSERT_NE(fresh, other);
  auto after = InFreshThread<std::string>([&] {
    for (int i = 0; i < 3; ++i) LayOutDocument(seen, m1);
    return Texts(LayOutDocument(variant, m2));
  });
  EXPECT_EQ(after, fresh);
}

Paragraph Para(Align align = Align::kLeft) {
  Paragraph p;
  p.text = kText;
  p.align = align;
  return p;
}

TEST(LayoutMemo, ParagraphKeyHoldsWidth) {
  CountingMeasurer m;
  ExpectLayoutKeyed(OneParagraph(Para(), 20), OneParagraph(Para(), 60), m, m);
}

TEST(LayoutMemo, ParagraphKeyHoldsFacesAndTheirPlaces) {
  CountingMeasurer m;
  Paragraph bold_start = Para(), bold_end = Para();
  std::string text = kText;
  bold_start.spans = {{text.substr(0, 60), true}, {text.substr(60), false}};
  bold_end.spans = {{text.substr(0, 60), false}, {text.substr(60), true}};
  ExpectLayoutKeyed(OneParagraph(Para(), 60), OneParagraph(bold_start, 60), m, m);
  ExpectLayoutKeyed(OneParagraph(bold_start, 60), OneParagraph(bold_end, 60), m, m);
}

TEST(LayoutMemo, ParagraphKeyHoldsSize) {
  CountingMeasurer m;
  Paragraph small = Para();
  small.style = TextStyle::kSmall;
  ExpectLayoutKeyed(OneParagraph(Para(), 60), OneParagraph(small, 60), m, m);
}

TEST(LayoutMemo, ParagraphKeyHoldsHyphenation) {
  CountingMeasurer m;
  Paragraph hyphenated = Para(Align::kJustify);
  hyphenated.hyphenate = true;
  ExpectLayoutKeyed(OneParagraph(Para(Align::kJustify), 60), OneParagraph(hyphenated, 60), m, m);
}

TEST(LayoutMemo, ParagraphKeyHoldsTheMeasurer) {
  CountingMeasurer m, wide(0.6, 0.8);
  ExpectLayoutKeyed(OneParagraph(Para(), 60), OneParagraph(Para(), 60), m, wide);
}

// The body-size texts of a document's pages, in order.
std::vector<std::string> BodyTexts(const LaidOutDocument& out) {
  std::vector<std::string> texts;
  for (const Page& page : out.pages)
    for (const TextRun& t : page.texts)
      if (t.size == 10) texts.push_back(t.text);
  return texts;
}

Block FieldRowOf(int fields) {
  Block b;
  b.kind = Block::Kind::kFieldRow;
  for (int i = 0; i < fields; ++i) b.fields.fields.push_back({"Uppgift", kText, 1, 7, false});
  return b;
}

TEST(LayoutMemo, OneDocumentBreaksTheSameTextAtEachWidthOnItsOwn) {
  CountingMeasurer m;
  Document half, whole, both;
  half.blocks = {FieldRowOf(2)};
  whole.blocks = {FieldRowOf(1)};
  both.blocks = {FieldRowOf(2), FieldRowOf(1)};
  std::vector<std::string> expected = BodyTexts(LayOutDocument(half, m));
  std::vector<std::string> alone = BodyTexts(LayOutDocument(whole, m));
  ASSERT_NE(std::vector<std::string>(expected.begin(), expected.begin() + alone.size()), alone);
  expected.insert(expected.end(), alone.begin(), alone.end());
  EXPECT_EQ(BodyTexts(LayOutDocument(both, m)), expected);
}

TEST(LayoutMemo, ACopiedMeasurerHasItsOwnIdentity) {
  CountingMeasurer m;
  CountingMeasurer copy = m;
  EXPECT_NE(copy.identity(), m.identity());
  CountingMeasurer assigned(0.6, 0.8);
  const uint64_t before = assigned.identity();
  assigned = m;
  EXPECT_NE(assigned.identity(), before);
  EXPECT_NE(assigned.identity(), m.identity());
}

}  // namespace
}  // namespace stdok
