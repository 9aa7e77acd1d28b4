// Aligning many pairs: a manifest (from `tandem discover`, or written by hand) in, one aligned
// corpus file and one summary per pair out. What `tandem batch` runs.
//
//   TANDEM_ASSIGN_OR_RETURN(std::vector<tandem::corpora::ManifestEntry> entries,
//                           tandem::corpora::ReadManifest("pairs.tsv"));
//   tandem::corpora::BatchOptions options;
//   options.entries = tandem::corpora::SelectShard(entries, 1, 4);   // the first of 4 shards
//   options.output_directory = "out";
//   options.write = [](const Bitext& bitext, const std::string& stem) { ... };  // any format
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::BatchResult result,
//                           tandem::corpora::RunBatch(options));
//
// Every pair is independent: an error in one is recorded in its summary and the batch goes on.
// A pair is done when its summary `OUT/ID.json` exists; it is written (atomically, like every
// output) after the pair's corpus file, so an interrupted batch resumes where it stopped:
// done pairs are skipped unless `force`. Shards (K of N) take every N-th pair, so N shards
// cover the manifest exactly once and can run on different machines into one directory.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tandem/core/status.h"
#include "tandem/corpora/pipeline.h"

namespace tandem::corpora {

// One line of a manifest.
struct ManifestEntry {
  std::string id;  // unique in the manifest; PairId(source, target) when the manifest has none
  std::string source;
  std::string target;
  std::string source_language;
  std::string target_language;
  std::size_t line = 0;  // in the manifest, for messages
};

// Reads a manifest: tab-separated, a header line naming the columns; `source`, `target`,
// `source_lang` and `target_lang` are required, `id` optional, others ignored (the columns
// `tandem discover` writes). Lines starting with '#' and blank lines are skipped. Relative
// paths are taken relative to the current directory when the file exists there, else to the
// manifest's directory. Errors name the manifest and line.
StatusOr<std::vector<ManifestEntry>> ReadManifest(const std::string& path);

// The entries of shard `k` (1-based) of `n`: every n-th entry from the k-th on.
std::vector<ManifestEntry> SelectShard(const std::vector<ManifestEntry>& entries, std::size_t k,
                                       std::size_t n);

// What happened to one pair.
struct PairOutcome {
  std::string id;
  std::string source;
  std::string target;
  enum class State { kAligned, kSkipped, kFailed } state = State::kAligned;
  std::string error;  // for kFailed
  std::size_t source_sentences = 0;
  std::size_t target_sentences = 0;
  std::size_t beads = 0;
  std::vector<std::pair<std::string, std::size_t>> beads_by_type;  // "1:1" -> count
  double mean_confidence = 0;
  double seconds = 0;
  std::string summary_json;  // the line of the JSONL summary
};

struct BatchProgress {
  std::size_t total = 0;
  std::size_t aligned = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  std::chrono::steady_clock::duration elapsed{};
  const PairOutcome* last = nullptr;  // the pair that just finished
  std::size_t finished() const { return aligned + skipped + failed; }
};

struct BatchOptions {
  std::vector<ManifestEntry> entries;
  std::string output_directory;  // created when missing
  // The template of each pair's request: languages and paths are filled from the entry.
  AlignFilesRequest request;
  // Writes one aligned pair; `stem` is OUT/ID, to which the writer adds its extension(s).
  std::function<Status(const Bitext& bitext, const std::string& stem)> write;
  std::size_t jobs = 1;  // pairs aligned at once; each alignment then uses one thread
  bool force = false;    // align pairs whose summary exists
  // Called after each pair (from the worker threads, one call at a time).
  std::function<void(const BatchProgress& progress)> progress;
};

struct BatchResult {
  std::vector<PairOutcome> pairs;  // in the order of the entries
  std::size_t aligned = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
};

// Fails only when the output directory cannot be made or the entries' ids repeat; errors of
// single pairs are in their outcomes.
StatusOr<BatchResult> RunBatch(const BatchOptions& options);

// The JSON Lines summary of a batch: one line per pair.
std::string FormatBatchSummary(const BatchResult& result);

}  // namespace tandem::corpora
