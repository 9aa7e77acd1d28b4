// tandem convert: a corpus from one format into another (TEI, TMX, XCES, InterText, ...).
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.h"
#include "exchange_options.h"
#include "tandem/corpora/summary.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {
namespace {

struct ConvertArgs {
  tei::ConvertRequest request;
  std::string from;
  MetadataArgs metadata;
  FilterArgs filter;
  bool quiet = false;
};

int Run(ConvertArgs args) {
  if (!args.from.empty()) {
    args.request.in.format = tei::FormatFromName(args.from);
  }
  const corpora::WarningCallback warn = PrintWarnings();
  args.request.in.warn = warn;
  args.request.out.warn = warn;
  args.request.out.filter = ToFilter(args.filter);
  StatusOr<corpora::BitextMetadata> metadata = ResolveMetadata(args.metadata);
  if (!metadata.ok()) return ReportError(metadata.status());
  args.request.metadata = *metadata;
  StatusOr<corpora::Bitext> bitext = tei::ConvertFile(args.request);
  if (!bitext.ok()) return ReportError(bitext.status());
  if (!args.quiet) {
    std::cerr << corpora::FormatSummary(*bitext, corpora::Summarize(*bitext));
    for (const std::string& path : tei::OutputPaths(*bitext, args.request.out)) {
      if (path != "-") std::cerr << "output:     " << path << '\n';
    }
  }
  return kExitOk;
}

}  // namespace

void AddConvertCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* cmd = app.add_subcommand(
      "convert",
      "Convert an aligned corpus between formats (TEI, TMX, XCES, InterText, JSONL, "
      "Moses, TSV, hunalign, vecalign, LF Aligner)");
  cmd->add_option("IN", args->request.in.path,
                  "the corpus to read (for moses: the prefix of the two files)")
      ->required();
  cmd->add_option("OUT", args->request.out.path,
                  "where to write (- for standard output; for moses: a prefix; for xces and "
                  "intertext: the alignment file, the texts go beside it)")
      ->required();
  AddFormatOption(*cmd, "--to", args->request.out.format, "the output format");
  cmd->get_option("--to")->required();
  std::map<std::string, std::string> names;
  for (const tei::Format f : tei::AllFormats()) {
    names.emplace(std::string(tei::FormatName(f)), std::string(tei::FormatName(f)));
  }
  cmd->add_option("--from", args->from,
                  "the input format (default: from the content; needed for moses, "
                  "hunalign-text, lfaligner and hunalign ladders)")
      ->check(CLI::IsMember(names, CLI::ignore_case));
  cmd->add_option("-s,--source-lang", args->request.in.source_language,
                  "language of the source text, for formats that do not record it");
  cmd->add_option("-t,--target-lang", args->request.in.target_language,
                  "language of the target text");
  cmd->add_option("--source-text", args->request.in.source_text,
                  "for hunalign and vecalign input: the source text, one sentence per line");
  cmd->add_option("--target-text", args->request.in.target_text,
                  "for hunalign and vecalign input: the target text, one sentence per line");
  cmd->add_flag("--load-sources", args->request.in.load_sources,
                "TEI input: take each text from the source file its header names, when it still "
                "matches");
  AddFilterOptions(*cmd, args->filter);
  AddLayoutOption(*cmd, args->request.out.layout);
  cmd->add_flag("--keep-unaligned", args->request.out.keep_unaligned,
                "moses and tsv: write beads with sentences on one side only (as lines empty on "
                "the other)");
  AddMetadataOptions(*cmd, args->metadata);
  cmd->add_flag("-q,--quiet", args->quiet, "do not print the summary");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
