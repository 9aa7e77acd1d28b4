// tandem batch: align every pair of a manifest (corpora/batch.h), in parallel, resumable,
// sharded.
#include "tandem/corpora/batch.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "exchange_options.h"
#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/summary.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {
namespace {

// Exit code when some pairs of a batch failed and the others were done (docs/cli.md).
constexpr int kExitSomeFailed = 3;

struct BatchArgs {
  std::string manifest;
  std::string output;
  std::string shard;
  std::string summary;
  tei::Format format = tei::Format::kTei;
  tei::TeiLayout layout = tei::TeiLayout::kSingleFile;
  std::vector<std::string> dictionaries;
  std::string memory_limit = "auto";
  corpora::BatchOptions options;
  bool quiet = false;
};

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

// "[#####.....] 12/100 pairs (2 failed, 3 skipped)  0.80 pairs/s  ETA 1m50s"
std::string ProgressLine(const corpora::BatchProgress& p) {
  const double elapsed = std::chrono::duration<double>(p.elapsed).count();
  const std::size_t worked = p.aligned + p.failed;
  const double rate = elapsed > 0 ? static_cast<double>(worked) / elapsed : 0.0;
  const std::size_t remaining = p.total - p.finished();
  constexpr int kWidth = 30;
  const int filled = p.total == 0 ? kWidth : static_cast<int>(kWidth * p.finished() / p.total);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::string extra;
  if (p.failed > 0 || p.skipped > 0) {
    extra = fmt::format(" ({} failed, {} skipped)", p.failed, p.skipped);
  }
  const std::string eta = rate > 0 ? Duration(static_cast<double>(remaining) / rate) : "?";
  return fmt::format("[{}] {}/{} pairs{}  {:.2f} pairs/s  ETA {}", bar, p.finished(), p.total,
                     extra, rate, eta);
}

// Before any pair is aligned: the output directory can be made, and no output of any pair (its
// corpus files, its summary) nor the batch's summary is the manifest or an input of any pair.
Status CheckFiles(const BatchArgs& args, const std::vector<corpora::ManifestEntry>& entries,
                  const std::string& summary) {
  TANDEM_RETURN_IF_ERROR(CheckOutputDirectory(args.output));
  std::vector<std::string> inputs = DictionaryFiles(args.dictionaries);
  inputs.push_back(args.manifest);
  std::vector<std::string> outputs = {summary};
  for (const corpora::ManifestEntry& entry : entries) {
    inputs.push_back(entry.source);
    inputs.push_back(entry.target);
    const std::string stem = (std::filesystem::path(args.output) / entry.id).string();
    corpora::Bitext names;
    names.source.language = entry.source_language;
    names.target.language = entry.target_language;
    for (std::string& path : tei::OutputPaths(
             names, {.path = stem + std::string(tei::DescribeFormat(args.format).extension),
                    .format = args.format,
                    .layout = args.layout})) {
      outputs.push_back(std::move(path));
    }
    outputs.push_back(stem + ".json");
  }
  TANDEM_RETURN_IF_ERROR(CheckNotAnInput(inputs, outputs));
  // A summary outside the output directory (which may not exist yet) is checked on its own.
  std::error_code error;
  if (std::filesystem::is_directory(args.output, error) ||
      std::filesystem::path(summary).parent_path() != std::filesystem::path(args.output)) {
    TANDEM_RETURN_IF_ERROR(AtomicOutput::CheckCreatable(summary));
  }
  return Status::Ok();
}

// One line for each language pair of the batch that has no dictionary, saying which Debian
// package would give one.
void PrintDictionaryHints(const corpora::BatchOptions& options) {
  const std::vector<std::string>& specs = options.request.dictionaries.specs;
  if (std::find(specs.begin(), specs.end(), "auto") == specs.end()) return;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const corpora::ManifestEntry& entry : options.entries) {
    pairs.emplace(entry.source_language, entry.target_language);
  }
  for (const auto& [source, target] : pairs) {
    const std::string hint = MissingDictionaryHint(source, target);
    if (!hint.empty()) {
      std::cerr << fmt::format("tandem: no dictionary for {}-{}: {}\n", source, target, hint);
    }
  }
}

