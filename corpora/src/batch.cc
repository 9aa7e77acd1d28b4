#include "tandem/corpora/batch.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/text_io.h"
#include "tandem/corpora/discover.h"
#include "tandem/corpora/summary.h"

namespace tandem::corpora {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const std::size_t tab = line.find('\t', begin);
    fields.emplace_back(line.substr(begin, tab == std::string_view::npos ? tab : tab - begin));
    if (tab == std::string_view::npos) break;
    begin = tab + 1;
  }
  return fields;
}

std::string Resolve(const std::string& path, const std::filesystem::path& manifest_dir) {
  std::error_code error;
  const std::filesystem::path p(path);
  if (p.is_absolute() || std::filesystem::exists(p, error)) return path;
  const std::filesystem::path beside = manifest_dir / p;
  if (std::filesystem::exists(beside, error)) return beside.string();
  return path;
}

double Round(double x, double unit) { return std::round(x / unit) * unit; }

std::string SummaryJson(const PairOutcome& o) {
  static constexpr const char* kStates[] = {"aligned", "skipped", "failed"};
  nlohmann::json j = {{"id", o.id},
                      {"source", o.source},
                      {"target", o.target},
                      {"status", kStates[static_cast<int>(o.state)]}};
  if (o.state == PairOutcome::State::kFailed) {
    j["error"] = o.error;
  } else {
    nlohmann::json types = nlohmann::json::object();
    for (const auto& [type, count] : o.beads_by_type) types[type] = count;
    j["source_sentences"] = o.source_sentences;
    j["target_sentences"] = o.target_sentences;
    j["beads"] = o.beads;
    j["beads_by_type"] = types;
    j["mean_confidence"] = Round(o.mean_confidence, 0.0001);
  }
  j["seconds"] = Round(o.seconds, 0.001);
  return j.dump();
}

// A done pair's summary, as the earlier run wrote it (so that the batch summary lists it too).
PairOutcome ReadDone(const ManifestEntry& entry, const std::string& summary_path) {
  PairOutcome o;
  o.id = entry.id;
  o.source = entry.source;
  o.target = entry.target;
  o.state = PairOutcome::State::kSkipped;
  StatusOr<std::string> bytes = ReadFileBytes(summary_path);
  if (bytes.ok()) {
    const nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
    if (j.is_object()) {
      // A damaged summary gives zeros, not an exception or an out-of-range conversion.
      auto whole = [&](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
      };
      auto number = [&](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
      };
      o.source_sentences = whole("source_sentences");
      o.target_sentences = whole("target_sentences");
      o.beads = whole("beads");
      o.mean_confidence = number("mean_confidence");
      o.seconds = number("seconds");
      if (j.contains("beads_by_type") && j["beads_by_type"].is_object()) {
        for (const auto& [type, count] : j["beads_by_type"].items()) {
          if (count.is_number_unsigned())
            o.beads_by_type.emplace_back(type, count.get<std::size_t>());
        }
      }
    }
  }
  o.summary_json = SummaryJson(o);
  return o;
}

// The aligner of each language pair, made once per batch (preparing its dictionaries and
// language tools takes longer than aligning a short pair); shared by the workers.
class AlignerCache {
 public:
  explicit AlignerCache(const AlignFilesRequest& request) : request_(request) {}

  StatusOr<std::shared_ptr<const align::Aligner>> Get(const std::string& source,
                                                      const std::string& target) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto key = std::make_pair(source, target);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    TANDEM_ASSIGN_OR_RETURN(
        std::shared_ptr<const align::Aligner> aligner,
        MakeAligner(request_.dictionaries, source, target, request_.align, request_.warn));
    cache_.emplace(key, aligner);
    return aligner;
  }

 private:
  AlignFilesRequest request_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const align::Aligner>> cache_;
};

// The request of every pair of a batch (but its files and languages).
AlignFilesRequest PairRequest(const BatchOptions& options) {
  AlignFilesRequest request = options.request;
  if (options.jobs > 1) request.align.threads = 1;
  request.align.explain = false;
  request.align.progress = nullptr;
  return request;
}

PairOutcome AlignOne(const ManifestEntry& entry, const BatchOptions& options,
                     const std::string& stem, AlignerCache& aligners) {
  const auto start = std::chrono::steady_clock::now();
  PairOutcome o;
  o.id = entry.id;
  o.source = entry.source;
  o.target = entry.target;
  AlignFilesRequest request = PairRequest(options);
  request.source_path = entry.source;
  request.target_path = entry.target;
  request.source_language = entry.source_language;
  request.target_language = entry.target_language;
  Status status = Status::Ok();
  StatusOr<Bitext> bitext = InternalError("not aligned");
  if (!request.aligner) {
    StatusOr<std::shared_ptr<const align::Aligner>> made =
        aligners.Get(entry.source_language, entry.target_language);
    if (made.ok())
      request.aligner = *made;
    else
      bitext = made.status();
  }
  if (request.aligner) bitext = AlignFiles(request);
  if (!bitext.ok()) {
    status = bitext.status();
  } else {
    status = options.write ? options.write(*bitext, stem) : Status::Ok();
    const BitextSummary summary = Summarize(*bitext);
    o.source_sentences = summary.source.sentences;
    o.target_sentences = summary.target.sentences;
    o.beads = summary.beads;
    o.beads_by_type.assign(summary.beads_by_type.begin(), summary.beads_by_type.end());
    o.mean_confidence = summary.mean_confidence;
  }
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!status.ok()) {
    o.state = PairOutcome::State::kFailed;
    o.error = fmt::format("{} (manifest line {}): {}", entry.id, entry.line, status.message());
  }
  o.summary_json = SummaryJson(o);
  if (o.state == PairOutcome::State::kAligned) {
    // The summary marks the pair done: written after the corpus file.
    const Status written = WriteFileAtomically(stem + ".json", o.summary_json + "\n");
    if (!written.ok()) {
      o.state = PairOutcome::State::kFailed;
      o.error = std::string(written.message());
      o.summary_json = SummaryJson(o);
    }
  }
  return o;
}

}  // namespace

