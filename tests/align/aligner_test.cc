#include "tandem/align/aligner.h"

#include <random>
#include <set>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

AlignInput Input(std::vector<std::string_view> source, std::vector<std::string_view> target) {
  return {std::move(source), std::move(target), "en", "hu"};
}

// A made-up language pair for exact ladders: source words begin with "b", their translations
// with "k" (so that no two look alike), and words of unrelated text with "m" and "t". The
// lexicon knows every b-word's translation; a target sentence renders its source sentence
// word by word, in a different order.
class Bitext {
 public:
  Bitext() : rng_(2024) {
    for (int k = 0; k < 300; ++k) {
      const std::string s = Word('b');
      const std::string t = Word('k');
      words_.emplace_back(s, t);
      lexicon_.entries.push_back({s, t});
    }
    lexicon_.name = "made-up";
  }

  // A new source sentence of 6 to 11 words and its translation.
  std::pair<std::string, std::string> Pair() {
    std::vector<std::pair<std::string, std::string>> chosen;
    const std::size_t n = 6 + rng_() % 6;
    for (std::size_t k = 0; k < n; ++k) chosen.push_back(words_[rng_() % words_.size()]);
    std::string source;
    std::string target;
    for (std::size_t k = 0; k < n; ++k) {
      source += (k == 0 ? "" : " ") + chosen[k].first;
      target += (k == 0 ? "" : " ") + chosen[(k + 2) % n].second;
    }
    return {source + ".", target + "."};
  }

  // A sentence of unrelated text.
  std::string Unrelated(char initial) {
    std::string out;
    const std::size_t n = 6 + rng_() % 6;
    for (std::size_t k = 0; k < n; ++k) out += (k == 0 ? "" : " ") + Word(initial);
    return out + ".";
  }

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  std::string Word(char initial) {
    static const std::string kVowels = "aeiou";
    static const std::string kConsonants = "dfglnprstv";
    std::string word(1, initial);
    const std::size_t syllables = 2 + rng_() % 2;
    for (std::size_t k = 0; k < syllables; ++k) {
      word += kVowels[rng_() % kVowels.size()];
      word += kConsonants[rng_() % kConsonants.size()];
    }
    return word;
  }

  std::mt19937 rng_;
  std::vector<std::pair<std::string, std::string>> words_;
  Lexicon lexicon_;
};

// Aligns sentence lists (owned here) with the made-up lexicon.
Ladder AlignTexts(const std::vector<std::string>& source, const std::vector<std::string>& target,
                  const Lexicon& lexicon) {
  AlignInput input;
  for (const std::string& s : source) input.source.push_back(s);
  for (const std::string& t : target) input.target.push_back(t);
  input.source_language = "en";
  input.target_language = "hu";
  input.lexicons = {lexicon};
  StatusOr<Ladder> ladder = Align(input, {});
  EXPECT_TRUE(ladder.ok()) << ladder.status().message();
  if (!ladder.ok()) return {};
  EXPECT_TRUE(ValidateLadder(*ladder, source.size(), target.size()).ok());
  for (Bead& bead : *ladder) bead.confidence = 0;  // structure only
  return *ladder;
}

TEST(Align, TranslationEmbeddedInUnrelatedTarget) {
  // 15 unrelated sentences, the translation of the 20 source sentences, 15 unrelated ones.
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 15; ++k) target.push_back(bitext.Unrelated('t'));
  for (int k = 0; k < 20; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    target.push_back(t);
  }
  for (int k = 0; k < 15; ++k) target.push_back(bitext.Unrelated('t'));
  Ladder expected;
  for (std::size_t j = 0; j < 15; ++j) expected.push_back({0, 0, j, 1, 0});
  for (std::size_t k = 0; k < 20; ++k) expected.push_back({k, 1, 15 + k, 1, 0});
  for (std::size_t j = 35; j < 50; ++j) expected.push_back({20, 0, j, 1, 0});
  EXPECT_EQ(AlignTexts(source, target, bitext.lexicon()), expected);
}

