// One review session: the corpus file, the bitext read from it, the history of edits, and the
// API the editor in the browser talks to. HTTP-free (server.cc does HTTP), so that the API can be
// exercised directly. Every operation goes through the library (corpora/review.h); this class
// adds only what a session needs: a version number for the editor's copy of the ladder, saving,
// and JSON.
//
// Saving. An edit is applied in memory and answered at once; a saver thread then writes the
// corpus (tei::BitextFile::Save: conflict check, backup, atomic replace), coalescing edits that
// arrive while it writes. Writing a corpus of 20,000 beads takes about 150 ms, which the reviewer
// should not wait for at every key. The answers carry two versions: `version`, the state the editor
// shows, and `saved_version`, the state on disk; the editor says "saving..." until they agree.
// A killed server loses at most the edits of the last write (a fraction of a second) and never
// damages the file. When the file changed on disk, nothing more is written (`conflict`) and
// further edits are refused until the editor reloads the file; when a write fails otherwise (a
// full disk), the edits stay in memory, `save_error` says why, and writing is retried.
//
// The API (docs/cli.md, "tandem review"); every body and answer is JSON:
//   GET  /api/corpus   the whole corpus: {"session": {...}, "data": view data (view_data.h)}
//   GET  /api/state    {"version", "saved_version", "undo", "redo", "saved", "conflict",
//                       "save_error"}: polled by the editor
//   POST /api/edit     {"version", "kind", "bead", "side", "sentence", "note", "bookmark"}
//   POST /api/undo, /api/redo, /api/realign   {"version"}
//   POST /api/reload   read the file again (after a conflict); the history is dropped
// Edits answer {"version", "saved_version", "patch" (view_data.h), "undo", "redo", "message"}.
// Errors answer {"error": message, "reason": "invalid" | "stale" | "disk"} with status 400 (the
// edit cannot be made) or 409 (the editor's copy is stale, or the file changed on disk).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/review.h"
#include "tandem/tei/bitext_file.h"

namespace tandem::cli::review {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// What a re-alignment changed, for people, as the editor and `tandem align --keep` say it:
// "12 beads replaced by 11, 230 others with a new confidence", "no bead changed".
std::string DescribeRealignChanges(const corpora::PatchChanges& changes);

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

  // Writes what is not saved yet and stops the saver.
  ~ReviewSession();
  ReviewSession(const ReviewSession&) = delete;
  ReviewSession& operator=(const ReviewSession&) = delete;

  // Thread-safe: requests are served one at a time.
  ApiResponse Corpus();
  ApiResponse State();
  ApiResponse Edit(std::string_view body);
  ApiResponse Undo(std::string_view body);
  ApiResponse Redo(std::string_view body);
  ApiResponse Realign(std::string_view body);
  ApiResponse Reload();
  // Why the aligner would align `bead` (its sentences, not its number, so that the answer holds
  // whatever edits come meanwhile): the words, numbers and names it matches, the parts of the
  // cost. The first call works out the aligner's model of the pair (corpora::BeadExplainer), as
  // long as aligning the pair took; edits go on meanwhile.
  ApiResponse Explain(const align::Bead& bead);

  // Waits until every edit made so far is on disk, or until writing it failed (the status of
  // that attempt: kConflict when the file changed on disk).
  Status Flush();

  const std::string& path() const { return path_; }
  std::size_t beads();

 private:
  enum class Step { kEdit, kUndo, kRedo, kRealign };
  ReviewSession(tei::BitextFile file, corpora::Bitext bitext, SessionOptions options);
  ApiResponse Change(Step step, std::string_view body);
  ApiResponse BitextFileLocked();
  ApiResponse Changed(const corpora::LadderPatch& patch, const std::string& message);
  void SaverLoop();

  const std::string path_;
  SessionOptions options_;

  std::mutex mutex_;  // guards everything below but file_
  corpora::Bitext bitext_;
  corpora::EditHistory history_;
  std::uint64_t version_ = 1;        // the state the editor is shown
  std::uint64_t saved_version_ = 1;  // the state in the file
  std::uint64_t attempts_ = 0;       // writes finished, successful or not
  bool saving_ = false;              // the saver is writing
  bool retry_now_ = false;           // write again without waiting (Flush after an error)
  bool stopping_ = false;
  std::string saved_;       // when the file was last written by this session
  std::string conflict_;    // the file changed on disk: nothing is written any more
  std::string save_error_;  // the last write failed (and is retried)
  std::condition_variable wake_saver_;
  std::condition_variable save_done_;

  std::mutex file_mutex_;  // guards file_: the saver writes it without holding mutex_
  tei::BitextFile file_;

  // Taken before mutex_ when both are needed.
  std::mutex explainer_mutex_;  // guards explainer_
  std::optional<corpora::BeadExplainer> explainer_;
  bool explainer_stale_ = false;  // guarded by mutex_: the corpus was read again

  std::thread saver_;  // last: started when everything else is ready
};

}  // namespace tandem::cli::review
