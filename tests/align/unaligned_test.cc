// What has no counterpart: sentences that a translation leaves out or adds must come out as
// one-sided beads, not glued onto a neighbour, and a translation without a dictionary must not
// be declared untranslated. Constructed bitexts with exact expected ladders.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "made_up_bitext.h"
#include "tandem/align/aligner.h"

namespace tandem::align {
namespace {

using test_data::MadeUpBitext;

// A bitext under construction: sentences of both sides with their paragraphs, and the ladder
// that should come out.
struct Case {
  std::vector<std::string> source;
  std::vector<std::string> target;
  std::vector<std::size_t> source_paragraphs;
  std::vector<std::size_t> target_paragraphs;
  Ladder expected;

  void AddPair(const std::pair<std::string, std::string>& pair, std::size_t paragraph) {
    expected.push_back({source.size(), 1, target.size(), 1, 0});
    AddSource(pair.first, paragraph);
    AddTarget(pair.second, paragraph);
  }
  void AddSource(const std::string& s, std::size_t paragraph) {
    source.push_back(s);
    source_paragraphs.push_back(paragraph);
  }
  void AddTarget(const std::string& t, std::size_t paragraph) {
    target.push_back(t);
    target_paragraphs.push_back(paragraph);
  }
  // A source sentence without counterpart (1:0).
  void Omitted(const std::string& s, std::size_t paragraph) {
    expected.push_back({source.size(), 1, target.size(), 0, 0});
    AddSource(s, paragraph);
  }
  // A target sentence without counterpart (0:1).
  void Added(const std::string& t, std::size_t paragraph) {
    expected.push_back({source.size(), 0, target.size(), 1, 0});
    AddTarget(t, paragraph);
  }

