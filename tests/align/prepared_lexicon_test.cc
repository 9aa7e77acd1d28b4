#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "made_up_bitext.h"
#include "tandem/align/aligner.h"
#include "tandem/align/lexicon.h"

namespace tandem::align {
namespace {

using test_data::MadeUpBitext;

// Twenty translated pairs between unrelated sentences on either side, and the texts as views.
struct Texts {
  std::vector<std::string> source;
  std::vector<std::string> target;
  Lexicon lexicon;

  Texts() {
    MadeUpBitext bitext;
    lexicon = bitext.lexicon();
    // A multi-word entry and one with a placeholder word, so that phrases are prepared too.
    lexicon.entries.push_back({"bavo beli", "kopa"});
    lexicon.entries.push_back({"to give sg", "kadni"});
    for (int k = 0; k < 5; ++k) target.push_back(bitext.Unrelated('t'));
    for (int k = 0; k < 20; ++k) {
      auto [s, t] = bitext.Pair(0.7);
      if (k == 4) s += " bavo beli";
      if (k == 4) t += " kopa";
      source.push_back(s);
      target.push_back(t);
      if (k == 10) source.push_back(bitext.Unrelated('m'));
    }
  }

  AlignInput Input() const {
    AlignInput input;
    for (const std::string& s : source) input.source.push_back(s);
    for (const std::string& t : target) input.target.push_back(t);
    input.source_language = "en";
    input.target_language = "hu";
    return input;
  }
};

Ladder AlignOrDie(const AlignInput& input) {
  StatusOr<Ladder> ladder = Align(input, {});
  EXPECT_TRUE(ladder.ok()) << ladder.status().message();
  return ladder.ok() ? *ladder : Ladder{};
}

TEST(PreparedLexicon, AlignsExactlyAsTheLexiconItWasPreparedFrom) {
  const Texts texts;
  AlignInput with_entries = texts.Input();
  with_entries.lexicons = {texts.lexicon};
  StatusOr<PreparedLexicon> prepared = PreparedLexicon::Prepare(texts.lexicon, "en", "hu");
  ASSERT_TRUE(prepared.ok()) << prepared.status().message();
  EXPECT_EQ(prepared->name(), "made-up");
  // Every entry has words on the source side.
  EXPECT_EQ(prepared->size(), texts.lexicon.entries.size());
  AlignInput with_prepared = texts.Input();
  with_prepared.prepared_lexicons = {std::make_shared<const PreparedLexicon>(*prepared)};
  const Ladder expected = AlignOrDie(with_entries);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(AlignOrDie(with_prepared), expected);  // confidences included

  StatusOr<AlignReport> report = AlignWithReport(with_prepared, {});
  ASSERT_TRUE(report.ok());
  EXPECT_GT(report->dictionary_coverage, 0.5);
}

TEST(PreparedLexicon, BytesReadBackAsTheyWereWritten) {
  const Texts texts;
  StatusOr<PreparedLexicon> prepared = PreparedLexicon::Prepare(texts.lexicon, "en", "hu");
  ASSERT_TRUE(prepared.ok());
  auto copy = std::make_shared<const std::string>(prepared->bytes());
  StatusOr<PreparedLexicon> again = PreparedLexicon::FromBytes(copy, *copy);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->bytes(), prepared->bytes());
  EXPECT_EQ(again->name(), "made-up");
  EXPECT_EQ(again->size(), prepared->size());
  EXPECT_TRUE(again->Fits("en", "hu"));
  EXPECT_FALSE(again->Fits("de", "fr"));
  AlignInput a = texts.Input();
  a.prepared_lexicons = {std::make_shared<const PreparedLexicon>(*prepared)};
  AlignInput b = texts.Input();
  b.prepared_lexicons = {std::make_shared<const PreparedLexicon>(*again)};
  EXPECT_EQ(AlignOrDie(a), AlignOrDie(b));
}

TEST(PreparedLexicon, DamagedBytesAreRefusedNeverTrusted) {
  const Texts texts;
  StatusOr<PreparedLexicon> prepared = PreparedLexicon::Prepare(texts.lexicon, "en", "hu");
  ASSERT_TRUE(prepared.ok());
  const std::string good(prepared->bytes());
  auto expect_refused = [](const std::string& bytes, const std::string& what) {
    auto owner = std::make_shared<const std::string>(bytes);
    StatusOr<PreparedLexicon> read = PreparedLexicon::FromBytes(owner, *owner);
    ASSERT_FALSE(read.ok()) << what;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidData) << what;
    EXPECT_NE(read.status().message().find("prepared lexicon"), std::string::npos)
        << read.status().message();
  };
  expect_refused("", "empty");
  expect_refused("TNDMLEX1", "header only");
  for (std::size_t size : {std::size_t{20}, good.size() / 2, good.size() - 1}) {
    expect_refused(good.substr(0, size), "truncated to " + std::to_string(size));
  }
  expect_refused(good + "x", "one byte more");
  std::string flipped = good;
  flipped[good.size() / 3] ^= 0x10;
  expect_refused(flipped, "a flipped bit");
  std::string foreign = good;
  foreign[0] = 'X';
  expect_refused(foreign, "another magic");
  std::string version = good;
  version[8] = static_cast<char>(PreparedLexicon::kFormatVersion + 1);
  expect_refused(version, "another version");
}

