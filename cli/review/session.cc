#include "review/session.h"

#include <chrono>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/corpora/view_data.h"

namespace tandem::cli::review {
namespace {

using nlohmann::json;

ApiResponse Error(int status, std::string_view reason, const std::string& message) {
  return {status, json{{"error", message}, {"reason", reason}}.dump(
                      -1, ' ', false, json::error_handler_t::replace)};
}

// The edit a request asks for; kInvalidArgument naming the field that is wrong.
StatusOr<corpora::Edit> ParseEdit(const json& request, std::size_t max_note_bytes) {
  corpora::Edit edit;
  const auto kind = request.find("kind");
  if (kind == request.end() || !kind->is_string()) {
    return InvalidArgumentError("the edit has no \"kind\"");
  }
  const std::optional<corpora::EditKind> parsed =
      corpora::EditKindFromName(kind->get<std::string>());
  if (!parsed)
    return InvalidArgumentError(fmt::format("unknown edit \"{}\"", kind->get<std::string>()));
  edit.kind = *parsed;
  const auto bead = request.find("bead");
  if (bead == request.end() || !bead->is_number_unsigned()) {
    return InvalidArgumentError("the edit has no bead number (\"bead\")");
  }
  edit.bead = bead->get<std::size_t>();
  if (const auto side = request.find("side"); side != request.end()) {
    if (*side == "source") {
      edit.side = corpora::Side::kSource;
    } else if (*side == "target") {
      edit.side = corpora::Side::kTarget;
    } else {
      return InvalidArgumentError("\"side\" must be \"source\" or \"target\"");
    }
  }
  if (const auto sentence = request.find("sentence"); sentence != request.end()) {
    if (!sentence->is_number_unsigned())
      return InvalidArgumentError("\"sentence\" must be a number");
    edit.sentence = sentence->get<std::size_t>();
  }
  if (const auto note = request.find("note"); note != request.end()) {
    if (!note->is_string()) return InvalidArgumentError("\"note\" must be a string");
    edit.note = note->get<std::string>();
    if (edit.note.size() > max_note_bytes) {
      return InvalidArgumentError(fmt::format("the note is too long ({} bytes; at most {})",
                                              edit.note.size(), max_note_bytes));
    }
  }
  if (const auto bookmark = request.find("bookmark"); bookmark != request.end()) {
    if (!bookmark->is_boolean()) return InvalidArgumentError("\"bookmark\" must be true or false");
    edit.bookmark = bookmark->get<bool>();
  }
  return edit;
}

std::string Describe(const corpora::Edit& edit, const corpora::LadderPatch& patch) {
  const std::size_t k = edit.bead + 1;
  const char* side = edit.side == corpora::Side::kSource ? "source" : "target";
  switch (edit.kind) {
    case corpora::EditKind::kMergeWithNext:
      return fmt::format("merged beads {} and {}", k, k + 1);
    case corpora::EditKind::kSplit:
      return fmt::format("split bead {} after {} sentence {}", k, side, edit.sentence + 1);
    case corpora::EditKind::kMoveFirstToPrevious:
      return fmt::format("moved the first {} sentence of bead {} to bead {}", side, k, k - 1);
    case corpora::EditKind::kMoveLastToNext:
      return fmt::format("moved the last {} sentence of bead {} to bead {}", side, k, k + 1);
    case corpora::EditKind::kDetach:
      return fmt::format("detached {} sentence {} of bead {}", side, edit.sentence + 1, k);
    case corpora::EditKind::kAttachToNext:
      return fmt::format("attached bead {} to bead {}", k, k + 1);
    case corpora::EditKind::kAttachToPrevious:
      return fmt::format("attached bead {} to bead {}", k, k - 1);
    case corpora::EditKind::kConfirm:
      return fmt::format("confirmed bead {}", k);
    case corpora::EditKind::kConfirmUpTo: {
      std::size_t confirmed = 0;
      for (std::size_t i = 0; i < patch.after_review.size(); ++i) {
        if (patch.after_review[i].status != patch.before_review[i].status) ++confirmed;
      }
      return fmt::format("confirmed {} bead{} up to bead {}", confirmed, confirmed == 1 ? "" : "s",
                         k);
    }
    case corpora::EditKind::kSetNote:
      return edit.note.empty() ? fmt::format("removed the note of bead {}", k)
                               : fmt::format("noted bead {}", k);
    case corpora::EditKind::kSetBookmark:
      return fmt::format("{} bead {}", edit.bookmark ? "bookmarked" : "unbookmarked", k);
  }
  return "done";
}

}  // namespace

std::string DescribeRealignChanges(const corpora::PatchChanges& changes) {
  auto beads = [](std::size_t n) { return fmt::format("{} bead{}", n, n == 1 ? "" : "s"); };
  std::string text = changes.structural()
                         ? fmt::format("{} replaced by {}", beads(changes.removed), changes.added)
                         : std::string("no bead changed");
  if (changes.confidence > 0) {
    text += fmt::format(", {} {} with a new confidence", changes.confidence,
                        changes.structural() ? (changes.confidence == 1 ? "other" : "others")
                                             : (changes.confidence == 1 ? "bead" : "beads"));
  }
  return text;
}

ReviewSession::ReviewSession(tei::BitextFile file, corpora::Bitext bitext, SessionOptions options)
    : path_(file.path()),
      options_(std::move(options)),
      bitext_(std::move(bitext)),
      file_(std::move(file)),
      saver_([this] { SaverLoop(); }) {}

ReviewSession::~ReviewSession() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_saver_.notify_all();
  saver_.join();
}