TEST(Align, TranslationEmbeddedInUnrelatedSource) {
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 25; ++k) source.push_back(bitext.Unrelated('m'));
  for (int k = 0; k < 20; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    target.push_back(t);
  }
  for (int k = 0; k < 5; ++k) source.push_back(bitext.Unrelated('m'));
  Ladder expected;
  for (std::size_t i = 0; i < 25; ++i) expected.push_back({i, 1, 0, 0, 0});
  for (std::size_t k = 0; k < 20; ++k) expected.push_back({25 + k, 1, k, 1, 0});
  for (std::size_t i = 45; i < 50; ++i) expected.push_back({i, 1, 20, 0, 0});
  EXPECT_EQ(AlignTexts(source, target, bitext.lexicon()), expected);
}

TEST(Align, ParagraphMissingOnOneSide) {
  // The target lacks the translations of source sentences 10 to 14.
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 30; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    if (k < 10 || k >= 15) target.push_back(t);
  }
  Ladder expected;
  for (std::size_t k = 0; k < 10; ++k) expected.push_back({k, 1, k, 1, 0});
  for (std::size_t k = 10; k < 15; ++k) expected.push_back({k, 1, 10, 0, 0});
  for (std::size_t k = 15; k < 30; ++k) expected.push_back({k, 1, k - 5, 1, 0});
  EXPECT_EQ(AlignTexts(source, target, bitext.lexicon()), expected);
}

TEST(Align, OneToThreeAndThreeToOne) {
  // Target sentence 5 renders source sentences 5, 6 and 7; source sentence 12 is rendered as
  // three target sentences.
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 20; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    if (k == 6 || k == 7) {
      target.back().pop_back();  // the period
      target.back() += " " + t;
    } else if (k == 12) {
      // Three pieces of a three times longer sentence.
      auto [s2, t2] = bitext.Pair();
      auto [s3, t3] = bitext.Pair();
      s.pop_back();
      s2.pop_back();
      source.back() = s + " " + s2 + " " + s3;
      target.push_back(t);
      target.push_back(t2);
      target.push_back(t3);
    } else {
      target.push_back(t);
    }
  }
  Ladder expected;
  for (std::size_t k = 0; k < 5; ++k) expected.push_back({k, 1, k, 1, 0});
  expected.push_back({5, 3, 5, 1, 0});
  for (std::size_t k = 8; k < 12; ++k) expected.push_back({k, 1, k - 2, 1, 0});
  expected.push_back({12, 1, 10, 3, 0});
  for (std::size_t k = 13; k < 20; ++k) expected.push_back({k, 1, k, 1, 0});
  EXPECT_EQ(AlignTexts(source, target, bitext.lexicon()), expected);
}

TEST(Align, ConfidenceIsHighWhereTheEvidenceIsClear) {
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 20; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    target.push_back(t);
  }
  AlignInput input;
  for (const std::string& s : source) input.source.push_back(s);
  for (const std::string& t : target) input.target.push_back(t);
  input.lexicons = {bitext.lexicon()};
  StatusOr<Ladder> ladder = Align(input, {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 20u);
  for (const Bead& bead : *ladder) EXPECT_GE(bead.confidence, 0.9);
}

TEST(Align, ExplainsEveryBead) {
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 10; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    target.push_back(t);
  }
  AlignInput input;
  for (const std::string& s : source) input.source.push_back(s);
  for (const std::string& t : target) input.target.push_back(t);
  input.lexicons = {bitext.lexicon()};
  AlignOptions options;
  options.explain = true;
  StatusOr<AlignReport> report = AlignWithReport(input, options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->evidence.size(), report->ladder.size());
  const BeadEvidence& first = report->evidence.front();
  EXPECT_GT(first.source_length, 0.0);
  EXPECT_FALSE(first.matches.empty());
  for (const BeadEvidence::Match& match : first.matches) {
    EXPECT_EQ(match.channel, "dictionary");
    EXPECT_EQ(match.origin, "made-up");
    EXPECT_NE(source[0].find(match.source), std::string::npos);
    EXPECT_NE(target[0].find(match.target), std::string::npos);
  }
  double sum = 0;
  for (const BeadEvidence::Part& part : first.parts) sum += part.cost;
  EXPECT_NEAR(sum, first.cost, 1e-9);
  EXPECT_LT(first.cost, 0.0);
  ASSERT_NE(report->model, nullptr);
  EXPECT_NEAR(report->model->combined().Cost(0, 1, 0, 1), first.cost, 1e-9);
  EXPECT_TRUE(AlignWithReport(input, {}).value().evidence.empty());
}

