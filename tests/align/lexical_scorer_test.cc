#include "lexical_scorer.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

// A side from lists of keys per sentence; key k is named "k<k>".
KeyedSide Side(const std::vector<std::vector<std::uint32_t>>& sentences, std::size_t keys) {
  KeyedSide side;
  for (const auto& sentence : sentences) {
    for (std::uint32_t key : sentence) side.Add(key, {0, 1});
    side.EndSentence();
  }
  for (std::size_t k = 0; k < keys; ++k) side.key_names.push_back("k" + std::to_string(k));
  return side;
}

// Source key k is linked to target key k (an identity channel over `keys` keys).
EvidenceChannel Identity(const std::vector<std::vector<std::uint32_t>>& source,
                         const std::vector<std::vector<std::uint32_t>>& target, std::size_t keys) {
  EvidenceChannel channel;
  channel.name = "test";
  channel.origins = {"same"};
  channel.source = Side(source, keys);
  channel.target = Side(target, keys);
  channel.links.resize(keys);
  for (std::uint32_t k = 0; k < keys; ++k) channel.links[k] = {{k, 0}};
  return channel;
}

// Ten sentence pairs, each sharing two rare keys: sentence k has keys 2k and 2k+1.
EvidenceChannel Parallel() {
  std::vector<std::vector<std::uint32_t>> sentences;
  for (std::uint32_t k = 0; k < 10; ++k) sentences.push_back({2 * k, 2 * k + 1});
  return Identity(sentences, sentences, 20);
}

TEST(LexicalScorer, MatchesMakeTranslationsCheapAndMismatchesExpensive) {
  const EvidenceChannel channel = Parallel();
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 0.5});
  EXPECT_LT(scorer.Cost(3, 1, 3, 1), -2.0);
  EXPECT_GT(scorer.Cost(3, 1, 4, 1), 2.0);
  EXPECT_LT(scorer.Cost(3, 1, 3, 1), scorer.Cost(3, 1, 4, 1));
  // One-sided beads carry no lexical evidence.
  EXPECT_EQ(scorer.Cost(3, 1, 3, 0), 0.0);
  EXPECT_EQ(scorer.Cost(3, 0, 3, 1), 0.0);
  // Merging an unrelated sentence into a bead costs its unmatched words.
  EXPECT_GT(scorer.Cost(3, 2, 3, 1), scorer.Cost(3, 1, 3, 1));
  // A 2:2 of two translation pairs is cheaper than one of them with an unrelated pair.
  EXPECT_LT(scorer.Cost(3, 2, 3, 2), scorer.Cost(3, 2, 5, 2));
}

// The scorer remembers sentence scores per thread (lexical_scorer.cc); whatever the order in
// which beads are asked for, and however many scorers ask, each cost is the one computed alone.
TEST(LexicalScorer, CostsDoNotDependOnTheOrderOfQuestionsNorOnOtherScorers) {
  std::vector<std::vector<std::uint32_t>> source;
  std::vector<std::vector<std::uint32_t>> target;
  std::mt19937 rng(11);
  for (int s = 0; s < 40; ++s) {
    std::vector<std::uint32_t> keys(3 + rng() % 6);
    for (std::uint32_t& key : keys) key = rng() % 60;
    source.push_back(keys);
    for (std::uint32_t& key : keys) key = rng() % 3 == 0 ? rng() % 60 : key;
    target.push_back(keys);
  }
  const EvidenceChannel channel = Identity(source, target, 60);
  struct Question {
    std::size_t i, a, j, b;
  };
  std::vector<Question> questions;
  for (std::size_t i = 0; i + 6 < source.size(); ++i) {
    for (std::size_t j = 0; j + 6 < target.size(); ++j) {
      for (std::size_t a = 1; a <= 6; ++a) {
        for (std::size_t b = 1; b <= 6; ++b) questions.push_back({i, a, j, b});
      }
    }
  }
  auto answers = [&](const std::vector<Question>& asked, double reliability) {
    // A scorer alone, asked once per question: nothing to remember.
    std::vector<double> costs;
    for (const Question& q : asked) {
      const LexicalScorer alone(channel, {.reliability = reliability, .max_sentence_share = 0.3});
      costs.push_back(alone.Cost(q.i, q.a, q.j, q.b));
    }
    return costs;
  };
  std::shuffle(questions.begin(), questions.end(), rng);
  questions.resize(3000);

  // The model written out (no keys filtered: max_sentence_share 1), for some of the questions.
  auto model = [&](const Question& q, double reliability) {
    auto side = [&](const std::vector<std::vector<std::uint32_t>>& mine,
                    const std::vector<std::vector<std::uint32_t>>& other, std::size_t begin,
                    std::size_t end, std::size_t other_begin, std::size_t other_end) {
      std::vector<double> count(60, 0), other_count(60, 0);
      double other_total = 0;
      for (const auto& keys : mine) {
        for (std::uint32_t k : keys) ++count[k];
      }
      for (const auto& keys : other) {
        for (std::uint32_t k : keys) ++other_count[k], ++other_total;
      }
      double n = 0;
      for (std::size_t t = other_begin; t < other_end; ++t)
        n += static_cast<double>(other[t].size());
      double llr = 0;
      for (std::size_t s = begin; s < end; ++s) {
        for (std::uint32_t k : mine[s]) {
          if (other_count[k] == 0) continue;
          const double share = std::min(other_count[k] / other_total, 0.999);
          const double p = reliability * std::min(1.0, other_count[k] / count[k]);
          bool matched = false;
          for (std::size_t t = other_begin; t < other_end; ++t) {
            matched = matched || std::count(other[t].begin(), other[t].end(), k) > 0;
          }
          const double chance = 1 - std::pow(1 - share, n);
          llr += matched ? std::log1p(p * (1 - chance) / chance) : std::log1p(-p);
        }
      }
      return llr;
    };
    return -(side(source, target, q.i, q.i + q.a, q.j, q.j + q.b) +
             side(target, source, q.j, q.j + q.b, q.i, q.i + q.a));
  };
  const LexicalScorer unfiltered(channel, {.reliability = 0.7, .max_sentence_share = 1.0});
  for (std::size_t k = 0; k < 400; ++k) {
    const Question& q = questions[k];
    const double expected = model(q, 0.7);
    EXPECT_NEAR(unfiltered.Cost(q.i, q.a, q.j, q.b), expected, 1e-3 * (1 + std::abs(expected)))
        << q.i << " " << q.a << " " << q.j << " " << q.b;
  }
  const std::vector<double> expected_a = answers(questions, 0.5);
  const std::vector<double> expected_b = answers(questions, 0.8);
  const LexicalScorer a(channel, {.reliability = 0.5, .max_sentence_share = 0.3});
  const LexicalScorer b(channel, {.reliability = 0.8, .max_sentence_share = 0.3});
  for (int round = 0; round < 2; ++round) {
    for (std::size_t k = 0; k < questions.size(); ++k) {
      const Question& q = questions[k];
      ASSERT_EQ(a.Cost(q.i, q.a, q.j, q.b), expected_a[k]) << k;
      ASSERT_EQ(b.Cost(q.i, q.a, q.j, q.b), expected_b[k]) << k;
    }
  }
  EXPECT_NE(expected_a, expected_b);
}

