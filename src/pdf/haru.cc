// The only file that includes libharu. Beyond its public API (hpdf.h) it relies on these
// internals of libharu 2.3.0, each pinned by a test in pdf/haru_test.cc:
//   1. HPDF_Doc_Rec's mmgr, xref, catalog, trailer, info and pdf_version fields (hpdf_doc.h):
//      the object API needs the memory manager and the cross-reference table, and the catalog,
//      trailer and info dictionary are where the AcroForm, metadata, output intent and /ID go.
//   2. HPDF_Dict_Rec's filter, stream and write_fn (hpdf_objects.h): a stream whose filter is
//      HPDF_STREAM_FILTER_NONE is copied as it is; HPDF_Dict_Write then drops any /Filter entry
//      of the dictionary, so /Filter /FlateDecode is written by write_fn, which runs after the
//      entries. That keeps the filter of bytes stdok compressed itself.
//   3. HPDF_PageAttr's contents and stream (hpdf_pages.h): a page's content stream, replaced.
//   4. HPDF_SetInfoDateAttr with ind '+' writes "D:YYYYMMDDHHmmSS+00'00'" ('Z' writes an
//      invalid date in 2.3.0).
#include "pdf/haru.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

#include <cstdio>
#include <cstring>

namespace stdok::haru {
namespace {

static_assert(HPDF_VERSION_ID == 20300, "stdok's pdf/haru.cc is written against libharu 2.3.0");

HPDF_Dict D(Dict d) { return static_cast<HPDF_Dict>(d.p); }
HPDF_Array A(Array a) { return static_cast<HPDF_Array>(a.p); }

HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_STATUS WriteDctFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /DCTDecode\012");
}

// Copies `bytes` into a stream dictionary as they are (internal 2 above); `write_filter`
// writes its /Filter, if any.
bool FillStream(HPDF_Dict stream, const std::string& bytes, HPDF_STATUS (*write_filter)(HPDF_Dict, HPDF_Stream)) {
  stream->filter = HPDF_STREAM_FILTER_NONE;
  if (write_filter) stream->write_fn = write_filter;
  return bytes.empty() || HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                            static_cast<HPDF_UINT>(bytes.size())) == HPDF_OK;
}

}  // namespace

std::string LoadedVersion() { return HPDF_GetVersion(); }

struct Document::State {
  HPDF_Doc pdf = nullptr;
  HPDF_STATUS code = HPDF_OK, detail = 0;
  std::string problem;  // a failure that is not libharu's own
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

Dict Document::NewStream(const std::string& bytes, bool flate) {
  if (!state_->pdf) return Dict{};
  HPDF_Dict stream = HPDF_DictStream_New(state_->pdf->mmgr, state_->pdf->xref);
  if (!stream || !FillStream(stream, bytes, flate ? WriteFlateFilter : nullptr)) return Dict{};
  return Dict{stream};
}

Dict Document::NewJpegStream(const std::string& jpeg) {
  if (!state_->pdf) return Dict{};
  HPDF_Dict stream = HPDF_DictStream_New(state_->pdf->mmgr, state_->pdf->xref);
  if (!stream || !FillStream(stream, jpeg, WriteDctFilter)) return Dict{};
  return Dict{stream};
}

// A direct object is owned by what holds it: one that cannot be put anywhere (the holder is a
// failed handle) is freed here, or nothing would. HPDF_Obj_Free leaves indirect objects, which
// the cross-reference table owns, alone.
bool Document::Put(Dict dict, const char* key, Dict value) {
  if (!dict) {
    if (value) HPDF_Obj_Free(state_->pdf->mmgr, value.p);
    return false;
  }
  return value && HPDF_Dict_Add(D(dict), key, D(value)) == HPDF_OK;
}
bool Document::Put(Dict dict, const char* key, Array value) {
  if (!dict) {
    if (value) HPDF_Obj_Free(state_->pdf->mmgr, value.p);
    return false;
  }
  return value && HPDF_Dict_Add(D(dict), key, A(value)) == HPDF_OK;
}
bool Document::PutName(Dict dict, const char* key, const char* name) {
  return dict && HPDF_Dict_AddName(D(dict), key, name) == HPDF_OK;
}
bool Document::PutNumber(Dict dict, const char* key, long value) {
  return dict && HPDF_Dict_AddNumber(D(dict), key, static_cast<HPDF_INT32>(value)) == HPDF_OK;
}
bool Document::PutReal(Dict dict, const char* key, double value) {
  return dict && HPDF_Dict_AddReal(D(dict), key, static_cast<HPDF_REAL>(value)) == HPDF_OK;
}
bool Document::PutString(Dict dict, const char* key, const std::string& bytes) {
  if (!dict) return false;
  HPDF_String s = HPDF_String_New(state_->pdf->mmgr, bytes.c_str(), nullptr);
  return s && HPDF_Dict_Add(D(dict), key, s) == HPDF_OK;
}
bool Document::PutBinary(Dict dict, const char* key, const std::vector<uint8_t>& bytes) {
  if (!dict) return false;
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

Dict Document::AddPage(double width, double height, const std::string& compressed) {
  if (!state_->pdf) return Dict{};
  HPDF_Page page = HPDF_AddPage(state_->pdf);
  if (!page) return Dict{};
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
  auto attr = static_cast<HPDF_PageAttr>(page->attr);  // internal 3
  if (!compressed.empty()) {
    attr->contents->filter = HPDF_STREAM_FILTER_NONE;
    attr->contents->write_fn = WriteFlateFilter;
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(compressed.data()),
                          static_cast<HPDF_UINT>(compressed.size())) != HPDF_OK)
      return Dict{};
  }
  return Dict{page};
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
