#include "prepared_lexicon.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "tandem/align/lexicon.h"
#include "word_keys.h"

namespace tandem::align {
namespace internal {
namespace {

constexpr std::string_view kMagic = "TNDMLEX1";
constexpr std::size_t kHeaderBytes = 8 + 4 * 5;  // magic, version, payload size, checksum

void PutU32(std::string& out, std::uint32_t value) {
  char bytes[4];
  std::memcpy(bytes, &value, 4);
  out.append(bytes, 4);
}

void Pad(std::string& out) {
  while (out.size() % 4 != 0) out.push_back('\0');
}

void PutString(std::string& out, std::string_view text) {
  PutU32(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
  Pad(out);
}

// The stems of one side, each once, in order of first use.
class StemPool {
 public:
  std::uint32_t Intern(const std::string& stem) {
    const auto [it, inserted] = ids_.try_emplace(stem, static_cast<std::uint32_t>(stems_.size()));
    if (inserted) stems_.push_back(stem);
    return it->second;
  }

  std::size_t size() const { return stems_.size(); }

  void Write(std::string& out) const {
    PutU32(out, static_cast<std::uint32_t>(stems_.size()));
    std::uint32_t offset = 0;
    PutU32(out, offset);
    for (const std::string& stem : stems_) {
      offset += static_cast<std::uint32_t>(stem.size());
      PutU32(out, offset);
    }
    std::vector<std::uint32_t> sorted(stems_.size());
    std::iota(sorted.begin(), sorted.end(), 0u);
    std::sort(sorted.begin(), sorted.end(),
              [this](std::uint32_t a, std::uint32_t b) { return stems_[a] < stems_[b]; });
    for (std::uint32_t k : sorted) PutU32(out, k);
    for (const std::string& stem : stems_) out.append(stem);
    Pad(out);
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> stems_;
};

// Reads the payload front to back; every read is checked against its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool U32(std::uint32_t& value) {
    if (bytes_.size() - position_ < 4) return false;
    std::memcpy(&value, bytes_.data() + position_, 4);
    position_ += 4;
    return true;
  }
  bool Array(std::size_t count, U32Array& array) {
    if ((bytes_.size() - position_) / 4 < count) return false;
    array = U32Array(bytes_.data() + position_, count);
    position_ += 4 * count;
    return true;
  }
  bool Bytes(std::size_t count, const char*& data) {
    if (bytes_.size() - position_ < count) return false;
    data = bytes_.data() + position_;
    position_ += (count + 3) / 4 * 4;
    position_ = std::min(position_, bytes_.size());
    return true;
  }
  bool String(std::string& text) {
    std::uint32_t size = 0;
    const char* data = nullptr;
    if (!U32(size) || !Bytes(size, data)) return false;
    text.assign(data, size);
    return true;
  }
  bool Side(PreparedSide& side) {
    std::uint32_t count = 0;
    if (!U32(count) || !Array(std::size_t{count} + 1, side.offsets) || !Array(count, side.sorted)) {
      return false;
    }
    side.count = count;
    for (std::size_t k = 0; k < count; ++k) {
      if (side.offsets[k] > side.offsets[k + 1] || side.sorted[k] >= count) return false;
    }
    return side.offsets[0] == 0 && Bytes(side.offsets[count], side.bytes);
  }
  // Offsets into a list of stem indices of a side with `stems` stems.
  bool Entries(std::size_t entries, std::size_t stems, U32Array& begin, U32Array& list) {
    if (!Array(entries + 1, begin) || begin[0] != 0) return false;
    for (std::size_t k = 0; k < entries; ++k) {
      if (begin[k] > begin[k + 1]) return false;
    }
    if (!Array(begin[entries], list)) return false;
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (list[k] >= stems) return false;
    }
    return true;
  }
  bool AtEnd() const { return position_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

}  // namespace

RarestStemIndex IndexByRarestStem(std::size_t source_count, std::size_t target_count,
                                  const std::vector<std::uint32_t>& source_begin,
                                  const std::vector<std::uint32_t>& source_stems,
                                  const std::vector<std::uint32_t>& target_begin,
                                  const std::vector<std::uint32_t>& target_stems) {
  const std::size_t entries = source_begin.size() - 1;
  // How many entries each stem of each side is in.
  std::vector<std::uint32_t> source_frequency(source_count, 0);
  std::vector<std::uint32_t> target_frequency(target_count, 0);
  for (const std::uint32_t stem : source_stems) ++source_frequency[stem];
  for (const std::uint32_t stem : target_stems) ++target_frequency[stem];
  // Each entry with stems on both sides under its rarest stem of either side: the stem, with
  // kTarget set when it is a target stem.
  constexpr std::uint32_t kNone = 0xFFFFFFFF;
  constexpr std::uint32_t kTarget = 0x80000000;
  RarestStemIndex index;
  std::vector<std::uint32_t> key(entries, kNone);
  index.source_begin.assign(source_count + 1, 0);
  index.target_begin.assign(target_count + 1, 0);
  for (std::size_t e = 0; e < entries; ++e) {
    const std::uint32_t s0 = source_begin[e];
    const std::uint32_t s1 = source_begin[e + 1];
    const std::uint32_t t0 = target_begin[e];
    const std::uint32_t t1 = target_begin[e + 1];
    if (s0 == s1 || t0 == t1) continue;
    std::uint32_t best = source_stems[s0];
    std::uint32_t best_frequency = source_frequency[best];
    for (std::uint32_t k = s0 + 1; k < s1; ++k) {
      if (source_frequency[source_stems[k]] < best_frequency) {
        best = source_stems[k];
        best_frequency = source_frequency[best];
      }
    }
    for (std::uint32_t k = t0; k < t1; ++k) {
      if (target_frequency[target_stems[k]] < best_frequency) {
        best = target_stems[k] | kTarget;
        best_frequency = target_frequency[target_stems[k]];
      }
    }
    key[e] = best;
    if ((best & kTarget) != 0) {
      ++index.target_begin[(best & ~kTarget) + 1];
    } else {
      ++index.source_begin[best + 1];
    }
  }
  for (std::vector<std::uint32_t>* begin : {&index.source_begin, &index.target_begin}) {
    for (std::size_t k = 0; k + 1 < begin->size(); ++k) (*begin)[k + 1] += (*begin)[k];
  }
  index.source.assign(index.source_begin.back(), 0);
  index.target.assign(index.target_begin.back(), 0);
  std::vector<std::uint32_t> next_source(index.source_begin.begin(), index.source_begin.end() - 1);
  std::vector<std::uint32_t> next_target(index.target_begin.begin(), index.target_begin.end() - 1);
  for (std::size_t e = 0; e < entries; ++e) {
    const std::uint32_t k = key[e];
    if (k == kNone) continue;
    if ((k & kTarget) != 0) {
      index.target[next_target[k & ~kTarget]++] = static_cast<std::uint32_t>(e);
    } else {
      index.source[next_source[k]++] = static_cast<std::uint32_t>(e);
    }
  }
  return index;
}

std::optional<std::uint32_t> PreparedSide::Find(std::string_view stem) const {
  std::size_t low = 0;
  std::size_t high = count;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (Stem(sorted[middle]) < stem) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low < count && Stem(sorted[low]) == stem) return sorted[low];
  return std::nullopt;
}

Status CheckKeyedAs(const PreparedLexicon& lexicon, const WordKeys& source,
                    const WordKeys& target) {
  const PreparedLayout& layout = lexicon.layout();
  if (layout.source.signature == source.Signature() &&
      layout.target.signature == target.Signature()) {
    return Status::Ok();
  }
  return InvalidArgumentError(fmt::format(
      "the dictionary {} was prepared for words keyed as '{}' -> '{}', this alignment keys them "
      "as '{}' -> '{}'",
      layout.name, layout.source.signature, layout.target.signature, source.Signature(),
      target.Signature()));
}

std::uint64_t PreparedChecksum(std::string_view bytes) {
  // Eight bytes a step, each mixed by a multiply and a rotation (the idea of wyhash/xxhash,
  // much simplified; this guards against damage, not against an adversary).
  constexpr std::uint64_t kPrime = 0x9E3779B97F4A7C15ull;
  std::uint64_t hash = 0xCBF29CE484222325ull ^ bytes.size();
  std::size_t k = 0;
  for (; k + 8 <= bytes.size(); k += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + k, 8);
    hash = (hash ^ word) * kPrime;
    hash ^= hash >> 29;
  }
  for (; k < bytes.size(); ++k) {
    hash = (hash ^ static_cast<unsigned char>(bytes[k])) * kPrime;
    hash ^= hash >> 29;
  }
  return hash;
}

}  // namespace internal

