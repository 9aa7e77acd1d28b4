// The tandem command-line tool: parsing and dispatch only (see docs/cli.md).
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands/common.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"

int main(int argc, char** argv) {
  // Ctrl-C or a kill leaves no hidden temporary file beside an output (docs/robustness.md).
  tandem::RemoveUnfinishedOutputsOnSignals();
  try {
    CLI::App app{"tandem: segment, align, review and export parallel texts"};
    app.name("tandem");
    app.set_version_flag("--version", std::string("tandem ") + tandem::kVersion);
    app.require_subcommand(1);
    app.fallthrough(false);

    tandem::cli::Context context;
    tandem::cli::AddSegmentCommand(app, context);
    tandem::cli::AddAlignCommand(app, context);
    tandem::cli::AddEvalCommand(app, context);
    tandem::cli::AddConvertCommand(app, context);
    tandem::cli::AddValidateCommand(app, context);
    tandem::cli::AddDiscoverCommand(app, context);
    tandem::cli::AddBatchCommand(app, context);
    tandem::cli::AddStatsCommand(app, context);
    tandem::cli::AddReportCommand(app, context);
    tandem::cli::AddReviewCommand(app, context);
    tandem::cli::AddDictionariesCommand(app, context);

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // --help and --version are "errors" with exit code 0 in CLI11; everything else is a
      // usage error, whatever CLI11's own code for it.
      const int code = app.exit(e);
      return code == 0 ? tandem::cli::kExitOk : tandem::cli::kExitUsage;
    }
    return context.exit_code;
  } catch (const std::exception& e) {
    std::cerr << "tandem: internal error: " << e.what()
              << "\nThis is a bug in tandem; please report it with the command line you ran.\n";
    return tandem::cli::kExitFailure;
  } catch (...) {
    std::cerr << "tandem: internal error (unknown exception)\n";
    return tandem::cli::kExitFailure;
  }
}
