// Private: the per-language data of the segmenter's third stage (abbreviations, sentence
// starters, settings), parsed from the rule files in core/data/segmentation/ (compiled into the
// library) and from users' files (--abbreviations). The file format is in docs/formats.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tandem/core/status.h"

namespace tandem::internal {

// How an abbreviation behaves before a possible sentence boundary.
enum class AbbreviationClass {
  kNeverEnds,     // "Mr.", "pl.": the next word always continues the sentence
  kBeforeNumber,  // "No.", "Art.": continues the sentence when a number follows
  kCanEnd,        // "etc.", "stb.": ends a sentence when the next word starts one
};

// Which words start a new sentence after an abbreviation that can end one.
enum class AfterAbbreviation {
  kStarter,  // only the language's [sentence starters] (and titles such as "Mr.")
  kCapital,  // any capitalised word
};

// Heterogeneous lookup, so that string_views can be looked up without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct SegmentRules {
  bool ordinal_period = false;
  // The most digits an ordinal number has, 0 for any: German's "5. Juli" and "19. Jahrhundert"
  // have at most three, so "im Jahr 2007. Danach" and "um 16:25. Komist" end sentences there;
  // Hungarian writes years as ordinals ("1929. január").
  std::size_t ordinal_digits = 0;
  AfterAbbreviation after_abbreviation = AfterAbbreviation::kStarter;
  bool dialogue_dash = false;
  // A spaced dash before a sentence starter or an opening quote ends an interrupted sentence:
  // "if they — Maybe Harold", "statistics — “Each object".
  bool interrupted_dash = false;
  // Three or more words in capitals that start a sentence and run into a capitalised word are
  // a heading: "THE RELATIONSHIP WITH EUROPE From the beginning".
  bool capital_headings = false;
  // A period after an ordinary word ends a sentence before a lower-case word when the words
  // after it stand as a clause of their own ("kényszerítve. lakóhelyének megváltoztatása is
  // felmerül."); without it a period before a lower-case word never ends a sentence, which is
  // what an unknown abbreviation needs ("hv. þingmanni").
  bool lower_case_clause = false;
  // A lower-case letter with a period is an abbreviation ("p. 5", "p. Luth"), unless it is one
  // of the [single-letter words]; with "no", ICU decides, as for any word ("treystum á. Hann").
  bool one_letter_abbreviations = false;
  // A semicolon before a capitalised sentence starter ends a sentence: the language writes
  // lower case after a semicolon ("llovía sin parar; En casa nadie dormía").
  bool semicolon_starter = false;
  // The language introduces direct speech with a colon ("řekla: \"Ne.\""), so a few plain words
  // after a sentence end that run into a quoted sentence are a title ("a odešel.\" Návrat
  // domů \"Kde jsi byl?\" ...").
  bool title_before_quote = false;
  // Add ICU's abbreviation list for the language to the lists (AddIcuAbbreviations).
  bool icu_suppressions = true;
  // Keys keep their final period ("U.S.", "stb.").
  StringMap<AbbreviationClass> abbreviations;
  StringSet starters;
  StringSet single_letter_words;
  // Words the language writes in lower case inside a sentence (pronouns, conjunctions, adverbs;
  // German also articles and prepositions): capitalised after a word without punctuation they
  // start a sentence, and the one before ended without punctuation ("Mieter zahlen mehr
  // Der Bundestag": a headline, a review, a list item).
  StringSet unpunctuated_starters;
  // Articles of languages that write nouns in lower case: the same before a lower-case word
  // ("abre em Braga Os doentes chegam"); before a capitalised one they begin a name or a title
  // ("o jornal O Globo", "en La Paz").
  StringSet unpunctuated_articles;
  // Words that label a caption with a number: "Figure 2.2 A pre-1982 penny".
  StringSet caption_labels;

  // The class of `token` (with its final period), matched as a whole word: exactly, or, when
  // the list has it in lower case, with a capital first letter ("Stb." for "stb."); or else
  // the last part of a hyphenated compound, the same way ("Zimmermann-Str.", "Dipl.-Ing.").
  // Never a word ending: "war." is not "r.".
  std::optional<AbbreviationClass> FindAbbreviation(std::string_view token) const;
  bool IsStarter(std::string_view word) const { return starters.find(word) != starters.end(); }
  bool IsUnpunctuatedStarter(std::string_view word) const {
    return unpunctuated_starters.find(word) != unpunctuated_starters.end();
  }
  bool IsUnpunctuatedArticle(std::string_view word) const {
    return unpunctuated_articles.find(word) != unpunctuated_articles.end();
  }
  bool IsCaptionLabel(std::string_view word) const {
    return caption_labels.find(word) != caption_labels.end();
  }
  bool IsSingleLetterWord(std::string_view word) const {
    return single_letter_words.find(word) != single_letter_words.end();
  }

 private:
  std::optional<AbbreviationClass> FindWholeAbbreviation(std::string_view token) const;
};

// Adds the rules in `text` to `rules`: settings replace earlier ones, list entries are added
// (an abbreviation listed again takes its new class). Lines before any section header are
// abbreviations that never end a sentence, so that a plain list of abbreviations is a valid
// file. `name` names the text in messages ("abbr.txt:12: ...").
Status ParseSegmentRules(std::string_view text, std::string_view name, SegmentRules* rules);

// Adds ICU's abbreviations for the language (IcuAbbreviations) that the rules do not list, as
// abbreviations that never end a sentence (ICU's own meaning), matched as whole tokens like
// every other entry. Entries of several words ("n. Chr.") and single letters (initials, which
// the rules judge by what follows) are left out.
void AddIcuAbbreviations(const std::vector<std::string>& abbreviations, SegmentRules* rules);

// The rules compiled into tandem for a BCP 47 language: default.rules, then the file of the
// language's primary subtag ("en" for "en-GB") when tandem has one.
StatusOr<SegmentRules> BuiltinSegmentRules(std::string_view language);

// The languages (primary subtags) that have a rule file of their own, sorted.
std::vector<std::string> BuiltinRuleLanguages();

}  // namespace tandem::internal
