// tandem align: two texts in, an aligned corpus out (TEI, vecalign or JSONL).
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.h"
#include "options.h"
#include "tandem/corpora/explain.h"
#include "tandem/corpora/jsonl.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/corpora/summary.h"
#include "tandem/corpora/vecalign.h"
#include "tandem/tei/writer.h"

namespace tandem::cli {
namespace {

enum class OutputFormat { kTei, kVecalign, kJsonl };

struct AlignArgs {
  std::string source;
  std::string target;
  std::string output = "-";
  OutputFormat format = OutputFormat::kTei;
  corpora::AlignFilesRequest request;
  std::vector<std::string> dictionaries;
  bool quiet = false;
};

Status Write(const corpora::Bitext& bitext, const AlignArgs& args) {
  return WriteOutput(args.output, [&](std::ostream& out) -> Status {
    switch (args.format) {
      case OutputFormat::kTei:
        return tei::WriteTei(bitext, {.output_path = args.output}, out);
      case OutputFormat::kVecalign:
        return corpora::WriteVecalign(bitext.ladder, out);
      case OutputFormat::kJsonl:
        return corpora::WriteJsonl(bitext, out);
    }
    return InternalError("unknown output format");
  });
}

int Run(AlignArgs args) {
  const auto start = std::chrono::steady_clock::now();
  args.request.source_path = args.source;
  args.request.target_path = args.target;
  args.request.timestamp = Timestamp();
  if (!args.dictionaries.empty()) args.request.dictionaries.specs = args.dictionaries;
  StatusOr<corpora::AlignedFiles> aligned = corpora::AlignFilesWithReport(args.request);
  if (!aligned.ok()) return ReportError(aligned.status());
  const corpora::Bitext& bitext = aligned->bitext;
  if (const Status written = Write(bitext, args); !written.ok()) return ReportError(written);
  if (!args.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string dictionaries;
    for (const std::string& name : aligned->dictionaries) {
      dictionaries += (dictionaries.empty() ? "" : ", ") + name;
    }
    std::cerr << corpora::FormatSummary(bitext, corpora::Summarize(bitext))
              << fmt::format("dictionary: {}\n", dictionaries.empty() ? "none" : dictionaries)
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
  cmd->add_option("SOURCE", args->source, "the source text (- reads standard input)")->required();
  cmd->add_option("TARGET", args->target, "the target text, a translation of the source")
      ->required();
  cmd->add_option("-s,--source-lang", args->request.source_language,
                  "language of the source text, BCP 47 (en, hu, de, ...)")
      ->required();
  cmd->add_option("-t,--target-lang", args->request.target_language,
                  "language of the target text, BCP 47")
      ->required();
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  static const std::map<std::string, OutputFormat> kFormats = {
      {"tei", OutputFormat::kTei},
      {"vecalign", OutputFormat::kVecalign},
      {"jsonl", OutputFormat::kJsonl},
  };
  cmd->add_option("-f,--format", args->format,
                  "output format: tei (TEI P5 parallel corpus), vecalign (one bead per line, "
                  "[i, j]:[k]:confidence), jsonl (one bead per line with texts and byte spans)")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("tei");
  cmd->add_flag("--presegmented", args->request.presegmented,
                "the inputs already have one sentence per line (blank line = paragraph break)");
  AddParagraphsOption(*cmd, args->request.paragraphs);
  AddInputOptions(*cmd, args->request.source_decode, args->request.source_abbreviations, "source-");
  AddInputOptions(*cmd, args->request.target_decode, args->request.target_abbreviations, "target-");
  cmd->add_option("--max-bead", args->request.align.max_bead,
                  "largest number of sentences on one side of a bead")
      ->check(CLI::Range(1, 8))
      ->default_val(args->request.align.max_bead);
  cmd->add_option("--dictionary", args->dictionaries,
                  "auto (the FreeDict dictionaries of the language pair, the default), none, or "
                  "a dictionary file (source<TAB>target, or hunalign's 'target @ source'); "
                  "repeat for several")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--explain", args->request.align.explain,
                "print the evidence behind every bead (lengths, costs, matched words and where "
                "they come from) to standard error");
  cmd->add_flag("-q,--quiet", args->quiet, "do not print the summary");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