StatusOr<std::unique_ptr<ReviewSession>> ReviewSession::Open(const std::string& path,
                                                             SessionOptions options) {
  corpora::Bitext bitext;
  TANDEM_ASSIGN_OR_RETURN(tei::BitextFile file, tei::BitextFile::Open(path, &bitext, options.warn));
  // The constructor is private; make_unique cannot reach it.
  return std::unique_ptr<ReviewSession>(
      new ReviewSession(std::move(file), std::move(bitext), std::move(options)));
}

std::size_t ReviewSession::beads() {
  const std::lock_guard lock(mutex_);
  return bitext_.ladder.size();
}

void ReviewSession::SaverLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_saver_.wait(
        lock, [this] { return stopping_ || (version_ != saved_version_ && conflict_.empty()); });
    if (version_ == saved_version_ || !conflict_.empty()) {
      if (stopping_) break;
      continue;
    }
    // Write a copy, so that edits go on while the file is written.
    const corpora::Bitext copy = bitext_;
    const std::uint64_t version = version_;
    saving_ = true;
    lock.unlock();
    Status saved = Status::Ok();
    {
      const std::lock_guard file_lock(file_mutex_);
      saved = file_.Save(copy);
    }
    lock.lock();
    saving_ = false;
    ++attempts_;
    if (saved.ok()) {
      saved_version_ = version;
      saved_ = options_.clock();
      save_error_.clear();
    } else if (saved.code() == StatusCode::kConflict) {
      conflict_ = saved.message();
    } else {
      save_error_ = saved.message();
    }
    save_done_.notify_all();
    if (!saved.ok() && saved.code() != StatusCode::kConflict) {
      if (stopping_) break;
      // Try again in a while (a full disk may get space), or at once when asked to.
      wake_saver_.wait_for(lock, std::chrono::seconds(2),
                           [this] { return stopping_ || retry_now_; });
      retry_now_ = false;
    }
  }
  save_done_.notify_all();
}