StatusOr<PreparedLexicon> PreparedLexicon::Prepare(const Lexicon& lexicon,
                                                   const std::string& source_language,
                                                   const std::string& target_language) {
  using internal::WordKeys;
  const std::size_t prefix = internal::kUnstemmedPrefix;
  TANDEM_ASSIGN_OR_RETURN(const WordKeys source, WordKeys::Create(source_language, prefix));
  TANDEM_ASSIGN_OR_RETURN(const WordKeys target, WordKeys::Create(target_language, prefix));
  return internal::PrepareWith(lexicon, source, target);
}

namespace internal {

StatusOr<PreparedLexicon> PrepareWith(const Lexicon& lexicon, const WordKeys& source,
                                      const WordKeys& target) {
  StemPool source_pool;
  StemPool target_pool;
  std::vector<std::uint32_t> source_begin = {0};
  std::vector<std::uint32_t> target_begin = {0};
  std::vector<std::uint32_t> source_list;
  std::vector<std::uint32_t> target_list;
  // FreeDict repeats words across entries: each text is stemmed once.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> source_cache;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> target_cache;
  auto stems_of = [](std::string_view text, const WordKeys& keys, StemPool& pool,
                     auto& cache) -> const std::vector<std::uint32_t>& {
    const auto it = cache.find(text);
    if (it != cache.end()) return it->second;
    std::vector<std::uint32_t> ids;
    for (const std::string& stem : keys.EntryStems(text)) ids.push_back(pool.Intern(stem));
    return cache.emplace(text, std::move(ids)).first->second;
  };
  for (const LexiconEntry& entry : lexicon.entries) {
    const std::vector<std::uint32_t>& s = stems_of(entry.source, source, source_pool, source_cache);
    if (s.empty()) continue;
    // An entry without target words is kept (it is in no index: it matches nothing).
    const std::vector<std::uint32_t>& t = stems_of(entry.target, target, target_pool, target_cache);
    source_list.insert(source_list.end(), s.begin(), s.end());
    target_list.insert(target_list.end(), t.begin(), t.end());
    source_begin.push_back(static_cast<std::uint32_t>(source_list.size()));
    target_begin.push_back(static_cast<std::uint32_t>(target_list.size()));
  }

  std::string payload;
  PutString(payload, lexicon.name);
  PutString(payload, source.Signature());
  PutString(payload, target.Signature());
  source_pool.Write(payload);
  target_pool.Write(payload);
  PutU32(payload, static_cast<std::uint32_t>(source_begin.size() - 1));
  for (std::uint32_t x : source_begin) PutU32(payload, x);
  for (std::uint32_t x : source_list) PutU32(payload, x);
  for (std::uint32_t x : target_begin) PutU32(payload, x);
  for (std::uint32_t x : target_list) PutU32(payload, x);
  const RarestStemIndex index = IndexByRarestStem(
      source_pool.size(), target_pool.size(), source_begin, source_list, target_begin, target_list);
  for (std::uint32_t x : index.source_begin) PutU32(payload, x);
  for (std::uint32_t x : index.source) PutU32(payload, x);
  for (std::uint32_t x : index.target_begin) PutU32(payload, x);
  for (std::uint32_t x : index.target) PutU32(payload, x);

  auto bytes = std::make_shared<std::string>();
  bytes->reserve(kHeaderBytes + payload.size());
  bytes->append(kMagic);
  PutU32(*bytes, PreparedLexicon::kFormatVersion);
  const std::uint64_t size = payload.size();
  PutU32(*bytes, static_cast<std::uint32_t>(size));
  PutU32(*bytes, static_cast<std::uint32_t>(size >> 32));
  const std::uint64_t checksum = PreparedChecksum(payload);
  PutU32(*bytes, static_cast<std::uint32_t>(checksum));
  PutU32(*bytes, static_cast<std::uint32_t>(checksum >> 32));
  bytes->append(payload);
  const std::string_view view = *bytes;
  return PreparedLexicon::FromBytes(std::move(bytes), view);
}

}  // namespace internal

