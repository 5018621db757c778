// A memo for results that are a function of a key alone, for work a run repeats (the templates'
// own text, the same in every document): it keeps the result for a key seen twice (a key seen
// once, a name or a date, costs a hash), up to a bounded number of bytes (then it starts over).
// One per thread (thread_local at the caller): no locks.
#pragma once

#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace stdok {

// Appends the bytes of `value` to a memo key. Every part of a key but its last must have a
// fixed size or be preceded by its size, so that two different inputs never make one key.
template <typename T>
void AppendKey(std::string* key, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  const size_t at = key->size();
  key->resize(at + sizeof(T));
  std::memcpy(key->data() + at, &value, sizeof(T));
}

template <typename Value>
class SeenTwiceMemo {
 public:
  SeenTwiceMemo(size_t max_bytes, size_t max_seen_once) : max_bytes_(max_bytes), max_seen_once_(max_seen_once) {}

  // The remembered result for `key`, or null. Valid until the next Offer.
  const Value* Find(std::string_view key) const {
    auto it = found_.find(key);
    return it == found_.end() ? nullptr : &it->second;
  }

  // Offers the result for a key Find did not have: kept when the key was offered before.
  // `bytes`: what keeping it costs besides the key (the caller's estimate).
  void Offer(std::string_view key, const Value& value, size_t bytes) {
    const size_t hash = Hash()(key);
    if (seen_once_.insert(hash).second) {
      if (seen_once_.size() > max_seen_once_) seen_once_ = {hash};
      return;
    }
    const size_t cost = key.size() + bytes + 64;  // 64: the node and its bookkeeping
    if (bytes_ + cost > max_bytes_) {
      found_.clear();
      bytes_ = 0;
    }
    bytes_ += cost;
    found_.emplace(std::string(key), value);
  }

  size_t size() const { return found_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  size_t max_bytes_, max_seen_once_;
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> found_;
  std::unordered_set<size_t> seen_once_;  // hashes of keys offered once
  size_t bytes_ = 0;
};

}  // namespace stdok
