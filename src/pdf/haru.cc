// The only file that includes libharu. Beyond its public API (hpdf.h) it relies on these
// internals of libharu 2.3.0, each pinned by a test in pdf/haru_test.cc:
//   1. HPDF_Doc_Rec's mmgr, xref, catalog, trailer, info, root_pages and pdf_version fields
//      (hpdf_doc.h): the object API needs the memory manager and the cross-reference table, and
//      the catalog, trailer, info dictionary and page tree are where the pages, AcroForm,
//      metadata, output intent and /ID go.
//   2. HPDF_Dict_Rec's write_fn, after_write_fn, free_fn and attr (hpdf_objects.h): write_fn
//      runs after a dictionary's entries, before its ">>", and gets the output stream;
//      after_write_fn runs right after the ">>". A stream is therefore written as a plain
//      dictionary whose write_fn adds /Length (a direct number: libharu's own streams refuse
//      anything but an indirect /Length object, one more object and cross-reference entry each)
//      and /Filter, and whose after_write_fn writes "stream", the bytes and "endstream"; the
//      bytes live in attr, freed by free_fn.
//   3. A dictionary whose obj_class has HPDF_OSUBCLASS_PAGE counts as a page in the /Count that
//      the page tree (HPDF_Pages_New's before_write_fn) writes; stdok makes its page
//      dictionaries itself (HPDF_AddPage would add a content stream with an indirect /Length).
//   4. HPDF_SetInfoDateAttr with ind '+' writes "D:YYYYMMDDHHmmSS+00'00'" ('Z' writes an
//      invalid date in 2.3.0).
//   5. HPDF_SaveToStream is hpdf_doc.c's static InternalSaveToStream into a memory stream:
//      the "%PDF-1.x" header line and a binary comment, /Root and /Info put on the trailer,
//      then HPDF_Xref_WriteToStream (and encryption, which stdok never turns on).
//      SaveInParts repeats these steps into an HPDF_CallbackWriter_New stream (hpdf_streams.h).
//   6. An array holds at most HPDF_LIMIT_MAX_ARRAY (32,767) items, the page tree's /Kids too.
//      HPDF_Pages_New(mmgr, parent, xref) makes a node of the page tree (/Type /Pages, /Kids,
//      /Parent, added to the parent's /Kids), and the /Count each node writes counts the pages
//      of the nodes below it.
//   7. libharu writes an indirect reference as "<id> <generation> R" (the id is obj_id's low 24
//      bits) and a dictionary entry as "/<key> <value>" and a LINE FEED. A sealed page (no entry
//      put on it later) is a dictionary without entries whose write_fn writes its /Type,
//      /Parent and /Contents the same way from a few bytes: a page costs a fraction of the
//      memory of libharu's entries (each key in a 128-byte buffer, a name object, references).
#include "pdf/haru.h"

#include <hpdf.h>
#include <hpdf_consts.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <new>