StatusOr<std::vector<ManifestEntry>> ReadManifest(const std::string& path) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, ReadTextFile(path));
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  std::istringstream in(decoded.text.substr(decoded.content_begin));
  std::string line;
  std::size_t number = 0;
  std::map<std::string, std::size_t> columns;
  std::vector<ManifestEntry> entries;
  std::set<std::string> ids;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = SplitTabs(line);
    if (columns.empty()) {
      for (std::size_t i = 0; i < fields.size(); ++i) columns[fields[i]] = i;
      for (const char* required : {"source", "target", "source_lang", "target_lang"}) {
        if (!columns.contains(required)) {
          return InvalidDataError(fmt::format(
              "{}:{}: the header has no column '{}' (expected: id, source, target, source_lang, "
              "target_lang, separated by tabs)",
              path, number, required));
        }
      }
      continue;
    }
    auto field = [&](const std::string& name) -> std::string {
      const auto it = columns.find(name);
      if (it == columns.end() || it->second >= fields.size()) return {};
      return fields[it->second];
    };
    ManifestEntry entry;
    entry.line = number;
    entry.source = field("source");
    entry.target = field("target");
    entry.source_language = field("source_lang");
    entry.target_language = field("target_lang");
    if (entry.source.empty() || entry.target.empty() || entry.source_language.empty() ||
        entry.target_language.empty()) {
      return InvalidDataError(fmt::format(
          "{}:{}: source, target, source_lang and target_lang must not be empty", path, number));
    }
    entry.id = field("id");
    if (entry.id.empty()) entry.id = PairId(entry.source, entry.target);
    if (entry.id.find('/') != std::string::npos) {
      return InvalidDataError(
          fmt::format("{}:{}: the id '{}' contains '/'", path, number, entry.id));
    }
    if (!ids.insert(entry.id).second) {
      return InvalidDataError(
          fmt::format("{}:{}: the id '{}' is already used", path, number, entry.id));
    }
    entry.source = Resolve(entry.source, dir);
    entry.target = Resolve(entry.target, dir);
    entries.push_back(std::move(entry));
  }
  if (columns.empty()) return InvalidDataError(path + ": the manifest is empty (no header line)");
  return entries;
}

std::vector<ManifestEntry> SelectShard(const std::vector<ManifestEntry>& entries, std::size_t k,
                                       std::size_t n) {
  assert(n > 0 && k >= 1 && k <= n);
  std::vector<ManifestEntry> shard;
  for (std::size_t i = k - 1; i < entries.size(); i += n) shard.push_back(entries[i]);
  return shard;
}

StatusOr<BatchResult> RunBatch(const BatchOptions& options) {
  std::error_code error;
  std::filesystem::create_directories(options.output_directory, error);
  if (error) {
    return IoError(fmt::format("{}: cannot create the output directory: {}",
                               options.output_directory, error.message()));
  }
  std::set<std::string> ids;
  for (const ManifestEntry& entry : options.entries) {
    if (!ids.insert(entry.id).second) {
      return InvalidArgumentError(fmt::format("the pair id '{}' is used twice", entry.id));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  BatchResult result;
  result.pairs.resize(options.entries.size());
  AlignerCache aligners(PairRequest(options));
  BatchProgress progress;
  progress.total = options.entries.size();
  std::mutex mutex;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < options.entries.size(); i = next++) {
      const ManifestEntry& entry = options.entries[i];
      const std::string stem =
          (std::filesystem::path(options.output_directory) / entry.id).string();
      PairOutcome outcome;
      if (!options.force && std::filesystem::exists(stem + ".json", error)) {
        outcome = ReadDone(entry, stem + ".json");
      } else {
        outcome = AlignOne(entry, options, stem, aligners);
      }
      std::lock_guard<std::mutex> lock(mutex);
      result.pairs[i] = std::move(outcome);
      const PairOutcome& o = result.pairs[i];
      switch (o.state) {
        case PairOutcome::State::kAligned:
          ++progress.aligned;
          break;
        case PairOutcome::State::kSkipped:
          ++progress.skipped;
          break;
        case PairOutcome::State::kFailed:
          ++progress.failed;
          break;
      }
      progress.elapsed = std::chrono::steady_clock::now() - start;
      progress.last = &o;
      if (options.progress) options.progress(progress);
    }
  };
  const std::size_t jobs = std::max<std::size_t>(1, std::min(options.jobs, options.entries.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  result.aligned = progress.aligned;
  result.skipped = progress.skipped;
  result.failed = progress.failed;
  return result;
}

std::string FormatBatchSummary(const BatchResult& result) {
  std::string out;
  for (const PairOutcome& o : result.pairs) out += o.summary_json + "\n";
  return out;
}

}  // namespace tandem::corpora
