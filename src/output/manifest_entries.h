// A run's manifest entries kept compactly: a national run has one entry per document (145,309
// for 10,000 trainees with every document), which as ManifestEntry objects (nine strings each)
// took ~65 MiB. Here an entry is its text packed into shared blocks, the trainee's id and name
// once per run of entries of the same trainee, and a written file's SHA-256 as 32 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "output/manifest.h"

namespace stdok {

class ManifestEntries {
 public:
  ManifestEntries() = default;
  ManifestEntries(std::initializer_list<ManifestEntry> entries);
  ManifestEntries(const std::vector<ManifestEntry>& entries);  // NOLINT: a list of entries is one

  void push_back(const ManifestEntry& entry);
  std::size_t size() const { return index_.size(); }
  bool empty() const { return index_.empty(); }
  // The index-th entry as pushed (or as last replaced), unpacked.
  ManifestEntry operator[](std::size_t index) const;
  // Replaces the index-th entry (rare: a document that could not be made durable).
  void Replace(std::size_t index, const ManifestEntry& entry);

  class const_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = ManifestEntry;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = ManifestEntry;
    const_iterator(const ManifestEntries* entries, std::size_t at) : entries_(entries), at_(at) {}
    ManifestEntry operator*() const { return (*entries_)[at_]; }
    const_iterator& operator++() { ++at_; return *this; }
    bool operator==(const const_iterator& o) const { return at_ == o.at_; }
    bool operator!=(const const_iterator& o) const { return at_ != o.at_; }

   private:
    const ManifestEntries* entries_;
    std::size_t at_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  struct Packed {
    std::uint32_t block;   // which of blocks_
    std::uint32_t offset;  // where its text starts there
    std::uint32_t owner;   // the entry whose id and name it shares (itself when it has its own)
    std::int32_t pages;
    std::uint64_t bytes;
  };
  std::string_view Text(const Packed& p) const;

  std::vector<std::string> blocks_;  // each filled up to its capacity, never reallocated
  std::vector<Packed> index_;
  std::map<std::size_t, ManifestEntry> replaced_;
};

}  // namespace stdok
