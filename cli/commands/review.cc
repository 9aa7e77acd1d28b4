// tandem review: a local web server with an editor for one aligned corpus (cli/review/).
#include <cstdlib>
#include <iostream>
#include <memory>
#include <pwd.h>
#include <string>
#include <unistd.h>

#include "common.h"
#include "review/security.h"
#include "review/server.h"
#include "review/session.h"
#include "tandem/core/text_io.h"

namespace tandem::cli {
namespace {

struct ReviewArgs {
  std::string corpus;
  int port = 0;
  std::string reviewer;
  bool verbose = false;
};

// Who reviews, when --reviewer does not say: TANDEM_REVIEWER, else the login name.
std::string DefaultReviewer() {
  if (const char* name = std::getenv("TANDEM_REVIEWER"); name != nullptr && *name != '\0') {
    return name;
  }
  if (const passwd* user = ::getpwuid(::getuid()); user != nullptr && user->pw_name != nullptr) {
    return user->pw_name;
  }
  return "reviewer";
}

int Run(const ReviewArgs& args) {
  // Before the session starts its saver thread: Ctrl+C must reach the server, which then writes
  // what is not saved yet.
  review::BlockStopSignals();
  // Every edit is saved to the corpus (and its backup beside it): a place where that cannot
  // happen is found now, not at the first edit.
  if (const Status writable = AtomicOutput::CheckCreatable(args.corpus); !writable.ok()) {
    return ReportError(writable);
  }
  review::SessionOptions options;
  options.reviewer = args.reviewer.empty() ? DefaultReviewer() : args.reviewer;
  options.clock = [] { return Timestamp(); };
  options.warn = [](const std::string& message) {
    std::cerr << "tandem: warning: " << message << '\n';
  };
  StatusOr<std::unique_ptr<review::ReviewSession>> session =
      review::ReviewSession::Open(args.corpus, options);
  if (!session.ok()) return ReportError(session.status());

  review::ServerOptions server;
  server.port = args.port;
  server.token = review::NewToken();
  server.on_listening = [&](const std::string& address) {
    std::cerr << "tandem: reviewing " << args.corpus << " (" << (*session)->beads() << " beads) as "
              << options.reviewer << "; every change is saved as it is made\n"
              << "tandem: open this address in a browser (Ctrl+C stops the server):\n";
    std::cout << address << std::endl;
  };
  if (args.verbose) {
    server.log = [](const std::string& method, const std::string& path, int status) {
      std::cerr << "tandem: " << method << ' ' << path << ' ' << status << '\n';
    };
  }
  if (const Status served = review::Serve(**session, server); !served.ok()) {
    return ReportError(served);
  }
  std::cerr << "tandem: review server stopped; " << args.corpus << " holds every change\n";
  return kExitOk;
}

}  // namespace

void AddReviewCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* cmd = app.add_subcommand(
      "review",
      "Review an aligned corpus in the browser: a local editor that saves every change to the "
      "TEI file");
  cmd->add_option("CORPUS", args->corpus, "the aligned corpus (TEI, as tandem align writes it)")
      ->required();
  cmd->add_option("-p,--port", args->port,
                  "the port to listen on, on 127.0.0.1 (default: a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("-r,--reviewer", args->reviewer,
                  "the name recorded with each change (default: $TANDEM_REVIEWER, or the login "
                  "name)");
  cmd->add_flag("-v,--verbose", args->verbose, "print every request");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