namespace stdok::haru {
namespace {

static_assert(HPDF_VERSION_ID == 20300, "stdok's pdf/haru.cc is written against libharu 2.3.0");

HPDF_Dict D(Dict d) { return static_cast<HPDF_Dict>(d.p); }
HPDF_Array A(Array a) { return static_cast<HPDF_Array>(a.p); }

// A stream written by stdok (internal 2): its bytes follow this header in one block, or, with a
// source, are read from it when the stream is written.
struct RawStream {
  HPDF_Stream out = nullptr;  // set by WriteStreamKeys, used by WriteStreamData
  const char* filter = nullptr;  // "/Filter /FlateDecode\012", ... or null
  HPDF_UINT size = 0;
  const StreamSource* source = nullptr;
  uint64_t source_offset = 0;
  const HPDF_BYTE* bytes() const { return reinterpret_cast<const HPDF_BYTE*>(this + 1); }
};

HPDF_STATUS WriteStreamKeys(HPDF_Dict dict, HPDF_Stream out) {
  auto* raw = static_cast<RawStream*>(dict->attr);
  raw->out = out;
  char length[32];
  std::snprintf(length, sizeof length, "/Length %u\012", static_cast<unsigned>(raw->size));
  HPDF_STATUS ret = HPDF_Stream_WriteStr(out, length);
  if (ret == HPDF_OK && raw->filter) ret = HPDF_Stream_WriteStr(out, raw->filter);
  return ret;
}

// After ">>": one LINE FEED after "stream" and before "endstream" (ISO 19005-1, 6.1.7).
HPDF_STATUS WriteStreamData(HPDF_Dict dict) {
  auto* raw = static_cast<RawStream*>(dict->attr);
  HPDF_STATUS ret = HPDF_Stream_WriteStr(raw->out, "\012stream\012");
  if (ret == HPDF_OK && raw->source) {
    thread_local std::string bytes;
    if (!raw->source->Read(raw->source_offset, raw->size, &bytes) || bytes.size() != raw->size)
      return HPDF_FILE_IO_ERROR;
    if (raw->size) ret = HPDF_Stream_Write(raw->out, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), raw->size);
  } else if (ret == HPDF_OK && raw->size) {
    ret = HPDF_Stream_Write(raw->out, raw->bytes(), raw->size);
  }
  if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(raw->out, "\012endstream");
  return ret;
}

void FreeStreamData(HPDF_Dict dict) {
  if (dict->attr) HPDF_FreeMem(dict->mmgr, dict->attr);
  dict->attr = nullptr;
}

// A sealed page (internal 7): what its entries would have been.
struct SealedPage {
  HPDF_Dict parent = nullptr;
  HPDF_Dict contents = nullptr;
};

HPDF_STATUS WriteSealedPage(HPDF_Dict dict, HPDF_Stream out) {
  const auto* page = static_cast<const SealedPage*>(dict->attr);
  char text[96];
  std::snprintf(text, sizeof text, "/Type /Page\012/Parent %u %u R\012/Contents %u %u R\012",
                static_cast<unsigned>(page->parent->header.obj_id & 0x00FFFFFF),
                static_cast<unsigned>(page->parent->header.gen_no),
                static_cast<unsigned>(page->contents->header.obj_id & 0x00FFFFFF),
                static_cast<unsigned>(page->contents->header.gen_no));
  return HPDF_Stream_WriteStr(out, text);
}

// Entries may be put on any dictionary but a sealed page.
bool Writable(Dict dict) { return dict && D(dict)->write_fn != WriteSealedPage; }

}  // namespace

std::string LoadedVersion() { return HPDF_GetVersion(); }

struct Document::State {
  HPDF_Doc pdf = nullptr;
  HPDF_STATUS code = HPDF_OK, detail = 0;
  std::string problem;  // a failure that is not libharu's own
  bool media_box_set = false;  // on the page tree, by the first page
  size_t pages_per_node = 0;   // PlanPages: 0, every page on the root; else nodes of this many
  HPDF_Dict node = nullptr;    // the node that takes the next page, and how many it has
  size_t node_pages = 0;
  double media_box[2] = {0, 0};
};

namespace {
void OnError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* state = static_cast<Document::State*>(user_data);
  if (state->code == HPDF_OK) {
    state->code = error_no;
    state->detail = detail_no;
  }
}
}  // namespace

Document::Document() : state_(std::make_unique<State>()) {
  if (LoadedVersion() != kExpectedVersion) {
    state_->problem = "libharu " + LoadedVersion() + " is loaded; stdok is written against " + kExpectedVersion;
    return;
  }
  state_->pdf = HPDF_New(&OnError, state_.get());
  if (!state_->pdf) {
    state_->problem = "libharu could not create a document";
    return;
  }
  HPDF_SetCompressionMode(state_->pdf, HPDF_COMP_NONE);  // streams come compressed from stdok
}

Document::~Document() {
  if (state_->pdf) HPDF_Free(state_->pdf);
}

bool Document::ok() const { return state_->pdf && state_->code == HPDF_OK && state_->problem.empty(); }

std::string Document::error() const {
  if (!state_->problem.empty()) return state_->problem;
  if (state_->code == HPDF_OK) return "";
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X, detail %u", static_cast<unsigned>(state_->code),
                static_cast<unsigned>(state_->detail));
  return text;
}

Dict Document::NewDict() { return state_->pdf ? Dict{HPDF_Dict_New(state_->pdf->mmgr)} : Dict{}; }

Array Document::NewArray() { return state_->pdf ? Array{HPDF_Array_New(state_->pdf->mmgr)} : Array{}; }