  Ladder Align(const std::vector<Lexicon>& lexicons, std::string target_language = "hu") const {
    AlignInput input;
    for (const std::string& s : source) input.source.push_back(s);
    for (const std::string& t : target) input.target.push_back(t);
    input.source_language = "en";
    input.target_language = std::move(target_language);
    input.source_paragraphs = source_paragraphs;
    input.target_paragraphs = target_paragraphs;
    input.lexicons = lexicons;
    StatusOr<Ladder> ladder = tandem::align::Align(input, {});
    EXPECT_TRUE(ladder.ok()) << ladder.status().message();
    if (!ladder.ok()) return {};
    EXPECT_TRUE(ValidateLadder(*ladder, source.size(), target.size()).ok());
    for (Bead& bead : *ladder) bead.confidence = 0;  // structure only
    return *ladder;
  }
};

// How much of a translation the dictionary recognises in these tests: a free translation,
// as real dictionaries see real translations (FreeDict finds 40-70% of the words).
constexpr double kRendered = 0.5;

// Four paragraphs of five translated sentences each, with a short sentence that has no
// counterpart in the source at (paragraph, position) instead of a pair.
Case WithOmission(MadeUpBitext& bitext, std::size_t paragraph, std::size_t position) {
  Case c;
  for (std::size_t p = 0; p < 4; ++p) {
    for (std::size_t k = 0; k < 5; ++k) {
      if (p == paragraph && k == position) {
        c.Omitted(bitext.Unrelated('m', 4), p);
      } else {
        c.AddPair(bitext.Pair(kRendered), p);
      }
    }
  }
  return c;
}

TEST(Unaligned, ASentenceInsideAParagraph) {
  MadeUpBitext bitext;
  const Case c = WithOmission(bitext, 1, 2);
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

TEST(Unaligned, TheFirstSentenceOfAParagraph) {
  MadeUpBitext bitext;
  const Case c = WithOmission(bitext, 2, 0);
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

TEST(Unaligned, TheLastSentenceOfTheText) {
  MadeUpBitext bitext;
  const Case c = WithOmission(bitext, 3, 4);
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

TEST(Unaligned, ASentenceAddedByTheTranslation) {
  MadeUpBitext bitext;
  Case c;
  for (std::size_t k = 0; k < 12; ++k) {
    c.AddPair(bitext.Pair(kRendered), k / 4);
    if (k == 5) c.Added(bitext.Unrelated('t', 4), k / 4);
  }
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

// Beside a true 2:1 bead: the 2:1 stays, the sentence without counterpart after it is 1:0.
TEST(Unaligned, NextToATrueTwoToOne) {
  MadeUpBitext bitext;
  Case c;
  for (std::size_t k = 0; k < 6; ++k) c.AddPair(bitext.Pair(kRendered), 0);
  auto [s1, t1] = bitext.Pair(kRendered);
  auto [s2, t2] = bitext.Pair(kRendered);
  t1.pop_back();  // the period: the translation joins the two sentences
  c.expected.push_back({c.source.size(), 2, c.target.size(), 1, 0});
  c.AddSource(s1, 0);
  c.AddSource(s2, 0);
  c.AddTarget(t1 + " " + t2, 0);
  c.Omitted(bitext.Unrelated('m', 4), 0);
  for (std::size_t k = 0; k < 6; ++k) c.AddPair(bitext.Pair(kRendered), 0);
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

// A run of three sentences left out in the middle of a paragraph.
TEST(Unaligned, ARunOfSentences) {
  MadeUpBitext bitext;
  Case c;
  for (std::size_t k = 0; k < 8; ++k) c.AddPair(bitext.Pair(kRendered), 0);
  for (std::size_t k = 0; k < 3; ++k) c.Omitted(bitext.Unrelated('m', 4), 0);
  for (std::size_t k = 0; k < 8; ++k) c.AddPair(bitext.Pair(kRendered), 0);
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

// A separator paragraph that only the source has: it stands alone, not glued to the next
// sentence (the bundled letter's `* * *`).
TEST(Unaligned, ASeparatorOnOneSide) {
  MadeUpBitext bitext;
  Case c;
  for (std::size_t k = 0; k < 5; ++k) c.AddPair(bitext.Pair(kRendered), 0);
  c.Omitted("* * *", 1);
  // The target runs both paragraphs into one.
  for (std::size_t k = 0; k < 5; ++k) {
    c.expected.push_back({c.source.size(), 1, c.target.size(), 1, 0});
    auto [s, t] = bitext.Pair(kRendered);
    c.AddSource(s, 2);
    c.AddTarget(t, 0);
  }
  EXPECT_EQ(c.Align({bitext.lexicon()}), c.expected);
}

// A made-up distant pair: Latin letters against CJK ideographs, no word or number in common and
// no dictionary. The translation is about a third as long in characters, sentence by sentence,
// and joins a sentence pair now and then; the lengths alone must carry the alignment.
TEST(Unaligned, ADistantPairWithoutDictionaryAlignsByLength) {
  std::mt19937 rng(7);
  auto latin = [&rng](std::size_t characters) {
    std::string s;
    while (s.size() < characters) {
      if (!s.empty()) s += ' ';
      const std::size_t n = 3 + rng() % 6;
      for (std::size_t k = 0; k < n; ++k) s += static_cast<char>('a' + rng() % 26);
    }
    return s + ".";
  };
  auto ideographs = [&rng](std::size_t characters) {
    std::string s;
    for (std::size_t k = 0; k < characters; ++k) {
      const char32_t c = 0x4E00 + rng() % 0x1000;  // three UTF-8 bytes each
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s + "\xE3\x80\x82";  // 。
  };
  Case c;
  for (std::size_t k = 0; k < 60; ++k) {
    const std::size_t length = 20 + rng() % 200;
    // A third as long, give or take a fifth.
    const std::size_t translated = length * (80 + rng() % 40) / 300;
    if (k % 10 == 4) {
      // Two source sentences, one target sentence.
      const std::size_t second = 20 + rng() % 200;
      c.expected.push_back({c.source.size(), 2, c.target.size(), 1, 0});
      c.AddSource(latin(length), k / 8);
      c.AddSource(latin(second), k / 8);
      c.AddTarget(ideographs(translated + second * (80 + rng() % 40) / 300), k / 8);
    } else {
      c.expected.push_back({c.source.size(), 1, c.target.size(), 1, 0});
      c.AddSource(latin(length), k / 8);
      c.AddTarget(ideographs(translated), k / 8);
    }
  }
  const Ladder ladder = c.Align({}, "zh");
  std::size_t two_sided = 0;
  for (const Bead& bead : ladder) two_sided += bead.two_sided() ? 1 : 0;
  EXPECT_EQ(two_sided, ladder.size()) << "nothing is left without counterpart";
  EXPECT_EQ(ladder, c.expected);
}

}  // namespace
}  // namespace tandem::align
