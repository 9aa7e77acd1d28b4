#include "tandem/align/aligner.h"

#include <random>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "made_up_bitext.h"
#include "model_options.h"  // the model behind the options: shapes, calibration, scorers

namespace tandem::align {
namespace {

using test_data::MadeUpBitext;

AlignInput Input(std::vector<std::string_view> source, std::vector<std::string_view> target) {
  return {std::move(source), std::move(target), "en", "hu"};
}

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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  MadeUpBitext bitext;
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
  for (const Calibration& calibration : {Calibration{}, Calibration::WithoutDictionary()}) {
    for (const Calibration::Curve& curve :
         {calibration.one_to_one, calibration.many, calibration.one_sided}) {
      double previous = -1;
      for (double p : {0.0, 0.1, 0.5, 0.9, 0.99, 1.0}) {
        const double c = curve.Apply(p);
        EXPECT_GE(c, 0.0);
        EXPECT_LE(c, 1.0);
        EXPECT_GE(c, previous);
        previous = c;
      }
    }
  }
  EXPECT_DOUBLE_EQ(Calibration::Identity().Apply(Bead{0, 2, 0, 1, 0.25}), 0.25);
}

// Each kind of bead has its own curve.
TEST(Calibration, ByKindOfBead) {
  Calibration calibration = Calibration::Identity();
  calibration.many = {1, 1};
  calibration.one_sided = {1, -1};
  EXPECT_DOUBLE_EQ(calibration.Apply(Bead{0, 1, 0, 1, 0.5}), 0.5);
  EXPECT_NEAR(calibration.Apply(Bead{0, 2, 0, 1, 0.5}), 0.7311, 1e-4);
  EXPECT_NEAR(calibration.Apply(Bead{0, 1, 0, 0, 0.5}), 0.2689, 1e-4);
  // Between the two calibrations in proportion.
  const Calibration half = Calibration::Mix(Calibration::Identity(), calibration, 0.5);
  EXPECT_DOUBLE_EQ(half.many.shift, 0.5);
}

TEST(Align, RejectsBadMaxBead) {
  StatusOr<Ladder> ladder = Align(Input({"a"}, {"b"}), {.max_bead = 0});
  ASSERT_FALSE(ladder.ok());
  EXPECT_EQ(ladder.status().code(), StatusCode::kInvalidArgument);
}

TEST(Aligner, RefusesBadMaxBeadWhenMade) {
  // Refused by Create, not by the first Align: a bad option surfaces where it was given.
  for (const std::size_t max_bead : {std::size_t{0}, std::size_t{9}}) {
    StatusOr<Aligner> aligner = Aligner::Create("en", "hu", {}, {.max_bead = max_bead});
    ASSERT_FALSE(aligner.ok()) << max_bead;
    EXPECT_EQ(aligner.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(aligner.status().message(),
              "max-bead must be between 1 and 8, not " + std::to_string(max_bead));
  }
  for (const std::size_t max_bead : {std::size_t{1}, std::size_t{8}}) {
    StatusOr<Aligner> aligner = Aligner::Create("en", "hu", {}, {.max_bead = max_bead});
    ASSERT_TRUE(aligner.ok()) << aligner.status().message();
    EXPECT_EQ(aligner->options().max_bead, max_bead);
  }
}

TEST(Align, DescribesItsOptions) {
  const auto parameters = DescribeOptions({.max_bead = 3});
  bool found = false;
  for (const auto& [name, value] : parameters) found |= name == "max-bead" && value == "3";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tandem::align
