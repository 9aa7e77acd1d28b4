// Private: the third stage of the Segmenter. Language rules decide which of ICU's candidate
// boundaries end a sentence, and add the few boundaries ICU cannot see (inline list items,
// a missing space after a sentence end, "…" before a capital, and sentences that end without
// punctuation: captions, headings in capitals, speech broken off with a dash). The rules read data,
// not code, for everything that is language-specific (segment_rules.h).
//
// How a candidate is decided, in order (docs/architecture.md has the full story):
//   - no whitespace after it ("!\"-ral", "„...Hasonló")            -> not a boundary
//   - after ! or ?: a lower-case word follows ("Yahoo! in")          -> not a boundary
//   - ellipses: "[...]" and a spaced ". . ." are omissions; four dots end a sentence
//   - the list marker that starts the sentence ("1.", "a.", "• 9.") -> not a boundary
//   - a lower-case word follows a period                             -> not a boundary
//   - abbreviations, initials, dotted forms ("U.S.", "a.m."), numbers (and, for languages that
//     write ordinals with a period, ordinals) decide by their class and by what follows
//   - anything else ICU proposed                                     -> a boundary
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment_rules.h"

namespace tandem::internal {

// How the words after sentence terminators begin, in some text: evidence of a writing style
// without capitals at sentence starts (chat, e-mail).
struct SentenceStarts {
  std::size_t lower_case = 0;
  std::size_t capitalised = 0;
  void Add(const SentenceStarts& other) {
    lower_case += other.lower_case;
    capitalised += other.capitalised;
  }
  // At least two lower-case starts, and at least one in four.
  bool LowerCaseStyle() const { return lower_case >= 2 && 3 * lower_case >= capitalised; }
  // When `capitalised` is only an upper bound (CountSentenceStarts without exact capitals),
  // whether the exact count could change LowerCaseStyle().
  bool Undecided() const { return lower_case >= 2 && 3 * lower_case < capitalised; }
};

class SentenceRules {
 public:
  explicit SentenceRules(SegmentRules rules) : rules_(std::move(rules)) {}

  const SegmentRules& rules() const { return rules_; }

  // The sentence boundaries of one paragraph: ascending, starting with 0 and ending with
  // text.size(). `text` is the paragraph (valid UTF-8) with its line breaks turned into spaces;
  // `candidates` are ICU's boundaries strictly inside it, ascending. `lower_case_style`: the
  // text around the paragraph does not capitalise sentence starts, so a lower-case word after
  // a terminator may start a sentence.
  std::vector<std::size_t> Boundaries(std::string_view text,
                                      const std::vector<std::size_t>& candidates,
                                      bool lower_case_style) const;

  // The sentence starts in `text`, to decide the style of a block of paragraphs. Capitalised
  // words after the periods of abbreviations, initials and numbers are no evidence; without
  // `exact_capitals` they are counted all the same, which makes `capitalised` an upper bound and
  // saves looking up the word before every sentence end (see SentenceStarts::Undecided).
  SentenceStarts CountSentenceStarts(std::string_view text, bool exact_capitals = true) const;

 private:
  SegmentRules rules_;
};

}  // namespace tandem::internal
