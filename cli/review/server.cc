#include "review/server.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <functional>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "editor_assets.h"
#include "review/security.h"
#include "tandem/util/strings.h"

namespace tandem::cli::review {
namespace {

using tandem::internal::ReplaceAll;

// The editor: one page with its style and script inline, allowed to run by a nonce.
std::string EditorPage(const std::string& nonce) {
  std::string page(assets::EditorHtml());
  std::string style(assets::BitextViewCss());
  style += assets::EditorCss();
  std::string script(assets::BitextViewJs());
  script += assets::EditorJs();
  ReplaceAll(page, "{{NONCE}}", nonce);
  ReplaceAll(page, "{{STYLE}}", style);
  ReplaceAll(page, "{{SCRIPT}}", script);
  return page;
}

void SetCommonHeaders(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
}

void Json(httplib::Response& res, const ApiResponse& api) {
  res.status = api.status;
  res.set_content(api.body, "application/json; charset=utf-8");
}

void Refuse(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}, {"reason", "refused"}}.dump(
                      -1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

// Reads a request's body, at most `limit` bytes, whatever its transfer encoding: cpp-httplib
// checks a Content-Length against its payload limit, but reads a chunked body (or one that runs
// until the connection closes) whole. kOk, kTooLarge (the rest is left unread), or kBroken.
enum class BodyRead { kOk, kTooLarge, kBroken };
BodyRead ReadBody(const httplib::Request& req, const httplib::ContentReader& reader,
                  std::size_t limit, std::string* body) {
  bool too_large = false;
  const bool read = reader([&](const char* data, std::size_t size) {
    if (size > limit - body->size()) {
      too_large = true;
      return false;
    }
    body->append(data, size);
    return true;
  });
  if (too_large) return BodyRead::kTooLarge;
  if (read) return BodyRead::kOk;
  // cpp-httplib refuses a declared length over its limit without calling the receiver.
  const std::string declared = req.get_header_value("Content-Length");
  std::size_t length = 0;
  const auto parsed = std::from_chars(declared.data(), declared.data() + declared.size(), length);
  if (parsed.ec == std::errc() && length > limit) return BodyRead::kTooLarge;
  return BodyRead::kBroken;
}

// Only SO_REUSEADDR (a port whose last connections are in TIME_WAIT can be taken again), not
// cpp-httplib's default SO_REUSEPORT, with which a second server, another `tandem review` among
// them, could listen on the same port and be handed half of the requests.
void ExclusiveSocketOptions(int socket) {
  const int yes = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

sigset_t StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  return signals;
}

}  // namespace

void BlockStopSignals() {
  const sigset_t signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

Status Serve(ReviewSession& session, const ServerOptions& options) {
  httplib::Server server;
  server.set_payload_max_length(options.max_request_bytes);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(30, 0);
  server.set_keep_alive_timeout(5);
  // One request per connection. A body refused half-read (too large) leaves the rest of it on
  // the connection, and cpp-httplib 0.11 closes a connection only when the request asks for it
  // or the next request cannot be parsed: a body without a length would keep it open until the
  // read timeout. On loopback a new connection costs next to nothing.
  server.set_keep_alive_max_count(1);
  server.set_socket_options(ExclusiveSocketOptions);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port("127.0.0.1");
    if (port < 0) return IoError("cannot listen on 127.0.0.1: no free port");
  } else if (!server.bind_to_port("127.0.0.1", port)) {
    return IoError(
        fmt::format("cannot listen on 127.0.0.1:{} (in use? try another --port, or "
                    "none for a free one)",
                    port));
  }
  // The page's own script and style carry a fresh nonce; nothing else may run.
  const std::string nonce = NewToken().substr(0, 32);
  const std::string page = EditorPage(nonce);
  const std::string csp = fmt::format(
      "default-src 'none'; script-src 'nonce-{0}'; style-src 'nonce-{0}'; connect-src 'self'; "
      "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      nonce);

  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    SetCommonHeaders(res);
    RequestFacts facts{.method = req.method,
                       .path = req.path,
                       .host = req.get_header_value("Host"),
                       .origin = req.get_header_value("Origin"),
                       .fetch_site = req.get_header_value("Sec-Fetch-Site"),
                       .header_token = req.get_header_value("X-Tandem-Token"),
                       .query_token = req.get_param_value("token")};
    if (const std::optional<Refusal> refusal = CheckRequest(facts, options.token, port)) {
      Refuse(res, refusal->status, refusal->message);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "POST" &&
        req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
      Refuse(res, 415, "requests must be JSON (Content-Type: application/json)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
    if (options.log) options.log(req.method, req.path, res.status);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      Refuse(res, res.status,
             res.status == 413 ? "the request is too large" : fmt::format("HTTP {}", res.status));
    }
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Refuse(res, 500, "internal error in tandem review; please report it");
      });

  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", csp);
    res.set_content(page, "text/html; charset=utf-8");
  });
  server.Get("/api/corpus",
             [&](const httplib::Request&, httplib::Response& res) { Json(res, session.Corpus()); });
  server.Get("/api/state",
             [&](const httplib::Request&, httplib::Response& res) { Json(res, session.State()); });
  // GET /api/explain?sb=&sc=&tb=&tc=: the bead by its sentences (session.h).
  server.Get("/api/explain", [&](const httplib::Request& req, httplib::Response& res) {
    std::size_t values[4] = {};
    const char* names[4] = {"sb", "sc", "tb", "tc"};
    for (int i = 0; i < 4; ++i) {
      const std::string text = req.get_param_value(names[i]);
      const auto parsed = std::from_chars(text.data(), text.data() + text.size(), values[i]);
      if (text.empty() || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) {
        Json(res, {400, nlohmann::json{{"error", fmt::format("\"{}\" must be a number of "
                                                             "sentences",
                                                             names[i])},
                                       {"reason", "invalid"}}
                            .dump()});
        return;
      }
    }
    Json(res, session.Explain({.source_begin = values[0],
                               .source_count = values[1],
                               .target_begin = values[2],
                               .target_count = values[3]}));
  });
  // Every POST reads its body itself, so that the size limit holds for chunked bodies too.
  auto post = [&](const std::string& path, std::function<ApiResponse(std::string_view)> call) {
    server.Post(path, [&, call](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
      std::string body;
      switch (ReadBody(req, reader, options.max_request_bytes, &body)) {
        case BodyRead::kOk:
          Json(res, call(body));
          return;
        case BodyRead::kTooLarge:
          // The rest of the body is not read (the connection is closed after each request).
          Refuse(res, 413,
                 fmt::format("the request is too large (at most {} bytes)",
                             options.max_request_bytes));
          return;
        case BodyRead::kBroken:
          Refuse(res, 400, "the request body could not be read");
          return;
      }
    });
  };
  post("/api/edit", [&](std::string_view body) { return session.Edit(body); });
  post("/api/undo", [&](std::string_view body) { return session.Undo(body); });
  post("/api/redo", [&](std::string_view body) { return session.Redo(body); });
  post("/api/realign", [&](std::string_view body) { return session.Realign(body); });
  post("/api/reload", [&](std::string_view) { return session.Reload(); });

  // The stop signals are blocked in every thread; a watcher thread takes them and stops the
  // server, which makes listen_after_bind return.
  BlockStopSignals();
  const sigset_t signals = StopSignals();
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    int received = 0;
    sigwait(&signals, &received);
    // httplib's stop() does nothing before the server runs, so a signal that comes right after
    // the address was printed would be lost: wait until it runs (or has given up).
    while (!finished.load() && !server.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server.stop();
  });

  if (options.on_listening) {
    options.on_listening(fmt::format("http://127.0.0.1:{}/?token={}", port, options.token));
  }
  const bool served = server.listen_after_bind();
  finished.store(true);
  // listen_after_bind returned without a signal (an error): wake the watcher up.
  if (server.is_running() || !served) pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  // Whatever is not written yet is written now.
  const Status flushed = session.Flush();
  if (!served) return IoError("the review server stopped: cannot accept connections");
  if (!flushed.ok()) {
    return flushed.WithContext("the last changes could not be saved");
  }
  return Status::Ok();
}

}  // namespace tandem::cli::review