Dict Document::NewIndirectDict() {
  Dict d = NewDict();
  if (!d || HPDF_Xref_Add(state_->pdf->xref, D(d)) != HPDF_OK) return Dict{};
  return d;
}

namespace {
// An indirect stream of `bytes` as they are (internal 2), or of `size` bytes read from `source`
// at `offset` when it is written.
HPDF_Dict NewRawStream(HPDF_Doc pdf, const std::string& bytes, const char* filter,
                       const StreamSource* source = nullptr, uint64_t offset = 0, uint64_t size = 0) {
  if (!pdf) return nullptr;
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (!dict) return nullptr;
  void* block = HPDF_GetMem(pdf->mmgr, static_cast<HPDF_UINT>(sizeof(RawStream) + bytes.size()));
  if (!block) {
    HPDF_Dict_Free(dict);
    return nullptr;
  }
  auto* raw = new (block) RawStream;
  raw->filter = filter;
  raw->size = static_cast<HPDF_UINT>(source ? size : bytes.size());
  raw->source = source;
  raw->source_offset = offset;
  if (!bytes.empty()) std::memcpy(raw + 1, bytes.data(), bytes.size());
  dict->attr = raw;
  dict->write_fn = WriteStreamKeys;
  dict->after_write_fn = WriteStreamData;
  dict->free_fn = FreeStreamData;
  if (HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;  // the table frees it then
  return dict;
}
}  // namespace

Dict Document::NewStream(const std::string& bytes, bool flate) {
  return Dict{NewRawStream(state_->pdf, bytes, flate ? "/Filter /FlateDecode\012" : nullptr)};
}

Dict Document::NewJpegStream(const std::string& jpeg) {
  return Dict{NewRawStream(state_->pdf, jpeg, "/Filter /DCTDecode\012")};
}

// A direct object is owned by what holds it: one that cannot be put anywhere (the holder is a
// failed handle) is freed here, or nothing would. HPDF_Obj_Free leaves indirect objects, which
// the cross-reference table owns, alone.
bool Document::Put(Dict dict, const char* key, Dict value) {
  if (!Writable(dict)) {
    if (value) HPDF_Obj_Free(state_->pdf->mmgr, value.p);
    return false;
  }
  return value && HPDF_Dict_Add(D(dict), key, D(value)) == HPDF_OK;
}
bool Document::Put(Dict dict, const char* key, Array value) {
  if (!Writable(dict)) {
    if (value) HPDF_Obj_Free(state_->pdf->mmgr, value.p);
    return false;
  }
  return value && HPDF_Dict_Add(D(dict), key, A(value)) == HPDF_OK;
}
bool Document::PutName(Dict dict, const char* key, const char* name) {
  return Writable(dict) && HPDF_Dict_AddName(D(dict), key, name) == HPDF_OK;
}
bool Document::PutNumber(Dict dict, const char* key, long value) {
  return Writable(dict) && HPDF_Dict_AddNumber(D(dict), key, static_cast<HPDF_INT32>(value)) == HPDF_OK;
}
bool Document::PutReal(Dict dict, const char* key, double value) {
  return Writable(dict) && HPDF_Dict_AddReal(D(dict), key, static_cast<HPDF_REAL>(value)) == HPDF_OK;
}
bool Document::PutString(Dict dict, const char* key, const std::string& bytes) {
  if (!Writable(dict)) return false;
  HPDF_String s = HPDF_String_New(state_->pdf->mmgr, bytes.c_str(), nullptr);
  return s && HPDF_Dict_Add(D(dict), key, s) == HPDF_OK;
}
bool Document::PutBinary(Dict dict, const char* key, const std::vector<uint8_t>& bytes) {
  if (!Writable(dict)) return false;
  HPDF_Binary b = HPDF_Binary_New(state_->pdf->mmgr, const_cast<HPDF_BYTE*>(bytes.data()),
                                  static_cast<HPDF_UINT>(bytes.size()));
  return b && HPDF_Dict_Add(D(dict), key, b) == HPDF_OK;
}

bool Document::Push(Array array, Dict value) {
  if (!array) {
    if (value) HPDF_Obj_Free(state_->pdf->mmgr, value.p);
    return false;
  }
  return value && HPDF_Array_Add(A(array), D(value)) == HPDF_OK;
}
bool Document::PushName(Array array, const char* name) { return array && HPDF_Array_AddName(A(array), name) == HPDF_OK; }
bool Document::PushNumber(Array array, long value) {
  return array && HPDF_Array_AddNumber(A(array), static_cast<HPDF_INT32>(value)) == HPDF_OK;
}
bool Document::PushReal(Array array, double value) {
  return array && HPDF_Array_AddReal(A(array), static_cast<HPDF_REAL>(value)) == HPDF_OK;
}
bool Document::PushBinary(Array array, const std::vector<uint8_t>& bytes) {
  if (!array) return false;
  HPDF_Binary b = HPDF_Binary_New(state_->pdf->mmgr, const_cast<HPDF_BYTE*>(bytes.data()),
                                  static_cast<HPDF_UINT>(bytes.size()));
  return b && HPDF_Array_Add(A(array), b) == HPDF_OK;
}

Dict Document::catalog() { return state_->pdf ? Dict{state_->pdf->catalog} : Dict{}; }
Dict Document::trailer() { return state_->pdf ? Dict{state_->pdf->trailer} : Dict{}; }

Dict Document::InfoWithDates(const std::tm& utc) {
  if (!state_->pdf) return Dict{};
  HPDF_Date date{};
  date.year = utc.tm_year + 1900;
  date.month = utc.tm_mon + 1;
  date.day = utc.tm_mday;
  date.hour = utc.tm_hour;
  date.minutes = utc.tm_min;
  date.seconds = utc.tm_sec;
  date.ind = '+';  // internal 4
  HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_MOD_DATE, date);
  return Dict{state_->pdf->info};  // made by HPDF_SetInfoDateAttr
}