int Run(BatchArgs args) {
  StatusOr<std::vector<corpora::ManifestEntry>> entries = corpora::ReadManifest(args.manifest);
  if (!entries.ok()) return ReportError(entries.status());
  std::string summary = args.summary;
  if (!args.shard.empty()) {
    std::size_t k = 0;
    std::size_t n = 0;
    char rest = 0;
    if (std::sscanf(args.shard.c_str(), "%zu/%zu%c", &k, &n, &rest) != 2 || n == 0 || k == 0 ||
        k > n) {
      std::cerr << "tandem: error: --shard expects K/N with 1 <= K <= N, got '" << args.shard
                << "'\n";
      return kExitUsage;
    }
    *entries = corpora::SelectShard(*entries, k, n);
    if (summary.empty()) summary = fmt::format("summary.shard-{}-of-{}.jsonl", k, n);
  }
  if (summary.empty()) summary = "summary.jsonl";
  if (std::filesystem::path(summary).is_relative() && summary.find('/') == std::string::npos) {
    summary = (std::filesystem::path(args.output) / summary).string();
  }
  for (corpora::ManifestEntry& entry : *entries) {
    // As BCP 47 writes them (en_US -> en-US); a manifest is content, so a bad tag exits with 1.
    for (std::string* language : {&entry.source_language, &entry.target_language}) {
      const std::string canonical = CanonicalLanguageTag(*language);
      if (canonical.empty()) {
        return ReportError(InvalidDataError(fmt::format(
            "{}:{}: '{}' is not a language tag (give a BCP 47 code such as en, hu, de, en-US)",
            args.manifest, entry.line, *language)));
      }
      *language = canonical;
    }
  }
  if (const Status checked = CheckFiles(args, *entries, summary); !checked.ok()) {
    return ReportError(checked);
  }
  corpora::BatchOptions& options = args.options;
  options.entries = std::move(*entries);
  options.output_directory = args.output;
  options.request.timestamp = Timestamp();
  if (!args.dictionaries.empty()) options.request.dictionaries.specs = args.dictionaries;
  const corpora::WarningCallback warn = PrintWarnings();
  options.request.load_input = tei::AlignInputLoader(warn);
  // A text in another language than the manifest says is worth a warning, as in `align`.
  options.request.warn = warn;
  options.request.source_language_origin = "the manifest";
  options.request.target_language_origin = "the manifest";
  StatusOr<std::uint64_t> memory_limit = ResolveMemoryLimit(args.memory_limit);
  if (!memory_limit.ok()) return ReportError(memory_limit.status());
  // The limit holds for each pair; with -j N, N pairs share the machine's memory.
  options.request.memory_limit = args.memory_limit == "auto"
                                     ? *memory_limit / std::max<std::size_t>(1, options.jobs)
                                     : *memory_limit;
  const tei::Format format = args.format;
  const tei::TeiLayout layout = args.layout;
  options.write = [format, layout, warn](const corpora::Bitext& bitext, const std::string& stem) {
    return tei::WriteBitext(bitext,
                            {.path = stem + std::string(tei::DescribeFormat(format).extension),
                             .format = format,
                             .layout = layout,
                             .warn = warn});
  };
  const bool terminal = isatty(fileno(stderr)) != 0;
  if (!args.quiet) {
    options.progress = [terminal](const corpora::BatchProgress& p) {
      if (terminal && p.last != nullptr && p.last->state == corpora::PairOutcome::State::kFailed) {
        std::cerr << (terminal ? "\r\033[K" : "") << "tandem: pair failed: " << p.last->error
                  << '\n';
      }
      if (terminal) {
        std::cerr << '\r' << ProgressLine(p) << "\033[K" << std::flush;
        if (p.finished() == p.total) std::cerr << '\n';
      } else if (p.last != nullptr) {
        static constexpr const char* kStates[] = {"aligned", "skipped (done)", "FAILED"};
        std::cerr << fmt::format("tandem: {}/{} {} {} ({:.1f} s){}\n", p.finished(), p.total,
                                 p.last->id, kStates[static_cast<int>(p.last->state)],
                                 p.last->seconds,
                                 p.last->error.empty() ? "" : ": " + p.last->error);
      }
    };
  }
  if (!args.quiet) PrintDictionaryHints(options);
  StatusOr<corpora::BatchResult> result = corpora::RunBatch(options);
  if (!result.ok()) return ReportError(result.status());
  const Status written = WriteFileAtomically(summary, corpora::FormatBatchSummary(*result));
  if (!written.ok()) return ReportError(written);
  if (!args.quiet) {
    std::cerr << fmt::format("{}: {} aligned, {} already done, {} failed; summary: {}\n",
                             corpora::CountOf(result->pairs.size(), "pair"), result->aligned,
                             result->skipped, result->failed, summary);
  }
  return result->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddBatchCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch", "Align every pair of a manifest (from tandem discover, or written by hand)");
  cmd->add_option("MANIFEST", args->manifest,
                  "tab-separated pairs with a header: id, source, target, source_lang, "
                  "target_lang")
      ->required();
  cmd->add_option("-o,--output", args->output, "the output directory (created when missing)")
      ->required();
  AddFormatOption(*cmd, "-f,--format", args->format,
                  "output format of each pair: tei (the default) or any other tandem writes");
  AddLayoutOption(*cmd, args->layout);
  cmd->add_option("-j,--jobs", args->options.jobs, "pairs aligned at once")
      ->check(CLI::Range(1, 1024))
      ->default_val(1);
  cmd->add_flag("--force", args->options.force, "align pairs that are already done again");
  cmd->add_option("--shard", args->shard,
                  "K/N: align only every N-th pair from the K-th (1-based), for job arrays");
  cmd->add_option("--summary", args->summary,
                  "the JSON Lines summary (default OUTPUT/summary.jsonl, or "
                  "OUTPUT/summary.shard-K-of-N.jsonl with --shard)");
  cmd->add_option("--dictionary", args->dictionaries,
                  "auto (the FreeDict dictionaries of each pair's languages, the default), none, "
                  "or a dictionary file; repeat for several")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      // One value per occurrence, so that the option never takes the inputs that follow it.
      ->allow_extra_args(false);
  AddMemoryLimitOption(cmd, &args->memory_limit);
  cmd->add_flag("-q,--quiet", args->quiet, "no progress and no summary line");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
