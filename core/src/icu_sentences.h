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

class IcuSentenceBreaker {
 public:
  // `suppressions`: use ICU's own abbreviation data for the language ("ss=standard"), for
  // languages tandem has no rules of its own for.
  static StatusOr<IcuSentenceBreaker> Create(const std::string& language, bool suppressions);

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
