// The HTTP side of `tandem review`: cpp-httplib listening on 127.0.0.1, the security checks of
// security.h on every request, the editor page (HTML, CSS and JavaScript compiled into the
// binary) and the JSON API of session.h. Nothing else is served: no file of the file system is
// reachable but the one corpus, through the API.
#pragma once

#include <functional>
#include <string>

#include "review/session.h"
#include "tandem/core/status.h"

namespace tandem::cli::review {

struct ServerOptions {
  int port = 0;  // 0: a free port chosen by the system
  std::string token;
  std::size_t max_request_bytes = 64 * 1024;
  // Called once the server listens, with the address to open (including the token).
  std::function<void(const std::string& address)> on_listening;
  // Called for each request served (method, path, status), for --verbose.
  std::function<void(const std::string&, const std::string&, int)> log;
};

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread and every thread it starts from then
// on, so that Serve can take them. Call it before starting any thread (the session's saver).
void BlockStopSignals();

// Serves `session` until SIGINT, SIGTERM or SIGHUP arrives, then writes what is not saved yet
// and returns. The signals must be blocked (BlockStopSignals) in every thread of the process.
Status Serve(ReviewSession& session, const ServerOptions& options);

}  // namespace tandem::cli::review
