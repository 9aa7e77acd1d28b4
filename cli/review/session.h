// One review session: the corpus file, the bitext read from it, the history of edits, and the
// API the editor in the browser talks to. HTTP-free (server.cc does HTTP), so that the API can be
// exercised directly. Every operation goes through the library (corpora/review.h); this class
// adds only what a session needs: a version number for the editor's copy of the ladder, saving
// after every change (and taking the change back when it cannot be saved), and JSON.
//
// The API (docs/cli.md, "tandem review"); every body and answer is JSON:
//   GET  /api/corpus   the whole corpus: {"session": {...}, "data": view data (view_data.h)}
//   GET  /api/state    {"version", "undo", "redo", "saved", "conflict"}: polled by the editor
//   POST /api/edit     {"version", "kind", "bead", "side", "sentence", "note", "bookmark"}
//   POST /api/undo, /api/redo, /api/realign   {"version"}
//   POST /api/reload   read the file again (after a conflict); the history is dropped
// Edits answer {"version", "patch" (view_data.h), "undo", "redo", "saved", "message"}. Errors
// answer {"error": message, "reason": "invalid" | "stale" | "disk" | "save"} with status 400
// (the edit cannot be made), 409 (the editor's copy is stale, or the file changed on disk) or
// 500 (the file could not be written; the edit was taken back).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "review/corpus_file.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/review.h"

namespace tandem::cli::review {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

struct SessionOptions {
  std::string reviewer;                // stamped on every bead the session changes
  std::function<std::string()> clock;  // the time of an edit, ISO 8601 UTC
  corpora::WarningCallback warn;       // reader warnings
  std::size_t max_note_bytes = 10'000;
};

class ReviewSession {
 public:
  static StatusOr<std::unique_ptr<ReviewSession>> Open(const std::string& path,
                                                       SessionOptions options);

  // Thread-safe: requests are served one at a time.
  ApiResponse Corpus();
  ApiResponse State();
  ApiResponse Edit(std::string_view body);
  ApiResponse Undo(std::string_view body);
  ApiResponse Redo(std::string_view body);
  ApiResponse Realign(std::string_view body);
  ApiResponse Reload();

  const std::string& path() const { return file_.path(); }
  std::size_t beads() const { return bitext_.ladder.size(); }

 private:
  enum class Step { kEdit, kUndo, kRedo, kRealign };
  ReviewSession(CorpusFile file, corpora::Bitext bitext, SessionOptions options);
  ApiResponse Change(Step step, std::string_view body);
  ApiResponse CorpusLocked();
  ApiResponse Changed(const corpora::LadderPatch& patch, const std::string& message);

  std::mutex mutex_;
  CorpusFile file_;
  corpora::Bitext bitext_;
  corpora::EditHistory history_;
  SessionOptions options_;
  std::uint64_t version_ = 1;
  std::string saved_;     // when the file was last written by this session
  std::string conflict_;  // set when a save found the file changed on disk
};

}  // namespace tandem::cli::review
