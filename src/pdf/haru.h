// libharu behind one door: the PDF object structure (dictionaries, arrays, streams, pages, the
// catalog, the trailer) and the file it serializes, without a libharu type in sight.
// pdf/haru.cc is the only file that includes libharu's headers; every libharu internal it
// relies on is named there, and pdf/haru_test.cc pins each behaviour stdok relies on.
// stdok is written against libharu 2.3.0 (Debian 12's libhpdf-dev): CMakeLists.txt refuses to
// configure against another version, and Document refuses to start when the library loaded at
// run time is not the one the headers described.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stdok::haru {

// The libharu version stdok is written against.
inline constexpr const char* kExpectedVersion = "2.3.0";
// The version of the libharu loaded at run time (HPDF_GetVersion).
std::string LoadedVersion();

// Handles into one Document; valid while it lives. A null handle means a libharu failure: every
// call accepts one and fails in turn, so a sequence of calls can be checked once.
struct Dict {
  void* p = nullptr;
  explicit operator bool() const { return p != nullptr; }
};
struct Array {
  void* p = nullptr;
  explicit operator bool() const { return p != nullptr; }
};

// Bytes a stream reads from elsewhere when its document is saved, instead of holding them.
class StreamSource {
 public:
  virtual ~StreamSource() = default;
  // Replaces *bytes with the `size` bytes at `offset`; false when they cannot be had (the save
  // then fails).
  virtual bool Read(uint64_t offset, uint64_t size, std::string* bytes) const = 0;
};

class Document {
 public:
  Document();
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // False when libharu could not start (or is not kExpectedVersion); then error() says why.
  bool ok() const;
  // The first failure, with libharu's error and detail codes; empty while there was none.
  std::string error() const;

  // A direct dictionary or array (written inside whatever holds it).
  Dict NewDict();
  Array NewArray();
  // A dictionary written as an indirect object ("12 0 obj"), referenced where it is put.
  Dict NewIndirectDict();
  // A stream holding `bytes` exactly as given, with a direct /Length. With flate, the bytes are
  // zlib data and the dictionary says /Filter /FlateDecode; without, the stream is written
  // uncompressed.
  Dict NewStream(const std::string& bytes, bool flate);
  // A stream holding a JPEG file as it is, with /Filter /DCTDecode.
  Dict NewJpegStream(const std::string& jpeg);

  // Put and Push own a direct value: when the holder is a failed handle, the value is freed.
  bool Put(Dict dict, const char* key, Dict value);
  bool Put(Dict dict, const char* key, Array value);
  bool PutName(Dict dict, const char* key, const char* name);
  bool PutNumber(Dict dict, const char* key, long value);
  bool PutReal(Dict dict, const char* key, double value);
  // A literal string of bytes (PDFDocEncoding, escaped by libharu).
  bool PutString(Dict dict, const char* key, const std::string& bytes);
  // A hex string of bytes (UTF-16BE text, IDs).
  bool PutBinary(Dict dict, const char* key, const std::vector<uint8_t>& bytes);

  bool Push(Array array, Dict value);
  bool PushName(Array array, const char* name);
  bool PushNumber(Array array, long value);
  bool PushReal(Array array, double value);
  bool PushBinary(Array array, const std::vector<uint8_t>& bytes);

  Dict catalog();
  Dict trailer();
  // The document information dictionary, with /CreationDate and /ModDate set to `utc`.
  Dict InfoWithDates(const std::tm& utc);
  // Writes "%PDF-1.4" instead of libharu's default 1.3 (PDF/A-1b).
  void SetVersion14();

  // How many pages AddPage will add, told before the first: a document of more than 32,767
  // pages (a national print pack) gets a page tree of two levels.
  void PlanPages(size_t count);
  // A new page of the given size (points) whose content stream is `compressed` (zlib data).
  // The first page's size is put on the page tree (inherited by the pages of that size).
  // `sealed`: nothing will be put on the page later (no /Annots; Put* on it fail), so it is
  // kept in a few bytes instead of libharu's entries (a print pack of 50,000 pages); the
  // bytes written are the same.
  Dict AddPage(double width, double height, const std::string& compressed, bool sealed = false);
  // The same with the `size` compressed bytes at `offset` of `source`, read only when the
  // document is saved (`source` outlives the save): a print pack's thousands of pages do not
  // hold their contents in memory.
  Dict AddPage(double width, double height, const StreamSource& source, uint64_t offset, uint64_t size,
               bool sealed = false);
  // The root of the page tree: what is put here (e.g. /Resources) every page inherits, also
  // through the nodes between (PlanPages).
  Dict pages();

  // The whole file. False (with error()) on a libharu failure.
  bool Save(std::string* bytes);
  // The same bytes, given to `write` in parts of 64 KiB (the last smaller) as libharu makes them, so that
  // a document of thousands of pages is never whole in memory twice more. False on a libharu
  // failure (error()), or with *refused when `write` returned false (then no more is written).
  bool SaveInParts(const std::function<bool(std::string_view)>& write, bool* refused);

  struct State;  // libharu's document and the first error (pdf/haru.cc)

 private:
  Array Box(double width, double height);  // [0 0 width height]
  Dict AddPage(double width, double height, const std::string& compressed, const StreamSource* source,
               uint64_t offset, uint64_t size, bool sealed);

  std::unique_ptr<State> state_;
};

}  // namespace stdok::haru