TEST(Align, KeepsFixedBeads) {
  Bitext bitext;
  std::vector<std::string> source;
  std::vector<std::string> target;
  for (int k = 0; k < 10; ++k) {
    auto [s, t] = bitext.Pair();
    source.push_back(s);
    target.push_back(t);
  }
  AlignInput input;
  for (const std::string& s : source) input.source.push_back(s);
  for (const std::string& t : target) input.target.push_back(t);
  input.lexicons = {bitext.lexicon()};
  // A reviewer says source 4 and 5 go together with target 4 (against the evidence).
  input.fixed = {{4, 2, 4, 1, 1.0}};
  StatusOr<Ladder> ladder = Align(input, {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_TRUE(ValidateLadder(*ladder, 10, 10).ok());
  bool found = false;
  for (const Bead& bead : *ladder) found |= bead == Bead{4, 2, 4, 1, 1.0};
  EXPECT_TRUE(found);
}

TEST(Align, IdenticalTextsAreAllOneToOne) {
  const std::vector<std::string_view> text = {
      "Today, December 16th, the representative of the Council came.",
      "He transmitted an ultimatum to me orally.", "I declared that I would answer in writing.",
      "Short.", "A much longer sentence that goes on and on for quite a number of words."};
  StatusOr<Ladder> ladder = Align(Input(text, text), {});
  ASSERT_TRUE(ladder.ok()) << ladder.status().message();
  ASSERT_EQ(ladder->size(), text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    EXPECT_EQ((*ladder)[k].source_begin, k);
    EXPECT_EQ((*ladder)[k].source_count, 1u);
    EXPECT_EQ((*ladder)[k].target_count, 1u);
  }
}

TEST(Align, CountsCharactersNotBytes) {
  // Hungarian accented letters take two bytes; by characters the lengths match 1:1.
  const std::vector<std::string_view> source = {"aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbb"};
  const std::vector<std::string_view> target = {
      "\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1"
      "\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1",
      "bbbbbbbbbb"};
  StatusOr<Ladder> ladder = Align(Input(source, target), {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 2u);
  EXPECT_EQ(BeadTypeName((*ladder)[0]), "1:1");
}

TEST(Align, EmptyAndOneSidedInputs) {
  StatusOr<Ladder> empty = Align(Input({}, {}), {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  StatusOr<Ladder> one_sided = Align(Input({}, {"Egy.", "Kett\xC5\x91."}), {});
  ASSERT_TRUE(one_sided.ok());
  ASSERT_EQ(one_sided->size(), 2u);
  EXPECT_EQ(BeadTypeName((*one_sided)[0]), "0:1");
}

TEST(Align, OneSentenceEach) {
  StatusOr<Ladder> ladder = Align(Input({"Hello there."}, {"Szia, hell\xC3\xB3."}), {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 1u);
  EXPECT_EQ(BeadTypeName((*ladder)[0]), "1:1");
}

TEST(AlignmentShapes, TheShapesOfTheIssueAndMore) {
  const std::vector<BeadShape> shapes = AlignmentShapes(4);
  for (const BeadShape& shape : std::vector<BeadShape>{
           {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}, {1, 4}, {4, 1}}) {
    EXPECT_NE(std::find(shapes.begin(), shapes.end(), shape), shapes.end())
        << shape.source_count << ":" << shape.target_count;
  }
  EXPECT_EQ(AlignmentShapes(2), StandardShapes(2));
}

TEST(Calibration, MonotoneAndBounded) {
  const Calibration calibration;
  double previous = -1;
  for (double p : {0.0, 0.1, 0.5, 0.9, 0.99, 1.0}) {
    const double c = calibration.Apply(p);
    EXPECT_GE(c, 0.0);
    EXPECT_LE(c, 1.0);
    EXPECT_GE(c, previous);
    previous = c;
  }
  const Calibration identity{.scale = 1, .shift = 0};
  EXPECT_DOUBLE_EQ(identity.Apply(0.25), 0.25);
}

TEST(Align, RejectsBadMaxBead) {
  StatusOr<Ladder> ladder = Align(Input({"a"}, {"b"}), {.max_bead = 0});
  ASSERT_FALSE(ladder.ok());
  EXPECT_EQ(ladder.status().code(), StatusCode::kInvalidArgument);
}

TEST(Align, DescribesItsOptions) {
  const auto parameters = DescribeOptions({.max_bead = 3});
  bool found = false;
  for (const auto& [name, value] : parameters) found |= name == "max-bead" && value == "3";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tandem::align
