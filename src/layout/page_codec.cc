#include "layout/page_codec.h"

#include <cstring>
#include <type_traits>

namespace stdok {
namespace {

class Encoder {
 public:
  explicit Encoder(std::string* out) : out_(out) {}
  template <typename T>
  void Raw(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_->append(bytes, sizeof(T));
  }
  void Count(size_t n) { Raw(static_cast<uint32_t>(n)); }
  void Text(const std::string& text) {
    Count(text.size());
    out_->append(text);
  }

 private:
  std::string* out_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  template <typename T>
  bool Raw(T* value) {
    if (in_.size() < sizeof(T)) return false;
    std::memcpy(value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool Count(size_t* n) {
    uint32_t count = 0;
    if (!Raw(&count) || count > in_.size()) return false;  // every item takes at least a byte
    *n = count;
    return true;
  }
  bool Text(std::string* text) {
    size_t n = 0;
    if (!Count(&n)) return false;
    text->assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

template <typename T, typename EncodeOne>
void EncodeAll(Encoder& e, const std::vector<T>& items, EncodeOne one) {
  e.Count(items.size());
  for (const T& item : items) one(item);
}

template <typename T, typename DecodeOne>
bool DecodeAll(Decoder& d, std::vector<T>* items, DecodeOne one) {
  size_t n = 0;
  if (!d.Count(&n)) return false;
  items->resize(n);
  for (T& item : *items)
    if (!one(item)) return false;
  return true;
}

}  // namespace

uint32_t ImageTable::IndexOf(const std::shared_ptr<const RasterImage>& image) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, added] = index_.emplace(image.get(), static_cast<uint32_t>(images_.size()));
  if (added) images_.push_back(image);
  return it->second;
}

std::shared_ptr<const RasterImage> ImageTable::At(uint32_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return index < images_.size() ? images_[index] : nullptr;
}

void EncodePages(const std::vector<Page>& pages, ImageTable* images, std::string* out) {
  Encoder e(out);
  EncodeAll(e, pages, [&](const Page& page) {
    EncodeAll(e, page.texts, [&](const TextRun& t) {
      e.Raw(t.x), e.Raw(t.baseline), e.Raw(static_cast<uint8_t>(t.face)), e.Raw(t.size), e.Text(t.text);
    });
    e.Text(page.watermark);
    EncodeAll(e, page.lines, [&](const LineSegment& l) { e.Raw(l.x1), e.Raw(l.y1), e.Raw(l.x2), e.Raw(l.y2), e.Raw(l.width); });
    EncodeAll(e, page.rectangles, [&](const Rectangle& r) { e.Raw(r.x), e.Raw(r.y), e.Raw(r.w), e.Raw(r.h), e.Raw(r.line_width); });
    EncodeAll(e, page.shades, [&](const ShadedArea& a) { e.Raw(a.x), e.Raw(a.y), e.Raw(a.w), e.Raw(a.h), e.Raw(a.gray); });
    EncodeAll(e, page.images, [&](const PlacedImage& i) {
      e.Raw(i.image ? images->IndexOf(i.image) + 1 : uint32_t{0}), e.Raw(i.x), e.Raw(i.y), e.Raw(i.w), e.Raw(i.h);
    });
    EncodeAll(e, page.widgets, [&](const SignatureWidget& w) { e.Text(w.name), e.Raw(w.x), e.Raw(w.y), e.Raw(w.w), e.Raw(w.h); });
  });
}

bool DecodePages(std::string_view bytes, const ImageTable& images, std::vector<Page>* pages) {
  Decoder d(bytes);
  const bool ok = DecodeAll(d, pages, [&](Page& page) {
    return DecodeAll(d, &page.texts, [&](TextRun& t) {
             uint8_t face = 0;
             if (!d.Raw(&t.x) || !d.Raw(&t.baseline) || !d.Raw(&face) || !d.Raw(&t.size) || !d.Text(&t.text) ||
                 face > static_cast<uint8_t>(FontFace::kBoldItalic))
               return false;
             t.face = static_cast<FontFace>(face);
             return true;
           }) &&
           d.Text(&page.watermark) &&
           DecodeAll(d, &page.lines, [&](LineSegment& l) {
             return d.Raw(&l.x1) && d.Raw(&l.y1) && d.Raw(&l.x2) && d.Raw(&l.y2) && d.Raw(&l.width);
           }) &&
           DecodeAll(d, &page.rectangles, [&](Rectangle& r) {
             return d.Raw(&r.x) && d.Raw(&r.y) && d.Raw(&r.w) && d.Raw(&r.h) && d.Raw(&r.line_width);
           }) &&
           DecodeAll(d, &page.shades, [&](ShadedArea& a) {
             return d.Raw(&a.x) && d.Raw(&a.y) && d.Raw(&a.w) && d.Raw(&a.h) && d.Raw(&a.gray);
           }) &&
           DecodeAll(d, &page.images, [&](PlacedImage& i) {
             uint32_t index = 0;
             if (!d.Raw(&index) || !d.Raw(&i.x) || !d.Raw(&i.y) || !d.Raw(&i.w) || !d.Raw(&i.h)) return false;
             if (index > 0 && !(i.image = images.At(index - 1))) return false;
             return true;
           }) &&
           DecodeAll(d, &page.widgets, [&](SignatureWidget& w) {
             return d.Text(&w.name) && d.Raw(&w.x) && d.Raw(&w.y) && d.Raw(&w.w) && d.Raw(&w.h);
           });
  });
  return ok && d.done();
}

}  // namespace stdok