TEST(PreparedLexicon, PreparedForOtherLanguagesIsRefusedByTheAligner) {
  const Texts texts;
  StatusOr<PreparedLexicon> prepared = PreparedLexicon::Prepare(texts.lexicon, "de", "fr");
  ASSERT_TRUE(prepared.ok());
  AlignInput input = texts.Input();  // en -> hu
  input.prepared_lexicons = {std::make_shared<const PreparedLexicon>(*prepared)};
  StatusOr<Ladder> ladder = Align(input, {});
  ASSERT_FALSE(ladder.ok());
  EXPECT_EQ(ladder.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(ladder.status().message().find("made-up"), std::string::npos);

  StatusOr<Aligner> aligner =
      Aligner::Create("en", "hu", {std::make_shared<const PreparedLexicon>(*prepared)}, {});
  ASSERT_FALSE(aligner.ok());
  EXPECT_EQ(aligner.status().code(), StatusCode::kInvalidArgument);
}

TEST(Aligner, AlignsAsAlignDoesForManyPairsAndThreads) {
  const Texts texts;
  StatusOr<PreparedLexicon> prepared = PreparedLexicon::Prepare(texts.lexicon, "en", "hu");
  ASSERT_TRUE(prepared.ok());
  AlignOptions options;
  options.threads = 1;
  StatusOr<Aligner> aligner =
      Aligner::Create("en", "hu", {std::make_shared<const PreparedLexicon>(*prepared)}, options);
  ASSERT_TRUE(aligner.ok()) << aligner.status().message();
  AlignInput free_input = texts.Input();
  free_input.lexicons = {texts.lexicon};
  StatusOr<Ladder> expected = Align(free_input, options);
  ASSERT_TRUE(expected.ok());

  // The texts without languages take the aligner's.
  AlignInput texts_only = texts.Input();
  texts_only.source_language.clear();
  texts_only.target_language.clear();
  std::vector<Ladder> ladders(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < ladders.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 3; ++k) {
        StatusOr<Ladder> ladder = aligner->Align(texts_only);
        if (ladder.ok()) ladders[t] = *ladder;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Ladder& ladder : ladders) EXPECT_EQ(ladder, *expected);

  AlignInput other = texts.Input();
  other.target_language = "de";
  StatusOr<Ladder> refused = aligner->Align(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("en -> hu"), std::string::npos)
      << refused.status().message();
}

}  // namespace
}  // namespace tandem::align
