// The tandem command-line tool: parsing and dispatch only (see docs/cli.md).
#include <algorithm>
#include <cstddef>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>

#include "commands/common.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"

namespace {

// The number of single-character edits between two words (Levenshtein).
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The name among `names` that `word` most likely meant: one it starts, or the nearest within a
// third of its length (at least 2 edits); empty when none is near.
std::string Nearest(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& name : names) {
    if (word.size() >= 2 && name.starts_with(word)) return name;
    const std::size_t distance = EditDistance(word, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// Every spelling of every option of `cmd`: "--format", "-f", ...
std::vector<std::string> OptionNames(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* option : cmd.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// CLI11's message about arguments it did not expect, said plainly: which were not understood,
// and the option each was most likely meant to be.
std::string ExplainExtras(const CLI::App& cmd, const std::string& command, std::string_view what) {
  // "The following argument(s) was/were not expected: a b" (CLI11 lists them in reverse).
  const std::size_t colon = what.find(": ");
  std::vector<std::string> extras;
  for (std::string_view rest = colon == std::string_view::npos ? what : what.substr(colon + 2);
       !rest.empty();) {
    const std::size_t space = rest.find(' ');
    extras.emplace_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  std::reverse(extras.begin(), extras.end());
  std::string message;
  for (const std::string& extra : extras) {
    if (!message.empty()) message += "; ";
    if (extra.size() > 1 && extra[0] == '-') {
      const std::string name = extra.substr(0, extra.find('='));
      message += "tandem " + command + " has no option " + name;
      const std::string nearest = Nearest(name, OptionNames(cmd));
      if (!nearest.empty()) message += " (did you mean " + nearest + "?)";
    } else {
      message += "unexpected argument '" + extra + "'";
    }
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  // Ctrl-C or a kill leaves no hidden temporary file beside an output (docs/robustness.md).
  tandem::RemoveUnfinishedOutputsOnSignals();
  // An alignment makes and drops arrays of a few hundred kilobytes to tens of megabytes pass
  // after pass; by default glibc gives each back to the system and takes it again, and the
  // page faults of taking it again were 14% of the CPU time of a 1k-sentence alignment. The
  // process keeps what it freed instead (up to 256 MB beyond what it holds, which bounds what a
  // long-running `tandem review` keeps); its peak is the same. The library sets no such
  // process-wide policy: this is the program's choice.
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
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
    tandem::cli::AddConcordCommand(app, context);
    tandem::cli::AddReportCommand(app, context);
    tandem::cli::AddReviewCommand(app, context);
    tandem::cli::AddDictionariesCommand(app, context);

    std::vector<std::string> commands;
    const CLI::App& all = app;
    for (const CLI::App* command : all.get_subcommands([](const CLI::App*) { return true; })) {
      commands.push_back(command->get_name());
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    // "tandem help [COMMAND]" is "tandem [COMMAND] --help".
    if (!args.empty() && args[0] == "help") {
      args.erase(args.begin());
      args.resize(std::min<std::size_t>(args.size(), 1));
      args.emplace_back("--help");
    }
    // The first word must be a command (or --help, --version): CLI11 would answer anything else
    // with "A subcommand is required", which does not say what it did not understand.
    const std::string usage = "tandem COMMAND [OPTIONS] ...; the commands are " + Joined(commands) +
                              " (tandem --help describes them)";
    if (args.empty()) {
      std::cerr << "tandem: error: no command given: " << usage << '\n';
      return tandem::cli::kExitUsage;
    }
    const std::string first = args[0];
    const bool known_command = std::find(commands.begin(), commands.end(), first) != commands.end();
    if (!known_command && first != "-h" && first != "--help" && first != "--version") {
      std::string nearest;
      std::string message;
      if (first.size() > 1 && first[0] == '-') {
        nearest = Nearest(first.substr(0, first.find('=')), {"--help", "--version"});
        // -V, -v: the version, as most tools spell it.
        if (first == "-V" || first == "-v") nearest = "--version";
        message = "unknown option " + first + " before the command";
      } else {
        nearest = Nearest(first, commands);
        message = "unknown command '" + first + "'";
      }
      if (!nearest.empty()) message += " (did you mean " + nearest + "?)";
      std::cerr << "tandem: error: " << message << "; " << usage << '\n';
      return tandem::cli::kExitUsage;
    }

    std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
    try {
      app.parse(args);
    } catch (const CLI::ParseError& e) {
      // --help and --version are "errors" with exit code 0 in CLI11.
      if (e.get_exit_code() == 0) {
        app.exit(e);
        return tandem::cli::kExitOk;
      }
      // Everything else is a usage error, whatever CLI11's own code for it, said with the
      // prefix of every error (docs/cli.md).
      const CLI::App* command = known_command ? app.get_subcommand(first) : nullptr;
      std::string message = e.what();
      if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && command != nullptr) {
        message = ExplainExtras(*command, first, message);
      }
      std::cerr << "tandem: error: " << message << "\nRun 'tandem "
                << (known_command ? first + " " : std::string()) << "--help' for the options.\n";
      return tandem::cli::kExitUsage;
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