void Document::SetVersion14() {
  if (state_->pdf) state_->pdf->pdf_version = HPDF_VER_14;
}

Dict Document::AddPage(double width, double height, const std::string& compressed, bool sealed) {
  return AddPage(width, height, compressed, nullptr, 0, 0, sealed);
}

Dict Document::AddPage(double width, double height, const StreamSource& source, uint64_t offset, uint64_t size,
                       bool sealed) {
  return AddPage(width, height, std::string(), &source, offset, size, sealed);
}

Dict Document::AddPage(double width, double height, const std::string& compressed, const StreamSource* source,
                       uint64_t offset, uint64_t size, bool sealed) {
  if (!state_->pdf) return Dict{};
  HPDF_Doc pdf = state_->pdf;
  HPDF_Dict page = HPDF_Dict_New(pdf->mmgr);
  if (!page) return Dict{};
  page->header.obj_class |= HPDF_OSUBCLASS_PAGE;  // internal 3
  if (HPDF_Xref_Add(pdf->xref, page) != HPDF_OK) return Dict{};
  HPDF_Dict contents = NewRawStream(pdf, compressed, "/Filter /FlateDecode\012", source, offset, size);
  HPDF_Dict parent = pdf->root_pages;
  if (state_->pages_per_node) {  // internal 6
    if (!state_->node || state_->node_pages == state_->pages_per_node) {
      state_->node = HPDF_Pages_New(pdf->mmgr, pdf->root_pages, pdf->xref);
      state_->node_pages = 0;
      if (!state_->node) return Dict{};
    }
    parent = state_->node;
    ++state_->node_pages;
  }
  HPDF_Array kids = static_cast<HPDF_Array>(HPDF_Dict_GetItem(parent, "Kids", HPDF_OCLASS_ARRAY));
  // The first page's size goes on the page tree, which its pages inherit; another size is the
  // page's own.
  bool ok = contents && kids;
  bool own_box = false;
  if (!state_->media_box_set) {
    ok = ok && Put(Dict{pdf->root_pages}, "MediaBox", Box(width, height));
    state_->media_box_set = true;
    state_->media_box[0] = width;
    state_->media_box[1] = height;
  } else if (width != state_->media_box[0] || height != state_->media_box[1]) {
    own_box = true;
    ok = ok && Put(Dict{page}, "MediaBox", Box(width, height));
  }
  if (ok && sealed && !own_box) {  // internal 7
    void* block = HPDF_GetMem(pdf->mmgr, sizeof(SealedPage));
    if (!block) return Dict{};
    page->attr = new (block) SealedPage{parent, contents};
    page->write_fn = WriteSealedPage;
    page->free_fn = FreeStreamData;
  } else {
    ok = ok && HPDF_Dict_AddName(page, "Type", "Page") == HPDF_OK;
    ok = ok && HPDF_Dict_Add(page, "Parent", parent) == HPDF_OK;
    ok = ok && HPDF_Dict_Add(page, "Contents", contents) == HPDF_OK;
  }
  ok = ok && HPDF_Array_Add(kids, page) == HPDF_OK;
  return ok ? Dict{page} : Dict{};
}

