// The layout of a prepared lexicon (tandem/align/lexicon.h), read in place from its bytes.
//
// The serialized form, every number a little-endian uint32 and every section padded to 4 bytes:
//   header    "TNDMLEX1", format version, payload bytes (2 words: low, high), checksum (2
//             words) of the payload (PreparedChecksum)
//   payload   the name, the source side's signature, the target side's (each: length, bytes)
//             per side: stem count n; n + 1 byte offsets of the stems in the side's string
//               bytes; the stems' indices sorted by their bytes; the string bytes
//             entry count e; e + 1 offsets into the source stem list; the source stem list
//             (stem indices); e + 1 offsets into the target stem list; the target stem list
// Entries keep the order of the lexicon, so that alignments with the lexicon and with its
// prepared form are the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/lexicon.h"
#include "tandem/core/status.h"

namespace tandem::align::internal {

class WordKeys;

// uint32 values in place in a byte buffer (which need not be aligned).
class U32Array {
 public:
  U32Array() = default;
  U32Array(const char* data, std::size_t size) : data_(data), size_(size) {}
  std::uint32_t operator[](std::size_t k) const {
    std::uint32_t value;
    std::memcpy(&value, data_ + 4 * k, 4);
    return value;
  }
  std::size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

struct PreparedSide {
  std::string signature;  // WordKeys::Signature of the side it was prepared with
  U32Array offsets;       // count + 1
  U32Array sorted;        // count
  const char* bytes = nullptr;
  std::size_t count = 0;

  std::string_view Stem(std::uint32_t k) const {
    return {bytes + offsets[k], static_cast<std::size_t>(offsets[k + 1] - offsets[k])};
  }
  // The index of a stem, by binary search.
  std::optional<std::uint32_t> Find(std::string_view stem) const;
};

struct PreparedLayout {
  std::string name;
  PreparedSide source;
  PreparedSide target;
  std::size_t entries = 0;
  U32Array source_begin;  // entries + 1
  U32Array source_stems;
  U32Array target_begin;  // entries + 1
  U32Array target_stems;
  // Each entry with stems on both sides under the rarest of its stems, of either side (the
  // entries under source stem k are by_source_stem[by_source_stem_begin[k] ...
  // by_source_stem_begin[k + 1]), in entry order; likewise for target stems), so that a pair
  // looks up the entries its stems can make instead of going through all of them.
  U32Array by_source_stem_begin;  // source.count + 1
  U32Array by_source_stem;
  U32Array by_target_stem_begin;  // target.count + 1
  U32Array by_target_stem;
};

// Prepares `lexicon` with the keys of each side (PreparedLexicon::Prepare with tools already
// made).
StatusOr<PreparedLexicon> PrepareWith(const Lexicon& lexicon, const WordKeys& source,
                                      const WordKeys& target);

// Ok when `lexicon` was prepared with the keys of `source` and `target` (their signatures);
// kInvalidArgument naming the dictionary otherwise.
Status CheckKeyedAs(const PreparedLexicon& lexicon, const WordKeys& source, const WordKeys& target);

// The by_source_stem and by_target_stem indexes of PreparedLayout, from the entries' stem
// lists (`*_begin`: entries + 1 offsets into `*_stems`) of sides of `*_count` stems.
struct RarestStemIndex {
  std::vector<std::uint32_t> source_begin;
  std::vector<std::uint32_t> source;
  std::vector<std::uint32_t> target_begin;
  std::vector<std::uint32_t> target;
};
RarestStemIndex IndexByRarestStem(std::size_t source_count, std::size_t target_count,
                                  const std::vector<std::uint32_t>& source_begin,
                                  const std::vector<std::uint32_t>& source_stems,
                                  const std::vector<std::uint32_t>& target_begin,
                                  const std::vector<std::uint32_t>& target_stems);

// A 64-bit checksum of bytes: fast (eight bytes a step) and sensitive to every bit.
std::uint64_t PreparedChecksum(std::string_view bytes);

}  // namespace tandem::align::internal
