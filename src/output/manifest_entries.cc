#include "output/manifest_entries.h"

#include <algorithm>

namespace stdok {
namespace {

constexpr std::size_t kBlockSize = std::size_t{1} << 20;

void PutSize(std::size_t n, std::string* out) {  // LEB128
  do {
    unsigned char byte = n & 0x7F;
    n >>= 7;
    if (n) byte |= 0x80;
    out->push_back(static_cast<char>(byte));
  } while (n);
}

std::size_t GetSize(std::string_view text, std::size_t* at) {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    const unsigned char byte = static_cast<unsigned char>(text[(*at)++]);
    n |= std::size_t{byte & 0x7Fu} << shift;
    if (!(byte & 0x80)) return n;
  }
}

void PutField(std::string_view field, std::string* out) {
  PutSize(field.size(), out);
  out->append(field);
}

std::string GetField(std::string_view text, std::size_t* at) {
  const std::size_t n = GetSize(text, at);
  std::string field(text.substr(*at, n));
  *at += n;
  return field;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// A SHA-256 as 64 lowercase hex digits is kept as its 32 bytes (marker 1), anything else as text (0).
void PutDigest(const std::string& hex, std::string* out) {
  bool digest = hex.size() == 64;
  for (std::size_t i = 0; digest && i < hex.size(); ++i) digest = HexDigit(hex[i]) >= 0;
  if (!digest) {
    out->push_back(0);
    PutField(hex, out);
    return;
  }
  out->push_back(1);
  for (std::size_t i = 0; i < 64; i += 2)
    out->push_back(static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1])));
}

std::string GetDigest(std::string_view text, std::size_t* at) {
  if (text[(*at)++] == 0) return GetField(text, at);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (int i = 0; i < 32; ++i) {
    const unsigned char byte = static_cast<unsigned char>(text[(*at)++]);
    hex += kHex[byte >> 4];
    hex += kHex[byte & 15];
  }
  return hex;
}

}  // namespace

ManifestEntries::ManifestEntries(std::initializer_list<ManifestEntry> entries) {
  for (const ManifestEntry& e : entries) push_back(e);
}

ManifestEntries::ManifestEntries(const std::vector<ManifestEntry>& entries) {
  for (const ManifestEntry& e : entries) push_back(e);
}

std::string_view ManifestEntries::Text(const Packed& p) const {
  return std::string_view(blocks_[p.block]).substr(p.offset);
}

void ManifestEntries::push_back(const ManifestEntry& e) {
  Packed p{};
  p.owner = static_cast<std::uint32_t>(index_.size());
  if (!index_.empty()) {  // the same trainee as the entry before: its id and name are shared
    const std::uint32_t previous = index_.back().owner;
    std::size_t at = 0;
    const std::string_view text = Text(index_[previous]);
    if (GetField(text, &at) == e.trainee_id && GetField(text, &at) == e.trainee_name) p.owner = previous;
  }
  std::string packed;
  if (p.owner == index_.size()) {
    PutField(e.trainee_id, &packed);
    PutField(e.trainee_name, &packed);
  }
  PutField(e.doc_id, &packed);
  PutField(e.file, &packed);
  PutField(e.status, &packed);
  PutField(e.reason, &packed);
  PutDigest(e.sha256, &packed);
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < packed.size()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlockSize, packed.size()));
  }
  p.block = static_cast<std::uint32_t>(blocks_.size() - 1);
  p.offset = static_cast<std::uint32_t>(blocks_.back().size());
  blocks_.back().append(packed);
  p.pages = e.pages;
  p.bytes = e.bytes;
  index_.push_back(p);
}

ManifestEntry ManifestEntries::operator[](std::size_t index) const {
  if (auto it = replaced_.find(index); it != replaced_.end()) return it->second;
  const Packed& p = index_[index];
  ManifestEntry e;
  std::size_t at = 0;
  const std::string_view owner = Text(index_[p.owner]);
  e.trainee_id = GetField(owner, &at);
  e.trainee_name = GetField(owner, &at);
  const std::string_view text = Text(p);
  if (p.owner != index) at = 0;
  e.doc_id = GetField(text, &at);
  e.file = GetField(text, &at);
  e.status = GetField(text, &at);
  e.reason = GetField(text, &at);
  e.sha256 = GetDigest(text, &at);
  e.pages = p.pages;
  e.bytes = static_cast<std::size_t>(p.bytes);
  return e;
}

void ManifestEntries::Replace(std::size_t index, const ManifestEntry& entry) { replaced_[index] = entry; }

}  // namespace stdok
