// The review server's API without HTTP: versions, saving after every change, refusing to
// overwrite a file changed on disk, taking an edit back when it cannot be saved.
#include "review/session.h"

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <utime.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generated_corpus.h"
#include "tandem/tei/reader.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem::cli::review {
namespace {

using nlohmann::json;

class ReviewSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::GenerateOptions options;
    options.beads = 30;
    options.review = false;
    options.awkward_text = false;
    original_ = testing::GenerateBitext(options);
    path_ = dir_.File("pair.tei.xml");
    tei::TeiWriteOptions write;
    write.output_path = path_;
    ASSERT_TRUE(tei::WriteTeiFile(original_, write).ok());
    // What the file holds, as the reader gives it back (the reference for comparisons).
    StatusOr<corpora::Bitext> read = tei::ReadTeiFile(path_);
    ASSERT_TRUE(read.ok()) << read.status().message();
    original_ = *read;
    Open();
  }

  void Open() {
    SessionOptions options;
    options.reviewer = "tester";
    options.clock = [this] { return "2026-11-22T10:00:0" + std::to_string(tick_++ % 10) + "Z"; };
    StatusOr<std::unique_ptr<ReviewSession>> session = ReviewSession::Open(path_, options);
    ASSERT_TRUE(session.ok()) << session.status().message();
    session_ = std::move(*session);
  }

  // The file once every edit so far is written.
  corpora::Bitext OnDisk() {
    EXPECT_TRUE(session_->Flush().ok());
    StatusOr<corpora::Bitext> read = tei::ReadTeiFile(path_);
    EXPECT_TRUE(read.ok()) << read.status().message();
    return read.ok() ? *read : corpora::Bitext{};
  }

  std::uint64_t Version() {
    return json::parse(session_->State().body)["version"].get<std::uint64_t>();
  }

  ApiResponse Edit(json request) {
    if (!request.contains("version")) request["version"] = Version();
    return session_->Edit(request.dump());
  }

  testing::TempDir dir_;
  std::string path_;
  corpora::Bitext original_;
  std::unique_ptr<ReviewSession> session_;
  int tick_ = 0;
};

TEST_F(ReviewSessionTest, CorpusAnswersTheViewDataAndTheSession) {
  const ApiResponse corpus = session_->Corpus();
  ASSERT_EQ(corpus.status, 200);
  const json body = json::parse(corpus.body);
  EXPECT_EQ(body["data"]["beads"].size(), original_.ladder.size());
  EXPECT_EQ(body["data"]["source"]["sentences"].size(), original_.source.sentences.size());
  EXPECT_EQ(body["session"]["version"], 1);
  EXPECT_EQ(body["session"]["reviewer"], "tester");
  EXPECT_EQ(body["session"]["file"], path_);
  EXPECT_EQ(body["session"]["undo"], 0);
}

TEST_F(ReviewSessionTest, AnEditIsSavedAndAnsweredWithAPatch) {
  const ApiResponse r = Edit({{"kind", "merge"}, {"bead", 3}});
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = json::parse(r.body);
  EXPECT_EQ(body["version"], 2);
  EXPECT_EQ(body["undo"], 1);
  EXPECT_EQ(body["patch"]["first"], 3);
  EXPECT_EQ(body["patch"]["remove"], 2);
  ASSERT_EQ(body["patch"]["beads"].size(), 1u);
  EXPECT_EQ(body["patch"]["review"][0]["s"], "edited");
  EXPECT_EQ(body["patch"]["review"][0]["r"], "tester");
  EXPECT_EQ(body["message"], "merged beads 4 and 5");

  const corpora::Bitext saved = OnDisk();
  ASSERT_EQ(saved.ladder.size(), original_.ladder.size() - 1);
  EXPECT_EQ(saved.ladder[3].source_count,
            original_.ladder[3].source_count + original_.ladder[4].source_count);
  EXPECT_EQ(corpora::ReviewOf(saved, 3).status, corpora::ReviewStatus::kEdited);
  EXPECT_EQ(corpora::ReviewOf(saved, 3).reviewer, "tester");
  EXPECT_EQ(corpora::ReviewOf(saved, 3).timestamp, "2026-11-22T10:00:00Z");
  // The version before the save is the backup.
  StatusOr<corpora::Bitext> backup = tei::ReadTeiFile(path_ + ".bak");
  ASSERT_TRUE(backup.ok());
  EXPECT_EQ(backup->ladder, original_.ladder);
}

