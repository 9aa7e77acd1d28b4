// tandem stats: statistics of aligned corpora (corpora/stats.h), as text, JSON or CSV, and
// histograms as SVG.
#include "tandem/corpora/stats.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "exchange_options.h"
#include "options.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {
namespace {

enum class StatsFormat { kText, kJson, kCsv };

struct StatsArgs {
  std::vector<std::string> corpora;
  std::string output = "-";
  StatsFormat format = StatsFormat::kText;
  std::string svg;
  tei::ReadRequest read;  // --from, -s, -t, ... for every file read
  std::string from;
};

// The two histograms of corpus `c` (0-based) in `dir`.
std::string SvgStem(const std::string& dir, std::size_t c) {
  return (std::filesystem::path(dir) / fmt::format("corpus{}", c + 1)).string();
}

Status WriteSvgs(const std::string& dir, const std::vector<corpora::CorpusStats>& all) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error)
    return IoError(fmt::format("{}: cannot create the directory: {}", dir, error.message()));
  std::vector<std::string> confidence_edges;
  for (std::size_t i = 0; i <= corpora::kConfidenceBins; ++i) {
    confidence_edges.push_back(fmt::format("{:.1f}", static_cast<double>(i) / 10));
  }
  std::vector<std::string> ratio_edges;
  for (std::size_t i = 0; i <= corpora::kRatioBins; ++i) {
    // Every other edge (1/4, 1/2, 1, 2, 4 among them); the outer bins take what lies beyond.
    ratio_edges.push_back(i % 2 == 0 ? fmt::format("{:.3g}", std::exp2(-2.0 + 0.25 * i))
                                     : std::string());
  }
  for (std::size_t c = 0; c < all.size(); ++c) {
    const corpora::PairStats& t = all[c].total;
    const std::string stem = SvgStem(dir, c);
    TANDEM_RETURN_IF_ERROR(WriteFileAtomically(
        stem + "-confidence.svg",
        corpora::HistogramSvg({.title = all[c].name + ": beads by confidence",
                               .x_title = "confidence of the bead",
                               .y_title = "beads",
                               .edges = confidence_edges,
                               .values = {t.confidence.begin(), t.confidence.end()}})));
    TANDEM_RETURN_IF_ERROR(WriteFileAtomically(
        stem + "-length-ratio.svg",
        corpora::HistogramSvg(
            {.title = all[c].name + ": two-sided beads by length ratio",
             .x_title = "target characters / source characters (the outer bins take all beyond)",
             .y_title = "beads",
             .edges = ratio_edges,
             .values = {t.length_ratio.begin(), t.length_ratio.end()}})));
  }
  return Status::Ok();
}

int Run(StatsArgs args) {
  if (const Status read = ApplyReadOptions(args.from, args.read); !read.ok()) {
    return ReportError(read);
  }
  std::vector<std::vector<std::string>> corpus_files;
  std::vector<std::string> inputs;
  for (const std::string& path : args.corpora) {
    StatusOr<std::vector<std::string>> files = CorpusFiles(path);
    if (!files.ok()) return ReportError(files.status());
    inputs.insert(inputs.end(), files->begin(), files->end());
    corpus_files.push_back(std::move(*files));
  }
  // Before reading: no output is one of the corpus files, and every output can be made.
  std::vector<std::string> svgs;
  if (!args.svg.empty()) {
    for (std::size_t c = 0; c < args.corpora.size(); ++c) {
      svgs.push_back(SvgStem(args.svg, c) + "-confidence.svg");
      svgs.push_back(SvgStem(args.svg, c) + "-length-ratio.svg");
    }
  }
  if (Status checked = CheckOutputs(inputs, {args.output}); !checked.ok()) {
    return ReportError(checked);
  }
  if (!args.svg.empty()) {
    if (Status checked = CheckOutputDirectory(args.svg); !checked.ok()) return ReportError(checked);
    if (Status checked = CheckNotAnInput(inputs, svgs); !checked.ok()) return ReportError(checked);
  }
  std::vector<corpora::CorpusStats> all;
  const corpora::WarningCallback warn = PrintWarnings();
  for (std::size_t c = 0; c < args.corpora.size(); ++c) {
    const std::string& path = args.corpora[c];
    corpora::CorpusStats corpus;
    corpus.name = path;
    corpus.total.name = path;
    for (const std::string& file : corpus_files[c]) {
      tei::ReadRequest request = args.read;
      request.path = file;
      request.warn = warn;
      StatusOr<corpora::Bitext> bitext = tei::ReadBitext(request);
      if (!bitext.ok()) return ReportError(bitext.status());
      corpora::AddPair(corpus,
                       corpora::ComputePairStats(*bitext, tei::NameWithoutFormatExtension(file)));
    }
    all.push_back(std::move(corpus));
  }
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    switch (args.format) {
      case StatsFormat::kText:
        out << corpora::FormatStatsText(all);
        break;
      case StatsFormat::kJson:
        out << corpora::FormatStatsJson(all);
        break;
      case StatsFormat::kCsv:
        out << corpora::FormatStatsCsv(all);
        break;
    }
    return Status::Ok();
  });
  if (!written.ok()) return ReportError(written);
  if (!args.svg.empty()) {
    if (const Status svg = WriteSvgs(args.svg, all); !svg.ok()) return ReportError(svg);
  }
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "stats", "Statistics of aligned corpora: sizes, beads, confidence, length ratios, review");
  cmd->add_option("CORPUS", args->corpora,
                  "aligned files (any format tandem reads) or directories of them (tandem batch "
                  "output); each is one corpus")
      ->required();
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  AddNamedOption<StatsFormat>(
      *cmd, "-f,--format", args->format,
      {{"text", StatsFormat::kText}, {"json", StatsFormat::kJson}, {"csv", StatsFormat::kCsv}},
      "text (the default), json or csv");
  cmd->add_option("--svg", args->svg,
                  "write histograms of confidence and length ratio per corpus as SVG into this "
                  "directory");
  AddReadOptions(*cmd, args->read, args->from);
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
