// The aligner on arbitrary sentence lists. The input is SOURCE, kFileSeparator, TARGET, and
// optionally kFileSeparator, FIXED: one sentence per line on each side, and fixed beads as lines
// of four numbers "source_begin source_count target_begin target_count" (the aligner must refuse
// inconsistent ones with a Status). The first byte picks the options and the language pair.
// Valid UTF-8 only, as every reader guarantees. The returned ladder must cover both sides
// exactly once, in order, and keep the fixed beads.
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "tandem/align/aligner.h"
#include "tandem/align/bead.h"
#include "tandem/core/text_io.h"

namespace {

std::vector<std::string_view> Lines(std::string_view text, std::size_t limit) {
  std::vector<std::string_view> lines;
  while (!text.empty() && lines.size() < limit) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<tandem::align::Bead> FixedBeads(std::string_view text) {
  std::vector<tandem::align::Bead> beads;
  for (std::string_view line : Lines(text, 16)) {
    std::size_t values[4] = {};
    const char* at = line.data();
    const char* end = line.data() + line.size();
    bool ok = true;
    for (std::size_t& value : values) {
      while (at < end && *at == ' ') ++at;
      const std::from_chars_result parsed = std::from_chars(at, end, value);
      if (parsed.ec != std::errc()) {
        ok = false;
        break;
      }
      at = parsed.ptr;
    }
    if (ok) beads.push_back({values[0], values[1], values[2], values[3], 1.0});
  }
  return beads;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input = tandem::fuzz::Bytes(data + 1, size - 1);
  if (!tandem::CheckUtf8(input, "fuzz").ok()) return 0;
  const std::vector<std::string_view> parts = tandem::fuzz::SplitFiles(input, 3);
  tandem::align::AlignInput align_input;
  // A bounded number of sentences keeps each run short; the search's scaling is measured by
  // bench/scale.sh, not here.
  align_input.source = Lines(parts[0], 200);
  align_input.target = Lines(parts[1], 200);
  align_input.fixed = FixedBeads(parts[2]);
  static constexpr const char* kPairs[][2] = {{"en", "hu"}, {"de", "fr"}, {"", ""}, {"ja", "en"}};
  const std::uint8_t choice = data[0];
  align_input.source_language = kPairs[choice % 4][0];
  align_input.target_language = kPairs[choice % 4][1];
  align_input.lexicons.push_back(
      {"fuzz", {{"letter", "levél"}, {"party", "párt"}, {"the", "a"}, {"1928", "1928"}}});
  tandem::align::AlignOptions options;
  options.max_bead = 1 + (choice / 4) % 5;
  options.learn = (choice & 0x20) != 0;
  options.explain = (choice & 0x40) != 0;
  options.threads = 1;
  tandem::StatusOr<tandem::align::AlignReport> result =
      tandem::align::AlignWithReport(align_input, options);
  if (!result.ok()) return 0;
  tandem::fuzz::CheckInvariant(
      tandem::align::ValidateLadder(result->ladder, align_input.source.size(),
                                    align_input.target.size()),
      "the aligner's ladder");
  std::size_t next = 0;
  for (const tandem::align::Bead& fixed : align_input.fixed) {
    bool found = false;
    for (; next < result->ladder.size(); ++next) {
      const tandem::align::Bead& bead = result->ladder[next];
      if (bead.source_begin == fixed.source_begin && bead.source_count == fixed.source_count &&
          bead.target_begin == fixed.target_begin && bead.target_count == fixed.target_count) {
        found = true;
        break;
      }
    }
    if (!found) {
      std::fprintf(stderr, "a fixed bead was not kept\n");
      std::abort();
    }
  }
  return 0;
}