StatusOr<PreparedLexicon> PreparedLexicon::FromBytes(std::shared_ptr<const void> owner,
                                                     std::string_view bytes) {
  using internal::Reader;
  auto refuse = [](std::string_view what) {
    return InvalidDataError(fmt::format("not a usable prepared lexicon: {}", what));
  };
  if (bytes.size() < internal::kHeaderBytes || bytes.substr(0, 8) != internal::kMagic) {
    return refuse("no prepared-lexicon header");
  }
  Reader header(bytes.substr(8, internal::kHeaderBytes - 8));
  std::uint32_t version = 0, size_low = 0, size_high = 0, sum_low = 0, sum_high = 0;
  if (!header.U32(version) || !header.U32(size_low) || !header.U32(size_high) ||
      !header.U32(sum_low) || !header.U32(sum_high)) {
    return refuse("truncated header");
  }
  if (version != kFormatVersion) {
    return refuse(fmt::format("format version {}, this tandem reads {}", version, kFormatVersion));
  }
  const std::string_view payload = bytes.substr(internal::kHeaderBytes);
  if (payload.size() != ((std::uint64_t{size_high} << 32) | size_low)) {
    return refuse(fmt::format("{} payload bytes where the header says {}", payload.size(),
                              (std::uint64_t{size_high} << 32) | size_low));
  }
  if (internal::PreparedChecksum(payload) != ((std::uint64_t{sum_high} << 32) | sum_low)) {
    return refuse("the checksum does not match (damaged)");
  }
  auto layout = std::make_shared<internal::PreparedLayout>();
  Reader reader(payload);
  std::uint32_t entries = 0;
  if (!reader.String(layout->name) || !reader.String(layout->source.signature) ||
      !reader.String(layout->target.signature) || !reader.Side(layout->source) ||
      !reader.Side(layout->target) || !reader.U32(entries) ||
      !reader.Entries(entries, layout->source.count, layout->source_begin, layout->source_stems) ||
      !reader.Entries(entries, layout->target.count, layout->target_begin, layout->target_stems) ||
      !reader.Entries(layout->source.count, entries, layout->by_source_stem_begin,
                      layout->by_source_stem) ||
      !reader.Entries(layout->target.count, entries, layout->by_target_stem_begin,
                      layout->by_target_stem) ||
      !reader.AtEnd()) {
    return refuse("its sections do not fit together");
  }
  layout->entries = entries;
  PreparedLexicon prepared;
  prepared.owner_ = std::move(owner);
  prepared.bytes_ = bytes;
  prepared.layout_ = std::move(layout);
  return prepared;
}

const std::string& PreparedLexicon::name() const { return layout_->name; }

std::size_t PreparedLexicon::size() const { return layout_->entries; }

bool PreparedLexicon::Fits(const std::string& source_language,
                           const std::string& target_language) const {
  const std::size_t prefix = internal::kUnstemmedPrefix;
  StatusOr<internal::WordKeys> source = internal::WordKeys::Create(source_language, prefix);
  StatusOr<internal::WordKeys> target = internal::WordKeys::Create(target_language, prefix);
  return source.ok() && target.ok() && source->Signature() == layout_->source.signature &&
         target->Signature() == layout_->target.signature;
}

}  // namespace tandem::align
