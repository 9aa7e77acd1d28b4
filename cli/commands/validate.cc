// tandem validate: a TEI parallel corpus against tandem's schema and the checks a schema cannot
// express.
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
  bool schema = false;      // --schema: tandem's own RELAX NG schema of its TEI
  std::string schema_file;  // --schema-file: another RELAX NG schema
  bool schema_only = false;
  bool quiet = false;
};

// One file: the schema (when asked), then the checks beyond it. Problems go to stdout, the
// summary line to stderr.
int ValidateFile(const std::string& file, const ValidateArgs& args) {
  const bool use_schema = args.schema || !args.schema_file.empty();
  std::string summary;
  std::size_t errors = 0;
  if (use_schema) {
    StatusOr<tei::ValidationReport> report =
        tei::ValidateAgainstSchema(file, {.schema_path = args.schema_file});
    if (!report.ok()) return ReportError(report.status());
    std::cout << report->Format();
    errors += report->errors();
    const std::string schema = args.schema_file.empty() ? "tandem-tei.rng" : args.schema_file;
    summary = report->errors() == 0 ? fmt::format("valid against {}", schema)
                                    : fmt::format("INVALID against {} ({})", schema,
                                                  corpora::CountOf(report->errors(), "error"));
  }
  if (!args.schema_only) {
    StatusOr<tei::ValidationReport> report = tei::ValidateTeiFile(file);
    if (!report.ok()) return ReportError(report.status());
    std::cout << report->Format();
    errors += report->errors();
    summary += fmt::format(
        "{}{} ({}, {}; {}, {})", summary.empty() ? "" : "; checks beyond the schema: ",
        report->errors() == 0 ? "valid" : "INVALID", corpora::CountOf(report->errors(), "error"),
        corpora::CountOf(report->warnings(), "warning"),
        corpora::CountOf(report->sentences, "sentence"), corpora::CountOf(report->links, "link"));
  }
  if (!args.quiet) std::cerr << fmt::format("{}: {}\n", file, summary);
  return errors == 0 ? kExitOk : kExitFailure;
}

int Run(const ValidateArgs& args) {
  if (args.schema_only && !args.schema && args.schema_file.empty()) {
    std::cerr << "tandem: error: --schema-only needs --schema or --schema-file\n"
                 "Run with --help for more information.\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  for (const std::string& file : args.files) {
    const int code = ValidateFile(file, args);
    if (code != kExitOk && exit_code == kExitOk) exit_code = code;
  }
  return exit_code;
}

}  // namespace

void AddValidateCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a TEI parallel corpus: against tandem's RELAX NG schema (--schema) and beyond what a "
      "schema can say: ids, pointers, the alignment's links, the review information (exit code 1 "
      "when there are errors)");
  cmd->add_option("FILE", args->files, "TEI files (for the split layout, the alignment file)")
      ->required()
      ->expected(1, -1);
  CLI::Option* schema = cmd->add_flag(
      "--schema", args->schema,
      "also validate against tandem's RELAX NG schema of the TEI it writes (tandem-tei.rng, "
      "built in; installed in share/tandem/schema)");
  cmd->add_option("--schema-file", args->schema_file,
                  "also validate against this RELAX NG schema (XML syntax), e.g. tei_all.rng, or "
                  "tmx14.rng with --schema-only for a TMX file")
      ->excludes(schema);
  cmd->add_flag("--schema-only", args->schema_only,
                "only the schema: skip the checks beyond it (for files that are not TEI)");
  cmd->add_flag("-q,--quiet", args->quiet, "only the problems, no summary line");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
