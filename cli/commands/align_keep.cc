// tandem align --keep CORPUS: re-align a reviewed corpus, keeping every bead a reviewer confirmed
// or edited (corpora::PlanRealign), so that running the aligner again never throws manual work
// away.
#include "align_keep.h"

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "common.h"
#include "exchange_options.h"
#include "review/session.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/corpora/review.h"
#include "tandem/corpora/summary.h"
#include "tandem/tei/bitext_file.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {

int RunAlignKeep(const AlignKeepArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  // -o naming the corpus itself, by whatever name, rewrites it in place (with its backup), which
  // only the TEI it is can do: another format would replace the reviewed corpus by an export.
  const bool in_place =
      args.output.empty() || args.output == args.corpus || SameFile(args.output, args.corpus);
  if (in_place && args.format != tei::Format::kTei) {
    return ReportError(InvalidArgumentError(fmt::format(
        "{}: the output is the corpus {} itself, which -f {} would replace by an export; tandem "
        "never writes over its inputs: give another output name",
        args.output.empty() ? args.corpus : args.output, args.corpus,
        tei::FormatName(args.format))));
  }
  // Before the work: the corpus's directory must take the new version and the backup.
  if (const Status checked = in_place ? AtomicOutput::CheckCreatable(args.corpus)
                                      : CheckOutputs({args.corpus}, {args.output});
      !checked.ok()) {
    return ReportError(checked);
  }
  const corpora::WarningCallback warn = PrintWarnings();
  corpora::Bitext bitext;
  StatusOr<tei::BitextFile> file = tei::BitextFile::Open(args.corpus, &bitext, warn);
  if (!file.ok()) return ReportError(file.status());
  // Re-aligning runs the aligner over the whole corpus: the same limit as a first alignment.
  if (const Status memory =
          corpora::CheckAlignmentMemory(bitext.source, bitext.target, args.memory_limit);
      !memory.ok()) {
    return ReportError(memory);
  }

  const tei::WriteRequest request{.path = args.output, .format = args.format, .warn = warn};
  if (!in_place) {
    // The other files of a format of several (their names depend on the languages).
    if (const Status checked = CheckNotAnInput({args.corpus}, tei::OutputPaths(bitext, request));
        !checked.ok()) {
      return ReportError(checked);
    }
  }

  StatusOr<corpora::Realignment> realigned =
      corpora::Realign(bitext, {.max_bead = args.max_bead, .timestamp = Timestamp()});
  if (!realigned.ok()) return ReportError(realigned.status());
  const std::size_t kept = realigned->kept;

  // In place, the corpus is saved as the review editor saves it: only if nobody changed it
  // meanwhile, keeping the previous version as CORPUS.bak, atomically.
  const Status written = in_place ? file->Save(bitext) : tei::WriteBitext(bitext, request);
  if (!written.ok()) return ReportError(written);
  if (!args.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format(
                     "kept:       {} reviewed bead{} as they were; re-aligned the rest ({})\n",
                     kept, kept == 1 ? "" : "s", review::DescribeRealignChanges(realigned->changes))
              << corpora::FormatSummary(bitext, corpora::Summarize(bitext))
              << fmt::format("time:       {:.2f} s\n", seconds)
              << "output:     " << (in_place ? args.corpus : args.output)
              << (in_place ? " (the previous version is " + file->backup_path() + ")"
                           : std::string())
              << '\n';
  }
  return kExitOk;
}

}  // namespace tandem::cli
