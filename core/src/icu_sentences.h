// Private: the second stage of the Segmenter. ICU's sentence BreakIterator proposes candidate
// boundaries inside a paragraph; the language rules (sentence_rules.h) then keep or drop them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "tandem/core/status.h"

namespace tandem::internal {

// ICU's abbreviations for `language`: the sentence-break exceptions of its break-iterator data
// ("Dr.", "z.B.", "r."), each with its final period, or nothing when ICU has none for the
// language itself (ICU would fall back to another language's list). ICU's own filter
// ("ss=standard") is not used: it matches these against the ends of words, so that its "r."
// kept "sehr lecker war. Die" together; the rules match them as whole tokens instead.
std::vector<std::string> IcuAbbreviations(const std::string& language);

class IcuSentenceBreaker {
 public:
  // ICU's plain sentence breaks for the language (no abbreviation filter).
  static StatusOr<IcuSentenceBreaker> Create(const std::string& language);

  // One user's state: a clone of the compiled rules and a UText. A Cursor is cheap to reuse for
  // many paragraphs but must not be shared between threads.
  class Cursor {
   public:
    explicit Cursor(std::unique_ptr<icu::BreakIterator> iterator);
    Cursor(Cursor&&) noexcept;
    Cursor& operator=(Cursor&&) noexcept;
    // Not copyable: it owns a UText.
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    ~Cursor();

    // ICU's boundaries strictly inside `text` (UTF-8), ascending, as byte offsets; `out` is
    // cleared first.
    void Candidates(std::string_view text, std::vector<std::size_t>* out);

   private:
    std::unique_ptr<icu::BreakIterator> iterator_;
    UText* utext_ = nullptr;
  };

  Cursor NewCursor() const;

 private:
  explicit IcuSentenceBreaker(std::shared_ptr<const icu::BreakIterator> prototype)
      : prototype_(std::move(prototype)) {}
  std::shared_ptr<const icu::BreakIterator> prototype_;
};

}  // namespace tandem::internal