void Document::PlanPages(size_t count) {
  // Internal 6: the root's /Kids holds 32,767 pages; more go into nodes of 1,024 pages under it
  // (then up to 33 million pages). Fewer keep the flat tree, byte for byte as before.
  constexpr size_t kMaxKids = HPDF_LIMIT_MAX_ARRAY, kPagesPerNode = 1024;
  state_->pages_per_node = count > kMaxKids ? kPagesPerNode : 0;
}

Dict Document::pages() { return state_->pdf ? Dict{state_->pdf->root_pages} : Dict{}; }

Array Document::Box(double width, double height) {
  Array box = NewArray();
  bool ok = PushNumber(box, 0) && PushNumber(box, 0) && PushReal(box, width) && PushReal(box, height);
  return ok ? box : Array{};
}

namespace {
// The output of SaveInParts: libharu's writes, gathered into parts of this size (the last smaller).
constexpr size_t kPartBytes = 64 * 1024;
struct PartsOut {
  const std::function<bool(std::string_view)>* write;
  std::string part;
  bool refused = false;
  bool Flush() {
    if (!part.empty() && !(*write)(part)) refused = true;
    part.clear();
    return !refused;
  }
};
HPDF_STATUS WritePart(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  auto* out = static_cast<PartsOut*>(stream->attr);
  for (HPDF_UINT at = 0; at < size;) {
    const size_t take = std::min<size_t>(size - at, kPartBytes - out->part.size());
    out->part.append(reinterpret_cast<const char*>(bytes) + at, take);
    at += static_cast<HPDF_UINT>(take);
    if (out->part.size() == kPartBytes && !out->Flush()) return HPDF_FILE_IO_ERROR;
  }
  return HPDF_OK;
}
}  // namespace

bool Document::SaveInParts(const std::function<bool(std::string_view)>& write, bool* refused) {
  *refused = false;
  if (!ok()) return false;
  HPDF_Doc pdf = state_->pdf;
  if (pdf->encrypt_on || !pdf->info) {
    state_->problem = "the document cannot be saved in parts (encrypted, or no information dictionary)";
    return false;
  }
  PartsOut out{&write};
  out.part.reserve(kPartBytes);
  HPDF_Stream stream = HPDF_CallbackWriter_New(pdf->mmgr, WritePart, &out);
  if (!stream) return false;
  // Internal 5: what HPDF_SaveToStream writes, in the same order.
  char header[32];
  std::snprintf(header, sizeof header, "%%PDF-1.%d\012%%\267\276\255\252\012", 2 + static_cast<int>(pdf->pdf_version));
  bool good = HPDF_Stream_WriteStr(stream, header) == HPDF_OK &&
              HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog) == HPDF_OK &&
              HPDF_Dict_Add(pdf->trailer, "Info", pdf->info) == HPDF_OK &&
              HPDF_Xref_WriteToStream(pdf->xref, stream, nullptr) == HPDF_OK;
  HPDF_Stream_Free(stream);
  good = good && out.Flush();
  *refused = out.refused;
  return good && ok();
}

bool Document::Save(std::string* bytes) {
  if (!ok()) return false;
  if (HPDF_SaveToStream(state_->pdf) != HPDF_OK || !ok()) return false;
  HPDF_UINT32 size = HPDF_GetStreamSize(state_->pdf);
  bytes->resize(size);
  HPDF_UINT32 read = size;
  HPDF_ResetStream(state_->pdf);
  HPDF_ReadFromStream(state_->pdf, reinterpret_cast<HPDF_BYTE*>(bytes->data()), &read);
  if (read != size) {
    state_->problem = "cannot read the PDF back from memory";
    return false;
  }
  return true;
}

}  // namespace stdok::haru