Status ReviewSession::Flush() {
  std::unique_lock lock(mutex_);
  const std::uint64_t attempts = attempts_;
  retry_now_ = true;
  wake_saver_.notify_all();
  save_done_.wait(lock, [&] {
    return !conflict_.empty() || (version_ == saved_version_ && !saving_) ||
           (attempts_ > attempts && !save_error_.empty() && !saving_) || stopping_;
  });
  retry_now_ = false;
  if (!conflict_.empty()) return ConflictError(conflict_);
  if (version_ != saved_version_) {
    return IoError(save_error_.empty() ? std::string("not saved") : save_error_);
  }
  return Status::Ok();
}

ApiResponse ReviewSession::BitextFileLocked() {
  const json session{{"version", version_},           {"saved_version", saved_version_},
                     {"undo", history_.undo_size()},  {"redo", history_.redo_size()},
                     {"reviewer", options_.reviewer}, {"file", path_},
                     {"backup", path_ + ".bak"},      {"saved", saved_},
                     {"conflict", conflict_},         {"save_error", save_error_}};
  return {200, "{\"session\":" + session.dump(-1, ' ', false, json::error_handler_t::replace) +
                   ",\"data\":" + corpora::ViewDataJson(bitext_) + "}"};
}

ApiResponse ReviewSession::Corpus() {
  const std::lock_guard lock(mutex_);
  return BitextFileLocked();
}

