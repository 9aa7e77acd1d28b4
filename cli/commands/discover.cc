// tandem discover: which documents of a collection translate each other (corpora/discover.h).
#include "tandem/corpora/discover.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "exchange_options.h"
#include "tandem/corpora/summary.h"

namespace tandem::cli {
namespace {

struct DiscoverArgs {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string json;
  std::vector<std::string> languages;
  std::vector<std::string> dictionaries;
  corpora::DiscoverOptions options;
  std::string memory_limit = "auto";
  bool quiet = false;
  bool verbose = false;
};

std::string FormatRegion(const corpora::Region& r) {
  if (r.whole) return "whole";
  return fmt::format("paragraphs {}-{} (lines {}-{})", r.first_paragraph, r.last_paragraph,
                     r.first_line, r.last_line);
}

int Run(DiscoverArgs args) {
  corpora::DiscoverOptions& options = args.options;
  for (const std::string& input : args.inputs) {
    std::error_code error;
    if (std::filesystem::is_directory(input, error)) {
      StatusOr<std::vector<std::string>> listed = corpora::ListDocuments(input);
      if (!listed.ok()) return ReportError(listed.status());
      options.paths.insert(options.paths.end(), listed->begin(), listed->end());
    } else {
      options.paths.push_back(input);
    }
  }
  if (options.paths.empty()) {
    return ReportError(InvalidArgumentError("no documents to compare"));
  }
  {
    std::vector<std::string> inputs = options.paths;
    for (const std::string& file : DictionaryFiles(args.dictionaries)) inputs.push_back(file);
    std::vector<std::string> outputs = {args.output};
    if (!args.json.empty()) outputs.push_back(args.json);
    if (const Status checked = CheckOutputs(inputs, outputs); !checked.ok()) {
      return ReportError(checked);
    }
  }
  for (const std::string& spec : args.languages) {
    const std::size_t eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      std::cerr << "tandem: error: --lang expects FILE=LANG, got '" << spec << "'\n";
      return kExitUsage;
    }
    std::string language = spec.substr(eq + 1);
    if (const Status checked = CanonicalLanguageOption(language, "--lang " + spec.substr(0, eq));
        !checked.ok()) {
      return ReportError(checked);
    }
    options.declared_languages[spec.substr(0, eq)] = language;
  }
  if (!args.dictionaries.empty()) options.dictionaries.specs = args.dictionaries;
  StatusOr<std::uint64_t> memory_limit = ResolveMemoryLimit(args.memory_limit);
  if (!memory_limit.ok()) return ReportError(memory_limit.status());
  options.memory_limit = *memory_limit;
  options.warn = PrintWarnings();
  if (args.verbose) {
    options.progress = [](const std::string& message) {
      std::cerr << "tandem: " << message << '\n';
    };
  }
  StatusOr<corpora::Discovery> found = corpora::Discover(options);
  if (!found.ok()) return ReportError(found.status());
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    out << corpora::FormatManifestTsv(*found);
    return Status::Ok();
  });
  if (!written.ok()) return ReportError(written);
  if (!args.json.empty()) {
    const Status json = WriteOutput(args.json, [&](std::ostream& out) {
      out << corpora::FormatDiscoveryJson(*found);
      return Status::Ok();
    });
    if (!json.ok()) return ReportError(json);
  }
  if (!args.quiet) {
    for (const corpora::DiscoveredDocument& d : found->documents) {
      std::string languages;
      for (const corpora::ParagraphLanguage& p : d.paragraph_languages) {
        if (p.language.empty()) continue;
        languages +=
            fmt::format("{}{} {}", languages.empty() ? "" : ", ", p.language, p.paragraphs);
      }
      std::cerr << fmt::format(
          "{}: {} ({}{}%{}), {} [{}]{}\n", d.path, d.language.empty() ? "unknown" : d.language,
          d.declared ? "declared, detected " + d.detected_language + " " : "", d.percent,
          d.reliable ? "" : ", unreliable", corpora::CountOf(d.paragraphs, "paragraph"), languages,
          d.duplicate_of.empty() ? "" : ", duplicate of " + d.duplicate_of);
    }
    std::cerr << fmt::format("{} aligned, {} found\n",
                             corpora::CountOf(found->candidates, "candidate pair"),
                             corpora::CountOf(found->pairs.size(), "pair"));
    // Documents of two languages without a dictionary were compared on weaker evidence: say
    // which Debian package would give one.
    const std::vector<std::string>& specs = options.dictionaries.specs;
    if (std::find(specs.begin(), specs.end(), "auto") != specs.end()) {
      std::set<std::string> languages;
      for (const corpora::DiscoveredDocument& d : found->documents) {
        if (!d.language.empty()) languages.insert(d.language);
      }
      for (auto a = languages.begin(); a != languages.end(); ++a) {
        for (auto b = std::next(a); b != languages.end(); ++b) {
          const std::string hint = MissingDictionaryHint(*a, *b);
          if (!hint.empty()) {
            std::cerr << fmt::format("tandem: no dictionary for {}-{}: {}\n", *a, *b, hint);
          }
        }
      }
    }
    for (const corpora::DiscoveredPair& p : found->pairs) {
      std::cerr << fmt::format("pair: {} ({}) {} <-> {} ({}) {}, score {:.3f}\n", p.source,
                               p.source_language, FormatRegion(p.source_region), p.target,
                               p.target_language, FormatRegion(p.target_region), p.score);
    }
  }
  return kExitOk;
}

}  // namespace

void AddDiscoverCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<DiscoverArgs>();
  CLI::App* cmd = app.add_subcommand(
      "discover",
      "Find the documents (or regions of documents) that translate each other in a collection");
  cmd->add_option("INPUTS", args->inputs, "documents, or directories of documents")->required();
  cmd->add_option("-o,--output", args->output,
                  "where to write the manifest, TSV (default: standard output)");
  cmd->add_option("--json", args->json, "also write documents, languages and pairs as JSON here");
  cmd->add_option("--lang", args->languages,
                  "declare a document's language: FILE=LANG (FILE as given or its name); "
                  "repeat for several")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      // One value per occurrence, so that the option never takes the inputs that follow it.
      ->allow_extra_args(false);
  cmd->add_option("--dictionary", args->dictionaries,
                  "auto (FreeDict for each language pair, the default), none, or a dictionary "
                  "file; repeat for several")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      // One value per occurrence, so that the option never takes the inputs that follow it.
      ->allow_extra_args(false);
  cmd->add_option("--candidates", args->options.candidates_per_document,
                  "candidates aligned per document and other language")
      ->check(CLI::Range(1, 100))
      ->default_val(args->options.candidates_per_document);
  cmd->add_option("--min-anchors", args->options.min_anchors,
                  "confident two-sided beads a pair needs")
      ->check(CLI::Range(1, 100000))
      ->default_val(args->options.min_anchors);
  cmd->add_option("-j,--jobs", args->options.threads, "threads (default: one per core)");
  AddMemoryLimitOption(cmd, &args->memory_limit);
  cmd->add_flag("-v,--verbose", args->verbose, "print progress to standard error");
  cmd->add_flag("-q,--quiet", args->quiet, "do not print the summary");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
