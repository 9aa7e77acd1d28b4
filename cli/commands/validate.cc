// tandem validate: the checks of a TEI parallel corpus that its schema cannot express.
#include "tandem/tei/validate.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "tandem/corpora/summary.h"

namespace tandem::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  bool quiet = false;
};

int Run(const ValidateArgs& args) {
  int exit_code = kExitOk;
  for (const std::string& file : args.files) {
    StatusOr<tei::ValidationReport> report = tei::ValidateTeiFile(file);
    if (!report.ok()) {
      exit_code = ReportError(report.status());
      continue;
    }
    std::cout << report->Format();
    if (report->errors() > 0) exit_code = kExitFailure;
    if (!args.quiet) {
      std::cerr << fmt::format(
          "{}: {} ({}, {}; {}, {})\n", file, report->errors() == 0 ? "valid" : "INVALID",
          corpora::CountOf(report->errors(), "error"),
          corpora::CountOf(report->warnings(), "warning"),
          corpora::CountOf(report->sentences, "sentence"), corpora::CountOf(report->links, "link"));
    }
  }
  return exit_code;
}

}  // namespace

void AddValidateCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a TEI parallel corpus beyond its schema: ids, pointers, the alignment's links, the "
      "review information (exit code 1 when there are errors)");
  cmd->add_option("FILE", args->files, "TEI files (for the split layout, the alignment file)")
      ->required()
      ->expected(1, -1);
  cmd->add_flag("-q,--quiet", args->quiet, "only the problems, no summary line");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
