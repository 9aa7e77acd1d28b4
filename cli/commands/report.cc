// tandem report: an aligned corpus (TEI) in, one self-contained HTML page out.
#include <iostream>
#include <memory>
#include <string>

#include "common.h"
#include "tandem/core/version.h"
#include "tandem/corpora/html_report.h"
#include "tandem/tei/reader.h"

namespace tandem::cli {
namespace {

struct ReportArgs {
  std::string corpus;
  std::string output = "-";
};

int Run(const ReportArgs& args) {
  if (const Status checked = CheckOutputs({args.corpus}, {args.output}); !checked.ok()) {
    return ReportError(checked);
  }
  tei::TeiReadOptions read;
  read.warn = [](const std::string& message) {
    std::cerr << "tandem: warning: " << message << '\n';
  };
  StatusOr<corpora::Bitext> bitext = tei::ReadTeiFile(args.corpus, read);
  if (!bitext.ok()) return ReportError(bitext.status());
  corpora::HtmlReportOptions options;
  options.generator = std::string("tandem ") + kVersion;
  options.timestamp = Timestamp();
  options.bitext_path = args.corpus;
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    return corpora::WriteHtmlReport(*bitext, options, out);
  });
  if (!written.ok()) return ReportError(written);
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write an aligned corpus as one self-contained HTML page: path plot, statistics and the "
      "two texts side by side");
  cmd->add_option("CORPUS", args->corpus, "the aligned corpus (TEI, as tandem align writes it)")
      ->required();
  cmd->add_option("-o,--output", args->output,
                  "where to write the page (default: standard output)");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