ApiResponse ReviewSession::State() {
  std::unique_lock lock(mutex_);
  // Notice another program's change even when nothing is being saved; never wait for the saver
  // for that.
  if (conflict_.empty() && !saving_ && version_ == saved_version_) {
    std::unique_lock file_lock(file_mutex_, std::try_to_lock);
    if (file_lock.owns_lock()) {
      if (const Status unchanged = file_.CheckUnchanged(); !unchanged.ok()) {
        conflict_ = unchanged.message();
      }
    }
  }
  return {200, json{{"version", version_},
                    {"saved_version", saved_version_},
                    {"undo", history_.undo_size()},
                    {"redo", history_.redo_size()},
                    {"saved", saved_},
                    {"conflict", conflict_},
                    {"save_error", save_error_}}
                   .dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse ReviewSession::Changed(const corpora::LadderPatch& patch, const std::string& message) {
  const json fields{{"version", version_},
                    {"saved_version", saved_version_},
                    {"undo", history_.undo_size()},
                    {"redo", history_.redo_size()},
                    {"saved", saved_},
                    {"save_error", save_error_},
                    {"message", message}};
  std::string body = fields.dump(-1, ' ', false, json::error_handler_t::replace);
  body.pop_back();  // the closing brace: the patch goes in as JSON text
  body += ",\"patch\":" + corpora::ViewPatchJson(patch) + "}";
  return {200, std::move(body)};
}

ApiResponse ReviewSession::Edit(std::string_view body) { return Change(Step::kEdit, body); }
ApiResponse ReviewSession::Undo(std::string_view body) { return Change(Step::kUndo, body); }
ApiResponse ReviewSession::Redo(std::string_view body) { return Change(Step::kRedo, body); }
ApiResponse ReviewSession::Realign(std::string_view body) { return Change(Step::kRealign, body); }

ApiResponse ReviewSession::Change(Step step, std::string_view body) {
  const json request = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded() || !request.is_object()) {
    return Error(400, "invalid", "the request is not a JSON object");
  }
  const std::lock_guard lock(mutex_);
  const auto version = request.find("version");
  if (version == request.end() || !version->is_number_unsigned() ||
      version->get<std::uint64_t>() != version_) {
    return Error(409, "stale",
                 "the alignment changed since this page loaded it (in another tab?); the page "
                 "reloads it");
  }
  if (!conflict_.empty()) return Error(409, "disk", conflict_);
  const corpora::ReviewStamp stamp{.reviewer = options_.reviewer, .timestamp = options_.clock()};
  StatusOr<corpora::LadderPatch> patch = InvalidArgumentError("no change");
  std::string message;
  switch (step) {
    case Step::kEdit: {
      StatusOr<corpora::Edit> edit = ParseEdit(request, options_.max_note_bytes);
      if (!edit.ok()) return Error(400, "invalid", edit.status().message());
      patch = history_.Do(bitext_, *edit, stamp);
      if (patch.ok()) message = Describe(*edit, *patch);
      break;
    }
    case Step::kUndo:
      patch = history_.Undo(bitext_);
      message = "undone";
      break;
    case Step::kRedo:
      patch = history_.Redo(bitext_);
      message = "redone";
      break;
    case Step::kRealign: {
      StatusOr<corpora::Realignment> realigned =
          corpora::Realign(bitext_, {.timestamp = stamp.timestamp}, &history_);
      if (!realigned.ok()) return Error(400, "invalid", realigned.status().message());
      patch = realigned->patch;
      message =
          fmt::format("re-aligned around {} reviewed bead{}: {}", realigned->kept,
                      realigned->kept == 1 ? "" : "s", DescribeRealignChanges(realigned->changes));
      break;
    }
  }
  if (!patch.ok()) return Error(400, "invalid", patch.status().message());
  ++version_;
  wake_saver_.notify_all();
  return Changed(*patch, message);
}

ApiResponse ReviewSession::Explain(const align::Bead& bead) {
  // The aligner's beads have a few sentences a side; a reviewer's merges may have more. Past
  // this, an explanation is a list nobody reads, and costs time for every word.
  constexpr std::size_t kMaxSentences = 64;
  if (bead.source_count > kMaxSentences || bead.target_count > kMaxSentences) {
    return Error(
        400, "invalid",
        fmt::format("beads of more than {} sentences a side are not explained", kMaxSentences));
  }
  const std::lock_guard explain_lock(explainer_mutex_);
  corpora::Bitext texts;
  {
    const std::lock_guard lock(mutex_);
    if (explainer_stale_) explainer_.reset();
    explainer_stale_ = false;
    if (!explainer_) {
      texts.source = bitext_.source;
      texts.target = bitext_.target;
      texts.alignment = bitext_.alignment;
    }
  }
  if (!explainer_) {
    // Outside mutex_: aligning the pair takes seconds, and edits go on meanwhile.
    StatusOr<corpora::BeadExplainer> made =
        corpora::BeadExplainer::Make(texts, corpora::AlignOptionsOf(texts));
    if (!made.ok()) return Error(500, "explain", made.status().message());
    explainer_ = std::move(*made);
  }
  StatusOr<align::BeadEvidence> evidence = explainer_->Explain(bead);
  if (!evidence.ok()) return Error(400, "invalid", evidence.status().message());
  json matches = json::array();
  for (const align::BeadEvidence::Match& match : evidence->matches) {
    matches.push_back({{"channel", match.channel},
                       {"origin", match.origin},
                       {"source", match.source},
                       {"target", match.target}});
  }
  json parts = json::array();
  for (const align::BeadEvidence::Part& part : evidence->parts) {
    parts.push_back({{"name", part.name}, {"cost", part.cost}});
  }
  return {200, json{{"matches", std::move(matches)},
                    {"parts", std::move(parts)},
                    {"cost", evidence->cost},
                    {"source_length", evidence->source_length},
                    {"target_length", evidence->target_length},
                    {"expected_target_length", evidence->expected_target_length}}
                   .dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse ReviewSession::Reload() {
  std::unique_lock lock(mutex_);
  // Not while the saver writes: it would write the old bitext over the file read again.
  save_done_.wait(lock, [this] { return !saving_; });
  corpora::Bitext bitext;
  {
    const std::lock_guard file_lock(file_mutex_);
    StatusOr<tei::BitextFile> file = tei::BitextFile::Open(path_, &bitext, options_.warn);
    if (!file.ok()) return Error(500, "load", file.status().message());
    file_ = std::move(*file);
  }
  bitext_ = std::move(bitext);
  explainer_stale_ = true;
  history_.Clear();
  conflict_.clear();
  save_error_.clear();
  ++version_;
  saved_version_ = version_;
  return BitextFileLocked();
}

}  // namespace tandem::cli::review