TEST_F(ReviewSessionTest, UndoAndRedoAreSavedToo) {
  ASSERT_EQ(Edit({{"kind", "confirm"}, {"bead", 0}}).status, 200);
  ASSERT_EQ(Edit({{"kind", "split"}, {"bead", 1}, {"side", "target"}}).status, 200);
  const corpora::Bitext after_two = OnDisk();
  ApiResponse r = session_->Undo(json{{"version", Version()}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(OnDisk().ladder, original_.ladder);
  EXPECT_EQ(corpora::ReviewOf(OnDisk(), 0).status, corpora::ReviewStatus::kConfirmed);
  r = session_->Undo(json{{"version", Version()}}.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(OnDisk(), original_);
  r = session_->Undo(json{{"version", Version()}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"], "there is nothing to undo");
  ASSERT_EQ(session_->Redo(json{{"version", Version()}}.dump()).status, 200);
  ASSERT_TRUE(session_->Flush().ok());
  ASSERT_EQ(session_->Redo(json{{"version", Version()}}.dump()).status, 200);
  EXPECT_EQ(OnDisk(), after_two);
  // The backup is always the version before the last write (here: after the first redo).
  StatusOr<corpora::Bitext> backup = tei::ReadTeiFile(path_ + ".bak");
  ASSERT_TRUE(backup.ok());
  EXPECT_EQ(backup->ladder, original_.ladder);
  EXPECT_EQ(corpora::ReviewOf(*backup, 0).status, corpora::ReviewStatus::kConfirmed);
}

TEST_F(ReviewSessionTest, AStaleVersionIsRefused) {
  const ApiResponse r = Edit({{"version", 7}, {"kind", "confirm"}, {"bead", 0}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(json::parse(r.body)["reason"], "stale");
  EXPECT_EQ(OnDisk(), original_);
  EXPECT_FALSE(std::filesystem::exists(path_ + ".bak"));  // nothing was written
}

TEST_F(ReviewSessionTest, EditsThatCannotBeMadeChangeNothing) {
  const std::size_t last = original_.ladder.size() - 1;
  const std::pair<json, std::string> cases[] = {
      {{{"kind", "merge"}, {"bead", last}}, "is the last bead"},
      {{{"kind", "merge"}, {"bead", last + 5}}, "there is no bead"},
      {{{"kind", "explode"}, {"bead", 0}}, "unknown edit \"explode\""},
      {{{"kind", "merge"}}, "no bead number"},
      {{{"kind", "merge"}, {"bead", -1}}, "no bead number"},
      {{{"kind", "split"}, {"bead", 0}, {"side", "left"}}, "\"side\" must be"},
      {{{"kind", "note"}, {"bead", 0}, {"note", std::string(10'001, 'x')}}, "too long"},
      {{{"kind", "bookmark"}, {"bead", 0}, {"bookmark", "yes"}}, "true or false"},
  };
  for (const auto& [request, message] : cases) {
    const ApiResponse r = Edit(request);
    EXPECT_EQ(r.status, 400) << request.dump();
    EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find(message), std::string::npos)
        << r.body;
  }
  EXPECT_EQ(session_->Edit("not json").status, 400);
  EXPECT_EQ(session_->Edit("[1, 2]").status, 400);
  EXPECT_EQ(Version(), 1u);
  EXPECT_EQ(OnDisk(), original_);
}

TEST_F(ReviewSessionTest, AFileChangedOnDiskIsNotOverwritten) {
  // Another program saves its own version of the corpus while the editor is open.
  const std::uint64_t version = Version();
  const std::string theirs = testing::ReadFile(path_) + "<!-- theirs -->\n";
  testing::WriteFile(path_, theirs);
  // The edit is made in memory, but the saver finds the change and writes nothing.
  ASSERT_EQ(Edit({{"version", version}, {"kind", "confirm"}, {"bead", 0}}).status, 200);
  const Status flushed = session_->Flush();
  EXPECT_EQ(flushed.code(), StatusCode::kConflict);
  EXPECT_NE(flushed.message().find("changed on disk"), std::string::npos) << flushed.message();
  EXPECT_EQ(testing::ReadFile(path_), theirs);
  EXPECT_NE(json::parse(session_->State().body)["conflict"], "");
  // Until the editor reloads, edits are refused; after the reload, editing goes on from theirs.
  ApiResponse r = Edit({{"kind", "confirm"}, {"bead", 1}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(json::parse(r.body)["reason"], "disk");
  EXPECT_EQ(testing::ReadFile(path_), theirs);
  ASSERT_EQ(session_->Reload().status, 200);
  EXPECT_EQ(json::parse(session_->State().body)["conflict"], "");
  EXPECT_EQ(corpora::ReviewOf(OnDisk(), 0).status, corpora::ReviewStatus::kAutomatic);
  r = Edit({{"kind", "confirm"}, {"bead", 0}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(corpora::ReviewOf(OnDisk(), 0).status, corpora::ReviewStatus::kConfirmed) << r.body;
}

TEST_F(ReviewSessionTest, StateNoticesAChangeOnDisk) {
  EXPECT_EQ(json::parse(session_->State().body)["conflict"], "");
  testing::WriteFile(path_, "<x/>");
  EXPECT_NE(json::parse(session_->State().body)["conflict"], "");
}

TEST_F(ReviewSessionTest, ATouchedButUnchangedFileIsNoConflict) {
  struct utimbuf times {};
  times.actime = 1000;
  times.modtime = 1000;
  ASSERT_EQ(::utime(path_.c_str(), &times), 0);
  EXPECT_EQ(Edit({{"kind", "confirm"}, {"bead", 0}}).status, 200);
}

TEST_F(ReviewSessionTest, EditsThatCannotBeSavedAreKeptAndWrittenLater) {
  // The backup cannot be made (a directory is in its way), so nothing can be written.
  std::filesystem::create_directories(path_ + ".bak/blocked");
  const std::string before = testing::ReadFile(path_);
  ASSERT_EQ(Edit({{"kind", "merge"}, {"bead", 0}}).status, 200);
  ASSERT_EQ(Edit({{"kind", "confirm"}, {"bead", 3}}).status, 200);
  const Status flushed = session_->Flush();
  EXPECT_EQ(flushed.code(), StatusCode::kIoError);
  EXPECT_NE(flushed.message().find(".bak"), std::string::npos) << flushed.message();
  EXPECT_EQ(testing::ReadFile(path_), before);
  const json state = json::parse(session_->State().body);
  EXPECT_NE(state["save_error"], "");
  EXPECT_EQ(state["version"], 3);
  EXPECT_EQ(state["saved_version"], 1);
  // Edits go on in memory; once the way is free, everything is written.
  ASSERT_EQ(Edit({{"kind", "bookmark"}, {"bead", 5}, {"bookmark", true}}).status, 200);
  std::filesystem::remove_all(path_ + ".bak");
  ASSERT_TRUE(session_->Flush().ok());
  const corpora::Bitext saved = OnDisk();
  EXPECT_EQ(saved.ladder.size(), original_.ladder.size() - 1);
  EXPECT_EQ(corpora::ReviewOf(saved, 3).status, corpora::ReviewStatus::kConfirmed);
  EXPECT_TRUE(corpora::ReviewOf(saved, 5).bookmark);
  EXPECT_EQ(json::parse(session_->State().body)["save_error"], "");
}

TEST_F(ReviewSessionTest, ClosingWritesWhatIsNotSavedYet) {
  ASSERT_EQ(Edit({{"kind", "merge"}, {"bead", 2}}).status, 200);
  ASSERT_EQ(Edit({{"kind", "merge"}, {"bead", 2}}).status, 200);
  session_.reset();
  StatusOr<corpora::Bitext> read = tei::ReadTeiFile(path_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->ladder.size(), original_.ladder.size() - 2);
}

TEST_F(ReviewSessionTest, RealignKeepsWhatWasReviewed) {
  ASSERT_EQ(Edit({{"kind", "merge"}, {"bead", 5}}).status, 200);
  ASSERT_EQ(Edit({{"kind", "confirm"}, {"bead", 9}}).status, 200);
  const corpora::Bitext reviewed = OnDisk();
  const ApiResponse r = session_->Realign(json{{"version", Version()}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(json::parse(r.body)["message"].get<std::string>().find("around 2 reviewed beads"),
            std::string::npos);
  const corpora::Bitext realigned = OnDisk();
  ASSERT_TRUE(corpora::ValidateBitext(realigned).ok());
  // Both reviewed beads are still there, as they were.
  for (const std::size_t k : {5u, 9u}) {
    bool found = false;
    for (std::size_t j = 0; j < realigned.ladder.size(); ++j) {
      if (realigned.ladder[j] == reviewed.ladder[k]) {
        found = true;
        EXPECT_EQ(corpora::ReviewOf(realigned, j), corpora::ReviewOf(reviewed, k));
      }
    }
    EXPECT_TRUE(found) << "reviewed bead " << k + 1 << " is gone";
  }
  // Re-aligning is undoable like any edit.
  ASSERT_EQ(session_->Undo(json{{"version", Version()}}.dump()).status, 200);
  EXPECT_EQ(OnDisk(), reviewed);
}

// Why a bead would be aligned: its evidence, asked by its sentences; the model is made once.
TEST_F(ReviewSessionTest, ExplainAnswersTheEvidenceOfABead) {
  const align::Bead& bead = original_.ladder[3];
  const ApiResponse r = session_->Explain(bead);
  ASSERT_EQ(r.status, 200) << r.body;
  const json answer = json::parse(r.body);
  EXPECT_TRUE(answer["matches"].is_array());
  ASSERT_FALSE(answer["parts"].empty());
  EXPECT_EQ(answer["parts"][0]["name"], "shape");
  EXPECT_TRUE(answer["cost"].is_number());
  // Any bead, not only those of the ladder; edits meanwhile change nothing.
  ASSERT_EQ(Edit({{"kind", "merge"}, {"bead", 0}}).status, 200);
  EXPECT_EQ(session_->Explain({0, 2, 0, 3, 0.0}).status, 200);
  // Beads outside the texts, empty ones and very long ones are refused.
  EXPECT_EQ(session_->Explain({0, 1, original_.target.sentences.size(), 1, 0.0}).status, 400);
  EXPECT_EQ(session_->Explain({0, 0, 0, 0, 0.0}).status, 400);
  EXPECT_EQ(session_->Explain({0, 65, 0, 1, 0.0}).status, 400);
}

// The message counts beads whose sentences changed, and confidence changes apart: re-aligning
// re-estimates every confidence ("9234 beads changed" was said where 12 had changed).
TEST_F(ReviewSessionTest, RealignSaysWhatChangedApartFromConfidences) {
  ASSERT_EQ(session_->Realign(json{{"version", Version()}}.dump()).status, 200);
  corpora::Bitext aligned = OnDisk();
  session_.reset();
  // The aligner's own ladder with other confidences, and two neighbouring 1:1 beads made one.
  ASSERT_GE(aligned.ladder.size(), 10u);
  for (align::Bead& bead : aligned.ladder) bead.confidence = bead.confidence * 0.5;
  std::size_t k = 0;
  auto one_to_one = [&](std::size_t i) {
    return aligned.ladder[i].source_count == 1 && aligned.ladder[i].target_count == 1;
  };
  while (k + 1 < aligned.ladder.size() && !(one_to_one(k) && one_to_one(k + 1))) ++k;
  ASSERT_LT(k + 1, aligned.ladder.size());
  const align::Bead first = aligned.ladder[k];
  aligned.ladder[k] = {first.source_begin, 2, first.target_begin, 2, 0.3};
  aligned.ladder.erase(aligned.ladder.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  aligned.review.clear();
  ASSERT_TRUE(tei::WriteTeiFile(aligned, {.output_path = path_}).ok());
  Open();
  const ApiResponse r = session_->Realign(json{{"version", Version()}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["message"].get<std::string>(),
            "re-aligned around 0 reviewed beads: 1 bead replaced by 2, " +
                std::to_string(aligned.ladder.size() - 1) + " others with a new confidence");
  // Once more: nothing changes.
  const ApiResponse again = session_->Realign(json{{"version", Version()}}.dump());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body)["message"].get<std::string>(),
            "re-aligned around 0 reviewed beads: no bead changed");
}

}  // namespace
}  // namespace tandem::cli::review
