// tandem align: two texts in, an aligned corpus out (TEI or any other format tandem writes).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "align_keep.h"
#include "common.h"
#include "exchange_options.h"
#include "options.h"
#include "tandem/corpora/explain.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/corpora/summary.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {
namespace {

struct AlignArgs {
  std::string source;
  std::string target;
  std::string output = "-";
  tei::Format format = tei::Format::kTei;
  tei::TeiLayout layout = tei::TeiLayout::kSingleFile;
  MetadataArgs metadata;
  corpora::AlignFilesRequest request;
  std::vector<std::string> dictionaries;
  std::string memory_limit = "auto";
  bool quiet = false;
  std::string keep;  // --keep CORPUS (align_keep.h)
  bool max_bead_given = false;
};

Status Write(const corpora::Bitext& bitext, const AlignArgs& args,
             const corpora::WarningCallback& warn) {
  return tei::WriteBitext(
      bitext, {.path = args.output, .format = args.format, .layout = args.layout, .warn = warn});
}

// Every file the alignment reads, and every file it writes (their names depend only on the
// output path, the format and the languages), checked before anything is read.
Status CheckFiles(const AlignArgs& args) {
  std::vector<std::string> inputs = {args.source, args.target, args.metadata.file};
  for (const auto* files :
       {&args.request.source_abbreviations, &args.request.target_abbreviations}) {
    inputs.insert(inputs.end(), files->begin(), files->end());
  }
  for (const std::string& file : DictionaryFiles(args.dictionaries)) inputs.push_back(file);
  corpora::Bitext names;
  names.source.language = args.request.source_language;
  names.target.language = args.request.target_language;
  const std::vector<std::string> outputs =
      tei::OutputPaths(names, {.path = args.output, .format = args.format, .layout = args.layout});
  if (args.output == "-" && outputs.size() > 1) {
    return InvalidArgumentError(
        fmt::format("the {} format is several files: give an output path with -o, not standard "
                    "output",
                    tei::FormatName(args.format)));
  }
  return CheckOutputs(inputs, outputs);
}

int Run(AlignArgs args) {
  StatusOr<std::uint64_t> memory_limit = ResolveMemoryLimit(args.memory_limit);
  if (!memory_limit.ok()) return ReportError(memory_limit.status());
  args.request.memory_limit = *memory_limit;
  if (!args.keep.empty()) {
    return RunAlignKeep({.corpus = args.keep,
                         .output = args.output == "-" ? "" : args.output,
                         .format = args.format,
                         .max_bead = args.max_bead_given
                                         ? std::optional<std::size_t>(args.request.align.max_bead)
                                         : std::nullopt,
                         .memory_limit = *memory_limit,
                         .quiet = args.quiet});
  }
  if (args.source.empty() || args.target.empty() || args.request.source_language.empty() ||
      args.request.target_language.empty()) {
    std::cerr << "tandem: error: align needs SOURCE and TARGET with --source-lang and "
                 "--target-lang (or --keep CORPUS)\nRun with --help for more information.\n";
    return kExitUsage;
  }
  for (auto [value, option] : {std::pair{&args.request.source_language, "--source-lang"},
                               std::pair{&args.request.target_language, "--target-lang"}}) {
    if (const Status language = CanonicalLanguageOption(*value, option); !language.ok()) {
      return ReportError(language);
    }
  }
  if (const Status checked = CheckFiles(args); !checked.ok()) return ReportError(checked);
  const auto start = std::chrono::steady_clock::now();
  args.request.source_path = args.source;
  args.request.target_path = args.target;
  args.request.timestamp = Timestamp();
  const corpora::WarningCallback warn = PrintWarnings();
  // TEI inputs keep their own sentences and ids (tei/formats.h).
  args.request.load_input = tei::AlignInputLoader(warn);
  args.request.warn = warn;
  args.request.source_language_origin = "--source-lang";
  args.request.target_language_origin = "--target-lang";
  if (!args.dictionaries.empty()) args.request.dictionaries.specs = args.dictionaries;
  StatusOr<corpora::BitextMetadata> metadata = ResolveMetadata(args.metadata);
  if (!metadata.ok()) return ReportError(metadata.status());
  StatusOr<corpora::AlignedFiles> aligned = corpora::AlignFilesWithReport(args.request);
  if (!aligned.ok()) return ReportError(aligned.status());
  corpora::Bitext& bitext = aligned->bitext;
  corpora::ApplyMetadata(*metadata, bitext);
  if (const Status written = Write(bitext, args, warn); !written.ok()) return ReportError(written);
  if (!args.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string dictionaries;
    for (const std::string& name : aligned->dictionaries) {
      dictionaries += (dictionaries.empty() ? "" : ", ") + name;
    }
    if (dictionaries.empty()) {
      dictionaries = "none";
      const std::vector<std::string>& specs = args.request.dictionaries.specs;
      if (std::find(specs.begin(), specs.end(), "auto") != specs.end()) {
        const std::string hint =
            MissingDictionaryHint(args.request.source_language, args.request.target_language);
        if (!hint.empty()) dictionaries += " (" + hint + ")";
      }
    }
    std::cerr << corpora::FormatSummary(bitext, corpora::Summarize(bitext))
              << fmt::format("dictionary: {}\n", dictionaries)
              << fmt::format("time:       {:.2f} s\n", seconds);
    if (args.output != "-") std::cerr << "output:     " << args.output << '\n';
  }
  if (args.request.align.explain) {
    std::cerr << corpora::FormatExplanation(bitext, aligned->report);
  }
  return kExitOk;
}

}  // namespace

void AddAlignCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<AlignArgs>();
  CLI::App* cmd = app.add_subcommand(
      "align", "Segment two texts (a text and its translation) and align their sentences");
  cmd->add_option("SOURCE", args->source,
                  "the source text (- reads standard input), or a TEI file with <s> elements");
  cmd->add_option("TARGET", args->target, "the target text, a translation of the source");
  cmd->add_option("-s,--source-lang", args->request.source_language,
                  "language of the source text, BCP 47 (en, hu, de, ...)");
  cmd->add_option("-t,--target-lang", args->request.target_language,
                  "language of the target text, BCP 47");
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  AddFormatOption(*cmd, "-f,--format", args->format,
                  "output format: tei (TEI P5 parallel corpus) or any other tandem writes");
  AddLayoutOption(*cmd, args->layout);
  AddMetadataOptions(*cmd, args->metadata);
  cmd->add_flag("--presegmented", args->request.presegmented,
                "the inputs already have one sentence per line (blank line = paragraph break)");
  AddParagraphsOption(*cmd, args->request.paragraphs);
  AddInputOptions(*cmd, args->request.source_decode, args->request.source_abbreviations, "source-");
  AddInputOptions(*cmd, args->request.target_decode, args->request.target_abbreviations, "target-");
  CLI::Option* max_bead = cmd->add_option("--max-bead", args->request.align.max_bead,
                                          "largest number of sentences on one side of a bead")
                              ->check(CLI::Range(1, 8))
                              ->default_val(args->request.align.max_bead);
  cmd->add_option("--keep", args->keep,
                  "re-align CORPUS (TEI), keeping every bead a reviewer confirmed or edited; "
                  "writes CORPUS (keeping CORPUS.bak) unless -o says where");
  cmd->add_option("--dictionary", args->dictionaries,
                  "auto (the FreeDict dictionaries of the language pair, the default), none, or "
                  "a dictionary file (source<TAB>target, or hunalign's 'target @ source'); "
                  "repeat for several")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      // One dictionary per occurrence, so that the option never takes the input files that
      // follow it (the positionals are optional because of --keep).
      ->allow_extra_args(false);
  cmd->add_option("--threads", args->request.align.threads,
                  "threads for the search (0, the default: one per core); the output does not "
                  "depend on it")
      ->check(CLI::Range(0, 1024))
      ->default_val(args->request.align.threads);
  AddMemoryLimitOption(cmd, &args->memory_limit);
  cmd->add_flag("--explain", args->request.align.explain,
                "print the evidence behind every bead (lengths, costs, matched words and where "
                "they come from) to standard error");
  cmd->add_flag("-q,--quiet", args->quiet, "do not print the summary");
  cmd->callback([args, max_bead, &context] {
    args->max_bead_given = max_bead->count() > 0;
    context.exit_code = Run(*args);
  });
}

}  // namespace tandem::cli