// What the search asks row by row (RowScorer) is what Cost says bead by bead, for one scorer and
// for a weighted group, whatever order the rows come in and however they are cut, and for beads
// of more sentences than the scorer keeps scores for at once.
TEST(LexicalScorer, RowsGiveTheCostsOfEveryBead) {
  std::vector<std::vector<std::uint32_t>> source;
  std::vector<std::vector<std::uint32_t>> target;
  std::mt19937 rng(5);
  for (int s = 0; s < 30; ++s) {
    std::vector<std::uint32_t> keys(rng() % 7);
    for (std::uint32_t& key : keys) key = rng() % 40;
    source.push_back(keys);
    for (std::uint32_t& key : keys) key = rng() % 3 == 0 ? rng() % 40 : key;
    if (rng() % 4 == 0) keys.push_back(rng() % 40);
    target.push_back(keys);
  }
  target.resize(34, {});  // sentences without keys too
  const EvidenceChannel channel = Identity(source, target, 40);
  const LexicalScorer sharp(channel, {.reliability = 0.8, .max_sentence_share = 0.4});
  const LexicalScorer loose(channel, {.reliability = 0.3, .max_sentence_share = 0.2});
  const LexicalGroup group({{&sharp, 0.7}, {&loose, 0.4}});
  const std::vector<BeadShape> shapes = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}, {2, 2},
                                         {3, 1}, {1, 4}, {3, 3}, {6, 1}, {1, 5}};
  const std::size_t n = source.size();
  const std::size_t m = target.size();
  const double untouched = 7.0;
  auto check = [&](const BeadScorer& scorer, std::unique_ptr<RowScorer>& rows, std::size_t i,
                   std::size_t j_begin, std::size_t j_end) {
    std::vector<double> out((j_end - j_begin) * shapes.size(), untouched);
    rows->AddRow(i, j_begin, j_end, 1.5, out.data());
    for (std::size_t j = j_begin; j < j_end; ++j) {
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        const std::size_t a = shapes[s].source_count;
        const std::size_t b = shapes[s].target_count;
        const double got = out[(j - j_begin) * shapes.size() + s];
        if (a > i || b > j) {
          ASSERT_EQ(got, untouched) << i << " " << j << " " << a << ":" << b;
          continue;
        }
        const double expected = untouched + 1.5 * scorer.Cost(i - a, a, j - b, b);
        ASSERT_NEAR(got, expected, 1e-9 * (1 + std::abs(expected)))
            << i << " " << j << " " << a << ":" << b;
      }
    }
  };
  for (const BeadScorer* scorer :
       {static_cast<const BeadScorer*>(&sharp), static_cast<const BeadScorer*>(&group)}) {
    std::unique_ptr<RowScorer> down = scorer->Rows(shapes);
    for (std::size_t i = 0; i <= n; ++i) check(*scorer, down, i, 0, m + 1);
    std::unique_ptr<RowScorer> up = scorer->Rows(shapes);
    for (std::size_t i = n + 1; i-- > 0;) check(*scorer, up, i, 0, m + 1);
    // A band: each row a window that moves with it.
    std::unique_ptr<RowScorer> band = scorer->Rows(shapes);
    for (std::size_t i = 0; i <= n; ++i) {
      const std::size_t center = i * m / n;
      check(*scorer, band, i, center - std::min<std::size_t>(center, 3),
            std::min(m + 1, center + 4));
    }
  }
  // The group is the weighted sum of its members.
  EXPECT_NEAR(group.Cost(3, 2, 4, 1), 0.7 * sharp.Cost(3, 2, 4, 1) + 0.4 * loose.Cost(3, 2, 4, 1),
              1e-12);
}

