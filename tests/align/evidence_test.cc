#include "evidence.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

TEST(NameSkeleton, SpellingsOfOneNameMeet) {
  EXPECT_EQ(NameSkeleton("volinsky"), NameSkeleton("volynsky"));
  EXPECT_EQ(NameSkeleton("trotsky"), NameSkeleton("trockij"));
  EXPECT_EQ(NameSkeleton("comintern"), NameSkeleton("komintern"));
  EXPECT_EQ(NameSkeleton("stalin"), NameSkeleton("sztalin"));
  EXPECT_EQ(NameSkeleton("georgi"), NameSkeleton("georgij"));
  EXPECT_EQ(NameSkeleton("philosophy"), "filosofi");
  EXPECT_EQ(NameSkeleton("o'callaghan"), "okalaghan");
  EXPECT_NE(NameSkeleton("stalin"), NameSkeleton("lenin"));
}

TEST(Lcsr, SharesOfTheLongerString) {
  EXPECT_DOUBLE_EQ(Lcsr("butov", "butovot"), 5.0 / 7.0);
  EXPECT_DOUBLE_EQ(Lcsr("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(Lcsr("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(Lcsr("", "abc"), 0.0);
  EXPECT_GE(Lcsr(NameSkeleton("sermouks"), NameSkeleton("szermukot")), 0.7);
}

struct Analysed {
  std::vector<std::string_view> source;
  std::vector<std::string_view> target;
  std::vector<Lexicon> lexicons;
  BitextEvidence evidence;
};

BitextEvidence Analyse(const std::vector<std::string_view>& source,
                       const std::vector<std::string_view>& target,
                       const std::vector<Lexicon>& lexicons, const std::string& sl = "en",
                       const std::string& tl = "hu") {
  AnalysisInput input;
  input.source = &source;
  input.target = &target;
  input.source_language = sl;
  input.target_language = tl;
  input.lexicons = &lexicons;
  StatusOr<BitextEvidence> evidence = AnalyzeBitext(input, {});
  EXPECT_TRUE(evidence.ok()) << evidence.status().message();
  return std::move(*evidence);
}

// The readable names of the target keys linked to the source key named `source`.
std::vector<std::string> LinkedTo(const EvidenceChannel& channel, const std::string& source) {
  std::vector<std::string> out;
  const auto& names = channel.source.key_names;
  const auto it = std::find(names.begin(), names.end(), source);
  if (it == names.end()) return out;
  for (const KeyLink& link : channel.links[it - names.begin()]) {
    out.push_back(channel.target.key_names[link.target]);
  }
  return out;
}

TEST(AnalyzeBitext, DictionaryMatchesThroughStems) {
  // "answers" and "válaszok" reach the entry answer = válasz through stemming on both sides.
  const std::vector<std::string_view> source = {"Two answers."};
  const std::vector<std::string_view> target = {"K\xC3\xA9t v\xC3\xA1laszok."};
  const std::vector<Lexicon> lexicons = {{"test", {{"answer", "v\xC3\xA1lasz"}}}};
  const BitextEvidence evidence = Analyse(source, target, lexicons);
  EXPECT_EQ(LinkedTo(evidence.dictionary, "answer"), std::vector<std::string>{"v\xC3\xA1lasz"});
  EXPECT_EQ(evidence.stats.lexicon_entries_used, 1u);
  EXPECT_TRUE(evidence.stats.source_stemmed);
  EXPECT_EQ(evidence.dictionary.origins, std::vector<std::string>{"test"});
}

TEST(AnalyzeBitext, EntriesWhoseWordsAreNotInTheTextsAreDropped) {
  const std::vector<std::string_view> source = {"A horse."};
  const std::vector<std::string_view> target = {"Egy l\xC3\xB3."};
  const std::vector<Lexicon> lexicons = {
      {"test", {{"cow", "teh\xC3\xA9n"}, {"horse", "l\xC3\xB3"}}}};
  const BitextEvidence evidence = Analyse(source, target, lexicons);
  EXPECT_EQ(evidence.stats.lexicon_entries_used, 1u);
}

TEST(AnalyzeBitext, PlaceholdersAndMultiWordEntries) {
  // "give sg up" = "felad vmit": placeholders dropped, the phrase "give up" is found as a run
  // of stems in the sentence; "to" before an English verb is not part of it.
  const std::vector<std::string_view> source = {"They give up the fight."};
  const std::vector<std::string_view> target = {"Mindig felad minden harcot."};
  const std::vector<Lexicon> lexicons = {
      {"test", {{"to give sg up", "vmit felad"}, {"fight", "harc"}}}};
  const BitextEvidence evidence = Analyse(source, target, lexicons);
  EXPECT_EQ(evidence.stats.lexicon_entries_used, 2u);
  const auto& names = evidence.dictionary.source.key_names;
  const auto phrase = std::find(names.begin(), names.end(), "give up");
  ASSERT_NE(phrase, names.end());
  // The phrase occurs in sentence 0 of the source, spanning "give up".
  bool found = false;
  const KeyedSide& side = evidence.dictionary.source;
  for (std::size_t k = 0; k < side.keys.size(); ++k) {
    if (side.keys[k] == static_cast<std::uint32_t>(phrase - names.begin())) {
      found = true;
      EXPECT_EQ(source[0].substr(side.spans[k].begin, side.spans[k].size()), "give up");
    }
  }
  EXPECT_TRUE(found);
}

TEST(AnalyzeBitext, NumbersAndNamesCarryOver) {
  const std::vector<std::string_view> source = {
      "Volinsky came after seventy-three days and 2,500 miles."};
  const std::vector<std::string_view> target = {
      "Volynsky 73 nap \xC3\xA9s 2500 m\xC3\xA9rf\xC3\xB6ld ut\xC3\xA1n \xC3\xA9rkezett."};
  const BitextEvidence evidence = Analyse(source, target, {});
  EXPECT_EQ(evidence.numbers.source.key_names, evidence.numbers.target.key_names);
  EXPECT_EQ(evidence.numbers.source.keys.size(), 2u);  // #73, #2500
  EXPECT_EQ(evidence.numbers.target.keys.size(), 2u);
  EXPECT_EQ(evidence.numbers.source.keys, evidence.numbers.target.keys);
  const std::vector<std::string> volinsky = LinkedTo(evidence.names, NameSkeleton("volinsky"));
  EXPECT_EQ(volinsky, std::vector<std::string>{NameSkeleton("volynsky")});
}

TEST(AnalyzeBitext, SimilarNamesAcrossInflection) {
  const std::vector<std::string_view> source = {"Sermouks and Butov were arrested."};
  const std::vector<std::string_view> target = {
      "Szermukot \xC3\xA9s Butovot letart\xC3\xB3ztatt\xC3\xA1k."};
  const BitextEvidence evidence = Analyse(source, target, {});
  EXPECT_EQ(LinkedTo(evidence.names, NameSkeleton("sermouks")),
            std::vector<std::string>{NameSkeleton("szermukot")});
  EXPECT_EQ(LinkedTo(evidence.names, NameSkeleton("butov")),
            std::vector<std::string>{NameSkeleton("butovot")});
  EXPECT_TRUE(LinkedTo(evidence.names, NameSkeleton("were")).empty());
}

TEST(AnalyzeBitext, LengthsInCharacters) {
  const std::vector<std::string_view> source = {"abc", "\xC5\x91sz"};  // ősz: 3 characters
  const std::vector<std::string_view> target = {"x"};
  const BitextEvidence evidence = Analyse(source, target, {});
  EXPECT_EQ(evidence.source_lengths, (std::vector<double>{3, 3}));
  EXPECT_EQ(evidence.target_lengths, (std::vector<double>{1}));
  EXPECT_EQ(evidence.dictionary.source.sentence_count(), 2u);
  EXPECT_EQ(evidence.dictionary.target.sentence_count(), 1u);
}

TEST(AnalyzeBitext, LanguagesWithoutStemmerAndUnknownLanguages) {
  const std::vector<std::string_view> source = {"Hestarnir hlupu."};
  const std::vector<std::string_view> target = {"The horses ran."};
  const BitextEvidence is = Analyse(source, target, {}, "is", "en");
  EXPECT_FALSE(is.stats.source_stemmed);
  EXPECT_TRUE(is.stats.target_stemmed);
  // No stemmer: words are cut to six characters, so inflected forms meet.
  const auto& names = is.dictionary.source.key_names;
  EXPECT_NE(std::find(names.begin(), names.end(), "hestar"), names.end());
  const BitextEvidence unknown = Analyse(source, target, {}, "", "");
  EXPECT_FALSE(unknown.stats.source_stemmed);
  EXPECT_EQ(unknown.dictionary.source.sentence_count(), 1u);
}

TEST(AnalyzeBitext, EmptyTexts) {
  const BitextEvidence evidence = Analyse({}, {}, {});
  EXPECT_EQ(evidence.dictionary.source.sentence_count(), 0u);
  EXPECT_TRUE(evidence.source_lengths.empty());
}

}  // namespace
}  // namespace tandem::align
