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
  if (const Status read = ApplyReadOptions(args.from, args.request.in); !read.ok()) {
    return ReportError(read);
  }
  const corpora::WarningCallback warn = PrintWarnings();
  args.request.in.warn = warn;
  args.request.out.warn = warn;
  args.request.out.filter = ToFilter(args.filter);
  const tei::ReadRequest& in = args.request.in;
  const tei::WriteRequest& out = args.request.out;
  if (out.path == "-" && tei::OutputPaths(corpora::Bitext{}, out).size() > 1) {
    return ReportError(InvalidArgumentError(
        fmt::format("the {} format is several files: give an output path, not standard output",
                    tei::FormatName(out.format))));
  }
  // Before reading: the output is none of the files named on the command line, and can be made.
  // (For moses it is a prefix; the files are checked below, when the languages are known.)
  if (const Status checked =
          CheckOutputs({in.path, in.source_text, in.target_text, args.metadata.file}, {out.path});
      !checked.ok()) {
    return ReportError(checked);
  }
  StatusOr<corpora::BitextMetadata> metadata = ResolveMetadata(args.metadata);
  if (!metadata.ok()) return ReportError(metadata.status());
  StatusOr<corpora::Bitext> bitext = tei::ReadBitext(in);
  if (!bitext.ok()) return ReportError(bitext.status());
  corpora::ApplyMetadata(*metadata, *bitext);
  // Every file of the output against every file read (texts beside an alignment, Moses pairs).
  const std::vector<std::string> outputs = tei::OutputPaths(*bitext, out);
  if (const Status checked = CheckNotAnInput(tei::InputPaths(in, *bitext), outputs);
      !checked.ok()) {
    return ReportError(checked);
  }
  if (const Status written = tei::WriteBitext(*bitext, out); !written.ok()) {
    return ReportError(written);
  }
  if (!args.quiet) {
    std::cerr << corpora::FormatSummary(*bitext, corpora::Summarize(*bitext));
    for (const std::string& path : outputs) {
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
  AddReadOptions(*cmd, args->request.in, args->from);
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