TEST(LexicalScorer, TheScoreFollowsTheModel) {
  // One source sentence with key 0, three target sentences: key 0 once, key 1 twice.
  const EvidenceChannel channel = Identity({{0}}, {{0}, {1}, {1}}, 2);
  const double reliability = 0.6;
  const LexicalScorer scorer(channel, {.reliability = reliability, .max_sentence_share = 1.0});
  // Source occurrence of key 0: p = 0.6 (one counterpart for one occurrence), q = 1/3, and
  // n = 1 target occurrence in the bead: chance = 1/3. The target occurrence of key 0 is
  // matched the same way (q = 1 on the source side, which has one occurrence).
  const double chance = 1.0 / 3.0;
  const double source_llr = std::log((reliability + (1 - reliability) * chance) / chance);
  const double target_chance = 1.0 - 1e-3;  // q is capped at 0.999
  const double target_llr =
      std::log((reliability + (1 - reliability) * target_chance) / target_chance);
  EXPECT_NEAR(scorer.Cost(0, 1, 0, 1), -(source_llr + target_llr), 1e-4);  // fast logarithm
  // Against target sentence 1: the source occurrence is unmatched (log(1 - p)); key 1 has no
  // counterpart in the source, so it takes no part.
  // Occurrence scores are kept as floats (lexical_scorer.h): 1e-6 is their precision.
  EXPECT_NEAR(scorer.Cost(0, 1, 1, 1), -std::log(1 - reliability), 1e-6);
}

TEST(LexicalScorer, FrequentKeysAreIgnored) {
  // Key 0 is in every sentence of both sides: it says nothing.
  std::vector<std::vector<std::uint32_t>> sentences;
  for (std::uint32_t k = 1; k <= 10; ++k) sentences.push_back({0, k});
  const EvidenceChannel channel = Identity(sentences, sentences, 11);
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 0.2});
  EXPECT_FALSE(scorer.Active(true, 0));
  EXPECT_TRUE(scorer.Active(true, 1));
  const std::vector<LexicalMatch> matches = scorer.Matches(0, 1, 0, 1);
  ASSERT_EQ(matches.size(), 2u);  // key 1 from each side, not key 0
  EXPECT_TRUE(matches[0].source_side);
  EXPECT_FALSE(matches[1].source_side);
  EXPECT_EQ(channel.source.keys[matches[0].occurrence], 1u);
  EXPECT_EQ(channel.target.keys[matches[0].counterpart], 1u);
}

TEST(LexicalScorer, RareCounterpartsLimitTheReliability) {
  // Key 0 occurs in four source sentences, its counterpart in one target sentence only: a
  // missing match costs little (p = reliability / 4).
  const EvidenceChannel channel = Identity({{0}, {0}, {0}, {0}}, {{0}, {1}, {1}, {1}}, 2);
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 1.0});
  EXPECT_NEAR(scorer.Cost(1, 1, 1, 1), -std::log(1 - 0.8 / 4), 1e-6);
}

TEST(LexicalScorer, ReliabilityFromBeads) {
  const EvidenceChannel channel = Parallel();
  const LexicalScorer scorer(channel, {.reliability = 0.5, .max_sentence_share = 0.5});
  Ladder right;
  for (std::size_t k = 0; k < 10; ++k) right.push_back({k, 1, k, 1, 1.0});
  const ReliabilityCounts counts = scorer.Count(right);
  EXPECT_EQ(counts.occurrences, 40u);
  // Every occurrence matched: the estimate approaches 1 as the evidence outweighs the prior.
  EXPECT_GT(EstimateReliability(counts, 0.5, 10), 0.85);
  EXPECT_NEAR(EstimateReliability(counts, 0.5, 1e9), 0.5, 1e-3);
  Ladder wrong;
  for (std::size_t k = 0; k + 1 < 10; ++k) wrong.push_back({k, 1, k + 1, 1, 1.0});
  EXPECT_LT(EstimateReliability(scorer.Count(wrong), 0.5, 10), 0.2);
}

}  // namespace
}  // namespace tandem::align
